import { cloudMain } from '../../_runtime/cloud-entry';
import { orgFunction } from './handler';

export { orgFunction };

/** CloudBase entry point: `index.main`. */
export const main = cloudMain(orgFunction);

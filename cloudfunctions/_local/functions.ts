import type { FunctionHandler } from '../_runtime/handler';
import { orgFunction } from '../org/src/handler';

/** The same handlers CloudBase runs, by function name. */
export const LOCAL_FUNCTIONS: Record<string, FunctionHandler> = {
  org: orgFunction,
};

import { cloudTimerMain } from '../../_runtime/cloud-entry';
import { runScheduler } from './handler';

/** CloudBase entry point (`index.main`), fired every minute by the timer trigger in config.json. */
export const main = cloudTimerMain(runScheduler);

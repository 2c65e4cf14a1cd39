import type { FunctionContext } from '../../_runtime/context';
import { releaseDueNotices } from '../../notices/src/release';

export interface SchedulerReport {
  at: number;
  notices: { released: number; notices: string[] };
}

/**
 * One scheduler tick: everything whose time has come. Driven by the CloudBase timer trigger in the
 * cloud and by the local host's interval locally; every step is idempotent, so a tick that fires
 * twice or late does each thing once.
 */
export async function runScheduler(ctx: FunctionContext): Promise<SchedulerReport> {
  return { at: ctx.now(), notices: await releaseDueNotices(ctx) };
}

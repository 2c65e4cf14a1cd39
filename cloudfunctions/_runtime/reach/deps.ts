import type { FunctionContext } from '../context';
import type { ReachDeps } from './remind-round';
import { reserveSmsBudget } from './sms-budget';

/** The engine's dependencies from a function's context: its channels and the committee's SMS budget. */
export function reachDepsOf(ctx: FunctionContext): ReachDeps {
  return { channels: ctx.channels, reserveSms: (count) => reserveSmsBudget(ctx, count) };
}

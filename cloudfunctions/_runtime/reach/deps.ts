import type { FunctionContext } from '../context';
import type { ReachDeps } from './remind-round';

/**
 * The engine's dependencies from a function's context. The SMS budget is the committee's monthly cap,
 * reserved by the reach-channels `reserveSmsBudget`; until that lands on this branch no SMS is reserved,
 * so SMS stays off rather than overspending (the engine's tests cover a real budget).
 */
export function reachDepsOf(ctx: FunctionContext): ReachDeps {
  return { channels: ctx.channels, reserveSms: async () => 0 };
}

import type { FunctionContext } from '../../_runtime/context';
import { reachDepsOf } from '../../_runtime/reach/deps';
import type { ReachSourceKind } from '../../_runtime/reach/reminder-store';
import { releaseDueRounds, type ReachSourceHooks } from '../../_runtime/reach/remind-round';
import { lessonReachHooks } from '../../lessons/src/reach-source';
import { noticeReachHooks } from '../../notices/src/reach-source';

/**
 * Each reminder source's steps for rounds the timer releases (deferred by quiet hours, or a second
 * round). Chat mentions remind everyone mentioned; meetings plug in their own steps when they arrive.
 */
const HOOKS: Record<ReachSourceKind, ReachSourceHooks> = {
  notice: noticeReachHooks,
  lesson: lessonReachHooks,
  mention: {},
  meeting: {},
  branch: {},
};

export async function releaseReachRounds(ctx: FunctionContext): Promise<{ released: string[] }> {
  return releaseDueRounds(ctx, reachDepsOf(ctx), (kind) => HOOKS[kind] ?? {});
}

import { progressId } from '../../../src/domain/lesson/lesson';
import type { ReachSourceHooks } from '../../_runtime/reach/remind-round';
import { findByIds, progressOf } from './load';

/**
 * A lesson reminder's source step for the engine: a deferred or second round reminds only those who
 * have still not completed the lesson. The in-app mark is the batch itself (`memberIds`, read by `today`).
 */
export const lessonReachHooks: ReachSourceHooks = {
  async stillPending(ctx, reminder, memberIds) {
    const progress = await findByIds(progressOf(ctx), memberIds.map((m) => progressId(reminder.sourceId, m)), ['memberId', 'completedAt']);
    const done = new Set(progress.filter((p) => p.completedAt !== null).map((p) => p.memberId));
    return memberIds.filter((m) => !done.has(m));
  },
};

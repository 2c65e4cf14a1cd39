import type { ChatImage } from '../../../src/domain/chat/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { bumpHead, messages } from './store';

/**
 * Starts WeChat's image check before the image message is stored. The file must exist in the file store
 * (uploaded first). The cloud answers `pending` (the message is stored as `reviewing`, seen only by its
 * sender until the `wxa_media_check` verdict); the local fake passes at once.
 */
export async function reviewImage(ctx: FunctionContext, image: ChatImage): Promise<{ state: 'visible' | 'reviewing'; traceId: string | null }> {
  const [url] = await ctx.files.urls([image.fileId]);
  if (!url) throw new AppError('BAD_REQUEST', '图片无效，请重新上传');
  if (!ctx.openid) throw new AppError('UNAUTHENTICATED');
  if (!ctx.wechat.checkImageAsync) throw new AppError('INTERNAL', '图片审核暂不可用，请稍后再试');
  const verdict = await ctx.wechat.checkImageAsync({ openid: ctx.openid, url, scene: 3 });
  if (verdict.verdict === 'risky') throw new AppError('CONTENT_FLAGGED', '图片未通过安全检测');
  return verdict.verdict === 'pending' ? { state: 'reviewing', traceId: verdict.traceId } : { state: 'visible', traceId: null };
}

/** WeChat's `wxa_media_check` push, as CloudBase delivers it to the function (fields we read). */
export interface MediaCheckEvent {
  Event: 'wxa_media_check';
  trace_id: string;
  result?: { suggest?: string; label?: number };
}

export const isMediaCheckEvent = (event: unknown): event is MediaCheckEvent =>
  !!event && typeof event === 'object' && (event as { Event?: unknown }).Event === 'wxa_media_check' && typeof (event as { trace_id?: unknown }).trace_id === 'string';

/**
 * Applies a verdict: a reviewing image becomes visible (everyone's doorbell rings: rev bumps) or
 * rejected (only its sender sees that). Idempotent: a repeated push finds nothing reviewing.
 */
export async function applyMediaVerdict(ctx: FunctionContext, event: MediaCheckEvent): Promise<{ updated: number }> {
  const [m] = await messages(ctx).find({ traceId: event.trace_id, state: 'reviewing' }, { limit: 1 });
  if (!m) return { updated: 0 };
  const pass = event.result?.suggest === 'pass';
  const head = await bumpHead(ctx, m.branchId, () => ({ newMessage: false }));
  const updated = await messages(ctx).update(
    { _id: m._id, state: 'reviewing' },
    { $set: { state: pass ? 'visible' : 'rejected', rev: head.rev, changedAt: ctx.now() } },
  );
  return { updated };
}

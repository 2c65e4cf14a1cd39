import type { ChatMessageView } from '../../../src/domain/api/chat';
import { recallDeadline } from '../../../src/domain/chat/rules';
import type { ChatMessageDoc } from '../../../src/domain/chat/types';
import type { FunctionContext } from '../../_runtime/context';

/** Images under review (or refused) are shown to their sender only. */
export const visibleTo = (m: ChatMessageDoc, memberId: string): boolean =>
  (m.state !== 'reviewing' && m.state !== 'rejected') || m.senderId === memberId;

/**
 * Messages as the caller sees them, image URLs resolved in one batch. Recalled and removed messages
 * keep their place (seq) but lose their content.
 */
export async function toViews(ctx: FunctionContext, docs: ChatMessageDoc[], memberId: string): Promise<ChatMessageView[]> {
  const shown = docs.filter((m) => visibleTo(m, memberId));
  const withImage = shown.filter((m) => m.image && m.state !== 'recalled' && m.state !== 'removed');
  const urls = withImage.length ? await ctx.files.urls(withImage.map((m) => m.image!.fileId)) : [];
  const urlOf = new Map(withImage.map((m, i) => [m._id, urls[i]]));
  return shown.map((m) => {
    const gone = m.state === 'recalled' || m.state === 'removed';
    const url = urlOf.get(m._id);
    return {
      seq: m.seq,
      rev: m.rev,
      clientMsgId: m.clientMsgId,
      senderId: m.senderId,
      senderName: m.senderName,
      kind: m.kind,
      text: gone ? '' : m.text,
      image: !gone && m.image && url ? { ...m.image, url } : null,
      quote: gone ? null : m.quote,
      mentions: gone ? [] : m.mentions,
      mentionAll: gone ? false : m.mentionAll,
      state: m.state,
      createdAt: m.createdAt,
      mine: m.senderId === memberId,
      recallUntil: recallDeadline(m.createdAt),
    };
  });
}

export async function toView(ctx: FunctionContext, doc: ChatMessageDoc, memberId: string): Promise<ChatMessageView> {
  const [view] = await toViews(ctx, [doc], memberId);
  return view;
}

import type { ChatMessageView } from '../../domain/api/chat';

export type MenuAction = 'copy' | 'reply' | 'recall' | 'pin' | 'unpin' | 'notice' | 'remove';

export const MENU_LABELS: Record<MenuAction, string> = {
  copy: '复制',
  reply: '回复',
  recall: '撤回',
  pin: '设为置顶公告',
  unpin: '取消置顶',
  notice: '转为通知',
  remove: '移除',
};

/** What the long-press menu offers for a message (at most six: WeChat's action sheet limit). */
export function menuFor(m: ChatMessageView, opts: { canModerate: boolean; pinnedSeq: number | null; now: number }): MenuAction[] {
  const live = m.state === 'visible' || m.state === 'reviewing';
  if (!live) return [];
  const out: MenuAction[] = [];
  if (m.kind === 'text') out.push('copy');
  if (m.state === 'visible') out.push('reply');
  if (m.mine && opts.now < m.recallUntil) out.push('recall');
  if (opts.canModerate && m.state === 'visible') {
    out.push(opts.pinnedSeq === m.seq ? 'unpin' : 'pin');
    out.push('notice');
  }
  if (opts.canModerate) out.push('remove');
  return out;
}

/** The reply preview and the quote excerpt the composer shows. */
export const excerptOf = (m: ChatMessageView): string => (m.kind === 'image' ? '[图片]' : m.text.length > 60 ? `${m.text.slice(0, 60)}…` : m.text);

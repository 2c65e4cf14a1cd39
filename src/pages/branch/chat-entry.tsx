import { useAsync } from '../../hooks/use-async';
import { useOnReturn } from '../../hooks/use-page-visibility';
import { chatApi } from '../../platform/api';
import { setBranchChatBadge } from '../../platform/tab-badge';
import { ROUTES } from '../../utils/routes';
import { EntryRow } from './entry-row';

/**
 * 支部交流, first on the 支部 tab: the unread count, and a separate “有人@我” mark. One `badge` call
 * (at most 2 storage reads) on open and on every return, which also sets the tab's badge.
 */
export function ChatEntry() {
  const badge = useAsync(async () => {
    const b = await chatApi('badge', {});
    setBranchChatBadge(b.unread, b.mentioned);
    return b;
  }, []);
  useOnReturn(() => void badge.reload());
  const b = badge.data;
  const unread = b && b.unread > 0 ? (b.unread > 99 ? '99+' : String(b.unread)) : null;
  return (
    <EntryRow
      className="branch-chat-entry"
      glyph="聊"
      title="支部交流"
      desc={unread ? `${unread} 条新消息` : '和支部同志交流、提问、建议'}
      mention={b?.mentioned ? { text: '有人@我' } : null}
      badge={unread}
      url={ROUTES.chat}
    />
  );
}

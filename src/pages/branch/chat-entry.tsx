import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { useAsync } from '../../hooks/use-async';
import { useOnReturn } from '../../hooks/use-page-visibility';
import { chatApi } from '../../platform/api';
import { setBranchChatBadge } from '../../platform/tab-badge';
import { ROUTES } from '../../utils/routes';
import { pressable } from '../../utils/pressable';

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
  return (
    <View className="chat-entry branch-chat-entry" {...pressable(() => void Taro.navigateTo({ url: ROUTES.chat }), 'link')}>
      <View className="chat-entry__icon">
        <View className="chat-entry__bubble">
          <Text className="chat-entry__glyph">聊</Text>
        </View>
      </View>
      <View className="chat-entry__main">
        <Text className="chat-entry__title">支部交流</Text>
        <Text className="chat-entry__desc">{b && b.unread > 0 ? `${b.unread > 99 ? '99+' : b.unread} 条新消息` : '和支部同志交流、提问、建议'}</Text>
      </View>
      {b?.mentioned && <Text className="chat-entry__mention">有人@我</Text>}
      {b && b.unread > 0 && <Text className="chat-entry__badge">{b.unread > 99 ? '99+' : b.unread}</Text>}
      <Text className="chat-entry__arrow">›</Text>
    </View>
  );
}

import { View, Text } from '@tarojs/components';
import type { ChatMessageView } from '../../domain/api/chat';
import { excerptOf } from './message-menu';
import { pressable } from '../../utils/pressable';

/** The branch announcement, pinned at the top until an officer unpins it; tap to jump to it. */
export function PinnedBar({ pinned, onJump }: { pinned: ChatMessageView; onJump: (seq: number) => void }) {
  return (
    <View className="chat-pinned" {...pressable(() => onJump(pinned.seq))}>
      <Text className="chat-pinned__tag">置顶</Text>
      <Text className="chat-pinned__text">
        {pinned.senderName}：{excerptOf(pinned)}
      </Text>
    </View>
  );
}

import { View, Text } from '@tarojs/components';
import { pressable } from '../../utils/pressable';

/** Everyday emoji as Unicode characters: they travel as text and need no image assets. */
export const EMOJI = [
  '😀', '😄', '😂', '🙂', '😊', '😉', '😍', '😘', '🤔', '😅', '😭', '😮',
  '😴', '😷', '🤝', '👍', '👏', '🙏', '💪', '👌', '✌️', '❤️', '🌹', '🎉',
  '☕', '🍵', '🌙', '☀️', '✅', '❌', '⭐', '🔥', '📌', '📣', '📚', '🏥',
];

export function EmojiPanel({ onPick }: { onPick: (emoji: string) => void }) {
  return (
    <View className="chat-emoji-panel">
      {EMOJI.map((e) => (
        <View key={e} className="chat-emoji" {...pressable(() => onPick(e))} aria-label={`表情 ${e}`}>
          <Text className="chat-emoji__char">{e}</Text>
        </View>
      ))}
    </View>
  );
}

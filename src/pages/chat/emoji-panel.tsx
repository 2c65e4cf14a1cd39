import { View, Text } from '@tarojs/components';

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
        <View key={e} className="chat-emoji" onClick={() => onPick(e)}>
          <Text className="chat-emoji__char">{e}</Text>
        </View>
      ))}
    </View>
  );
}

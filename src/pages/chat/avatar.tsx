import { View, Text } from '@tarojs/components';

const COLORS = ['#d9534f', '#e08a2e', '#3f8f5f', '#2f7fb8', '#7a5cb8', '#b85c8a', '#4a9aa0', '#8a6d3b'];

/** A name's colour, stable across visits (no photos: nothing to load on a weak signal). */
function colorOf(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return COLORS[h % COLORS.length];
}

/** The first character of the name (the surname) in a coloured circle. */
export function Avatar({ id, name }: { id: string; name: string }) {
  return (
    <View className="chat-avatar" style={{ background: colorOf(id) }}>
      <Text className="chat-avatar__text">{name.slice(0, 1)}</Text>
    </View>
  );
}

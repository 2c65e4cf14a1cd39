import { View, Text } from '@tarojs/components';

// Dark enough for the white initial to keep ≥ 4.5:1 contrast.
const COLORS = ['#b52b27', '#a35200', '#2a6b45', '#1f5f8f', '#5e4496', '#94406c', '#2d6f74', '#6b5220'];

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

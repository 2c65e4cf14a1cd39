import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { pressable } from '../../utils/pressable';

interface EntryRowProps {
  /** The row's own class besides `chat-entry` (what tests and styles select on). */
  className: string;
  /** One character in the coloured icon. */
  glyph: string;
  /** Extra class on the icon (the meetings row draws a calendar page rather than a speech bubble). */
  iconClassName?: string;
  title: string;
  desc: string;
  descClassName?: string;
  /** A short warning mark (有人@我, 待补学 N); nothing when absent. */
  mention?: { text: string; className?: string } | null;
  /** A count in a red dot; nothing when absent. */
  badge?: string | null;
  url: string;
}

/**
 * One entry row of the 支部 tab (支部交流, 三会一课): icon, title, a line under it, marks, chevron;
 * a tap opens `url`. The `chat-entry__*` classes are the row's styles (index.scss), shared by both rows.
 */
export function EntryRow({ className, glyph, iconClassName, title, desc, descClassName, mention, badge, url }: EntryRowProps) {
  return (
    <View className={`chat-entry ${className}`} {...pressable(() => void Taro.navigateTo({ url }), 'link')}>
      <View className="chat-entry__icon">
        <View className={`chat-entry__bubble ${iconClassName ?? ''}`}>
          <Text className="chat-entry__glyph">{glyph}</Text>
        </View>
      </View>
      <View className="chat-entry__main">
        <Text className="chat-entry__title">{title}</Text>
        <Text className={`chat-entry__desc ${descClassName ?? ''}`}>{desc}</Text>
      </View>
      {mention && <Text className={`chat-entry__mention ${mention.className ?? ''}`}>{mention.text}</Text>}
      {badge && <Text className="chat-entry__badge">{badge}</Text>}
      <Text className="chat-entry__arrow">›</Text>
    </View>
  );
}

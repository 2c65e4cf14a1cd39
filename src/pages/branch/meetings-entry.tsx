import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { useAsync } from '../../hooks/use-async';
import { useOnReturn } from '../../hooks/use-page-visibility';
import { meetingsApi } from '../../platform/api';
import { formatShortDateTime } from '../../utils/format-time';
import { ROUTES } from '../../utils/routes';
import { pressable } from '../../utils/pressable';

/** 三会一课 on the 支部 tab: the next meeting in one line and a mark when a make-up is due. */
export function MeetingsEntry() {
  const mine = useAsync(() => meetingsApi('mine', {}), []);
  useOnReturn(() => void mine.reload());
  const d = mine.data;
  const desc = d?.next ? `${formatShortDateTime(d.next.startAt)} ${d.next.typeLabel}：${d.next.topic}` : '会议通知、请假、签到与补学';
  return (
    <View className="chat-entry meetings-entry" {...pressable(() => void Taro.navigateTo({ url: ROUTES.meetings }), 'link')}>
      <View className="chat-entry__icon">
        <View className="chat-entry__bubble meetings-entry__bubble">
          <Text className="chat-entry__glyph">会</Text>
        </View>
      </View>
      <View className="chat-entry__main">
        <Text className="chat-entry__title">三会一课</Text>
        <Text className="chat-entry__desc meetings-entry-next">{desc}</Text>
      </View>
      {d && d.makeups.length > 0 && <Text className="chat-entry__mention meetings-entry-makeup">待补学 {d.makeups.length}</Text>}
      <Text className="chat-entry__arrow">›</Text>
    </View>
  );
}

import { View, Text, Image } from '@tarojs/components';
import type { MinutesView as Minutes } from '../../domain/api/meetings';
import { formatDateTime } from '../../utils/format-time';
import { nameList } from '../../utils/meeting-format';
import { pressable } from '../../utils/pressable';
import './index.scss';
import { previewImage } from '../../platform/preview-image';

/** Text as typed, a paragraph per line; never HTML. */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  return (
    <View className={`m-paragraphs ${className ?? ''}`}>
      {text.split('\n').map((line, i) => (line.trim() === '' ? <View key={i} className="m-paragraphs__gap" /> : <Text key={i} className="m-paragraph" userSelect>{line}</Text>))}
    </View>
  );
}

/** 应到 / 实到 / 请假 / 缺席 / 补学 in one line of numbers, then the names. */
export function AttendanceSummary({ attendance }: { attendance: Minutes['attendance'] }) {
  const c = attendance.counts;
  const cells: Array<[string, number, string]> = [
    ['应到', c.expected, 'expected'],
    ['实到', c.present, 'present'],
    ['请假', c.leave, 'leave'],
    ['缺席', c.absent, 'absent'],
    ['补学', c.madeUp, 'made-up'],
  ];
  return (
    <View className="m-attendance">
      <View className="m-attendance__counts">
        {cells.map(([label, n, key]) => (
          <View key={key} className={`m-attendance__cell m-count-${key}`}>
            <Text className="m-attendance__n">{n}</Text>
            <Text className="m-attendance__label">{label}</Text>
          </View>
        ))}
      </View>
      <Text className="m-attendance__names">出席：{nameList([...attendance.present, ...attendance.late.map((n) => `${n}（迟到）`)])}</Text>
      <Text className="m-attendance__names">请假：{nameList(attendance.leave)}</Text>
      <Text className="m-attendance__names">缺席：{nameList(attendance.absent)}</Text>
      {attendance.madeUp.length > 0 && <Text className="m-attendance__names">已补学：{nameList(attendance.madeUp)}</Text>}
    </View>
  );
}

/** Published (or draft) minutes as the branch reads them. */
export function MinutesBody({ minutes }: { minutes: Minutes }) {
  const urls = minutes.photos.map((p) => p.url).filter((u): u is string => u !== null);
  return (
    <View className="minutes-body">
      <Text className="m-minutes-meta">
        记录人 {minutes.recorderName}
        {minutes.publishedAt !== null ? ` · 发布于 ${formatDateTime(minutes.publishedAt)}` : ''}
        {minutes.version > 1 ? ` · 第 ${minutes.version} 版` : ''}
      </Text>
      <Text className="m-subtitle">出席情况</Text>
      <AttendanceSummary attendance={minutes.attendance} />
      <Text className="m-subtitle">会议内容</Text>
      <Paragraphs text={minutes.content} className="minutes-content" />
      {minutes.resolutions.trim() !== '' && (
        <>
          <Text className="m-subtitle">会议决议</Text>
          <Paragraphs text={minutes.resolutions} className="minutes-resolutions" />
        </>
      )}
      {urls.length > 0 && (
        <View className="m-photos">
          {urls.map((url, i) => (
            <View key={url} className="m-photo" {...pressable(() => void previewImage(urls, url).catch(() => undefined))} aria-label={`会议照片 ${i + 1}`}>
              <Image className="m-photo__img" src={url} mode="aspectFill" lazyLoad ariaLabel={`会议照片 ${i + 1}`} imgProps={{ alt: `会议照片 ${i + 1}` }} />
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

import { View, Text } from '@tarojs/components';
import { Switch } from '@nutui/nutui-react-taro';
import { ChoiceList } from '../../components/choice-list';
import { DateTimeField } from '../../components/date-time-field';
import { formatDate } from '../../utils/format-time';
import type { ScheduleDraft } from './schedule';

interface PublishOptionsProps {
  requireAck: boolean;
  onRequireAck: (value: boolean) => void;
  urgent: boolean;
  onUrgent: (value: boolean) => void;
  schedule: ScheduleDraft;
  onSchedule: (value: ScheduleDraft) => void;
}

/** 需确认, 紧急, an optional deadline, and 立即 / 定时 publishing. */
export function PublishOptions({ requireAck, onRequireAck, urgent, onUrgent, schedule, onSchedule }: PublishOptionsProps) {
  const today = formatDate(Date.now());
  return (
    <>
      <View className="compose-switch-row">
        <View className="compose-switch-row__text">
          <Text className="compose-field__label">需要确认</Text>
          <Text className="muted compose-switch-row__hint">党员阅读后需点“我已知晓”</Text>
        </View>
        <Switch className="compose-require-ack" checked={requireAck} onChange={onRequireAck} />
      </View>

      <View className="compose-switch-row">
        <View className="compose-switch-row__text">
          <Text className="compose-field__label">紧急</Text>
          <Text className="muted compose-switch-row__hint">提醒可发短信，夜间也立即发送；请仅用于确需立即知晓的事</Text>
        </View>
        <Switch className="compose-urgent" checked={urgent} onChange={onUrgent} />
      </View>

      <View className="compose-switch-row">
        <View className="compose-switch-row__text">
          <Text className="compose-field__label">截止时间</Text>
          <Text className="muted compose-switch-row__hint">可选，提醒党员在此之前阅读</Text>
        </View>
        <Switch className="compose-has-deadline" checked={schedule.hasDeadline} onChange={(hasDeadline) => onSchedule({ ...schedule, hasDeadline })} />
      </View>
      {schedule.hasDeadline && (
        <DateTimeField className="compose-deadline" label="截止于" value={schedule.deadline} start={today} onChange={(deadline) => onSchedule({ ...schedule, deadline })} />
      )}

      <View className="compose-field">
        <Text className="compose-field__label">发布时间</Text>
        <ChoiceList
          className="compose-schedule"
          choices={[
            { value: 'now', label: '立即发布', className: 'schedule-now' },
            { value: 'later', label: '定时发布', description: '到点自动发布（北京时间）', className: 'schedule-later' },
          ]}
          value={schedule.later ? 'later' : 'now'}
          onChange={(v) => onSchedule({ ...schedule, later: v === 'later' })}
        />
      </View>
      {schedule.later && (
        <DateTimeField className="compose-publish-at" label="发布于" value={schedule.publishAt} start={today} onChange={(publishAt) => onSchedule({ ...schedule, publishAt })} />
      )}
    </>
  );
}

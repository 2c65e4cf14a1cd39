import { View, Text } from '@tarojs/components';
import type { ReachReportView, ReachRoundView } from '../../domain/api/reach';
import { CHANNEL_LABELS } from '../../domain/reach/report';
import type { ChannelName } from '../../domain/reach/types';
import { formatShortDateTime } from '../../utils/format-time';
import './reach-report.scss';

const CHANNELS: ChannelName[] = ['wechat', 'wecom', 'sms', 'inapp'];

function roundTitle(r: ReachRoundView, now: number): string {
  const label = `第 ${r.n} 轮`;
  if (r.status === 'sent') return `${label} · ${formatShortDateTime(r.sentAt ?? r.dueAt, now)} 已发送`;
  if (r.status === 'sending') return `${label} · 正在发送`;
  return `${label} · 将于 ${formatShortDateTime(r.dueAt, now)} 发送${r.deferred ? '（免打扰时段后）' : ''}`;
}

function Round({ round, now, only }: { round: ReachRoundView; now: number; only: boolean }) {
  const sent = round.status === 'sent';
  return (
    <View className="reach-round">
      {!only || !sent ? <Text className="reach-round__title">{roundTitle(round, now)}</Text> : null}
      {sent && round.total === 0 && <Text className="muted reach-round__empty">到时大家都已完成，无需提醒</Text>}
      {sent && round.total > 0 && (
        <>
          <View className="reach-channels" role="list">
            {CHANNELS.map((c) => (
              <View key={c} className={`reach-channel reach-channel--${c}`} role="listitem">
                <Text className="reach-channel__count">{round.reached[c]}</Text>
                <Text className="reach-channel__label">{c === 'inapp' ? '仅应用内' : CHANNEL_LABELS[c]}</Text>
              </View>
            ))}
          </View>
          {round.failures.length > 0 && (
            <View className="reach-failures">
              <Text className="reach-section-title">未送达原因</Text>
              {round.failures.map((f) => (
                <Text key={`${f.channel}:${f.reason}`} className="reach-failure">
                  {CHANNEL_LABELS[f.channel]} · {f.label} {f.count} 人
                </Text>
              ))}
            </View>
          )}
          {round.unreached.length > 0 && (
            <View className="reach-unreached">
              <Text className="reach-section-title">{`未能送达 ${round.unreached.length} 人（仅应用内提醒，建议电话联系）`}</Text>
              {round.unreached.map((u) => (
                <View key={u.memberId} className="reach-person">
                  <Text className="reach-person__name">{u.name}</Text>
                  <Text className="reach-person__why">{u.why}</Text>
                </View>
              ))}
            </View>
          )}
        </>
      )}
    </View>
  );
}

/**
 * The reach report of one reminder: how many each channel reached, why the rest failed, and by name
 * who only got the in-app mark, so the secretary knows whom to call.
 */
export function ReachReport({ report, now }: { report: ReachReportView; now: number }) {
  return (
    <View className="reach-report">
      <Text className="reach-report__title">{`送达情况${report.urgent ? '（紧急）' : ''}`}</Text>
      {report.rounds.map((r) => (
        <Round key={r.n} round={r} now={now} only={report.rounds.length === 1} />
      ))}
    </View>
  );
}

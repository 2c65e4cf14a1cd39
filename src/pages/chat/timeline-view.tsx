import { View, Text, ScrollView } from '@tarojs/components';
import type { ChatMessageView } from '../../domain/api/chat';
import type { OutboxEntry } from '../../utils/chat-outbox';
import { chatTimeLabel, startsTimeGroup } from '../../utils/chat-time';
import { MessageRow, PendingRow } from './message-row';
import { pressable } from '../../utils/pressable';

interface Props {
  messages: ChatMessageView[];
  pending: OutboxEntry[];
  hasOlder: boolean;
  hasNewer: boolean;
  loadingOlder: boolean;
  /** Draw “以下为新消息” above the first message after this seq (null: no divider). */
  dividerAfterSeq: number | null;
  highlightSeq: number | null;
  scrollTarget: string;
  me: { memberId: string; name: string };
  now: number;
  onOlder: () => void;
  onNewer: () => void;
  onScroll: (scrollTop: number) => void;
  onAtBottom: () => void;
  onMenu: (m: ChatMessageView) => void;
  onJump: (seq: number) => void;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** The scrolling list: time labels every 5 minutes, the unread divider, messages, then the outbox. */
export function TimelineView(p: Props) {
  let previousAt: number | null = null;
  const dividerSeq = p.dividerAfterSeq === null ? null : (p.messages.find((m) => m.seq > p.dividerAfterSeq!)?.seq ?? null);
  return (
    <ScrollView
      className="chat-scroll"
      scrollY
      scrollIntoView={p.scrollTarget}
      upperThreshold={60}
      lowerThreshold={60}
      onScrollToUpper={p.onOlder}
      onScrollToLower={() => {
        p.onAtBottom();
        p.onNewer();
      }}
      onScroll={(e) => p.onScroll(e.detail.scrollTop)}
    >
      <View className="chat-list">
        <View className="chat-older">
          {p.hasOlder ? (
            <Text className="chat-older__link" {...pressable(p.onOlder)}>
              {p.loadingOlder ? '加载中…' : '查看更早的消息'}
            </Text>
          ) : (
            <Text className="chat-older__end">{p.messages.length > 0 ? '— 没有更早的消息了 —' : '还没有消息，说点什么吧'}</Text>
          )}
        </View>
        {p.messages.map((m) => {
          const showTime = startsTimeGroup(previousAt, m.createdAt);
          previousAt = m.createdAt;
          return (
            <View key={m.seq} id={`m-${m.seq}`} className={`chat-item chat-seq-${m.seq}`}>
              {m.seq === dividerSeq && (
                <View id="chat-divider" className="chat-divider">
                  <Text className="chat-divider__text">以下为新消息</Text>
                </View>
              )}
              {showTime && <Text className="chat-time">{chatTimeLabel(m.createdAt, p.now)}</Text>}
              <MessageRow m={m} highlighted={p.highlightSeq === m.seq} onMenu={p.onMenu} onQuoteTap={p.onJump} />
            </View>
          );
        })}
        {p.hasNewer && (
          <View className="chat-older">
            <Text className="chat-older__link" {...pressable(p.onNewer)}>
              查看更新的消息
            </Text>
          </View>
        )}
        {p.pending.map((e) => (
          <View key={e.clientId} id={`p-${e.clientId}`} className="chat-item">
            <PendingRow entry={e} me={p.me} onRetry={p.onRetry} onDiscard={p.onDiscard} />
          </View>
        ))}
        <View id="chat-bottom" className="chat-bottom" />
      </View>
    </ScrollView>
  );
}

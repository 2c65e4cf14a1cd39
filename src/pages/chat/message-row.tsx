import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import type { ChatMessageView } from '../../domain/api/chat';
import { LinkifiedText } from '../../components/linkified-text';
import type { OutboxEntry } from '../../utils/chat-outbox';
import { outboxImageDisplayUrl } from '../../platform/outbox-images';
import { Avatar } from './avatar';
import { pressable } from '../../utils/pressable';
import { previewImage } from '../../platform/preview-image';

/** Display size of an image bubble, keeping its aspect ratio inside 180–400 × 400 (750-wide units). */
function imageBox(width: number, height: number): { width: string; height: string } {
  const maxW = 400;
  const maxH = 400;
  const scale = Math.min(maxW / width, maxH / height, 1);
  const w = Math.max(180, Math.round(width * scale));
  const h = Math.max(120, Math.round(height * (w / width)));
  return { width: Taro.pxTransform(w), height: Taro.pxTransform(Math.min(h, 560)) };
}

const preview = (url: string) => void previewImage([url], url).catch(() => undefined);

function Quote({ quote, onTap }: { quote: NonNullable<ChatMessageView['quote']>; onTap: (seq: number) => void }) {
  return (
    <View className="chat-quote" {...pressable(() => onTap(quote.seq))}>
      <Text className="chat-quote__text">
        {quote.senderName}：{quote.kind === 'image' ? '[图片]' : quote.excerpt}
      </Text>
    </View>
  );
}

/** A notice in the middle of the timeline: recalls and removals. */
export function SystemLine({ text, className }: { text: string; className?: string }) {
  return (
    <View className={`chat-system ${className ?? ''}`}>
      <Text className="chat-system__text">{text}</Text>
    </View>
  );
}

interface RowProps {
  m: ChatMessageView;
  highlighted: boolean;
  onMenu: (m: ChatMessageView) => void;
  onQuoteTap: (seq: number) => void;
}

/** One server message: WeChat-like bubble, own on the right; text is always text, never HTML. */
export function MessageRow({ m, highlighted, onMenu, onQuoteTap }: RowProps) {
  if (m.state === 'recalled') return <SystemLine className="chat-recalled" text={`${m.mine ? '你' : m.senderName}撤回了一条消息`} />;
  if (m.state === 'removed') return <SystemLine className="chat-removed" text="该消息已被移除" />;
  const side = m.mine ? 'mine' : 'theirs';
  return (
    <View className={`chat-row chat-row--${side} ${highlighted ? 'chat-row--highlight' : ''}`} data-seq={String(m.seq)}>
      <Avatar id={m.senderId} name={m.senderName} />
      <View className="chat-row__body">
        {!m.mine && <Text className="chat-row__name">{m.senderName}</Text>}
        <View className="chat-row__line">
          <View className={`chat-bubble chat-bubble--${side} ${m.kind === 'image' ? 'chat-bubble--image' : ''}`} onLongPress={() => onMenu(m)}>
            {m.kind === 'image' && m.image ? (
              <Image className="chat-image" src={m.image.url} style={imageBox(m.image.width, m.image.height)} mode="aspectFill" lazyLoad onClick={() => preview(m.image!.url)} aria-label={`${m.senderName}发送的图片`} />
            ) : (
              <LinkifiedText className="chat-text" text={m.text} />
            )}
          </View>
          <View className="chat-more" {...pressable(() => onMenu(m))} aria-label="更多操作">
            <Text className="chat-more__dots">···</Text>
          </View>
        </View>
        {m.state === 'reviewing' && <Text className="chat-status chat-reviewing">审核中，通过后其他人可见</Text>}
        {m.state === 'rejected' && <Text className="chat-status chat-status--error chat-rejected">未通过审核，其他人看不到这张图片</Text>}
        {m.quote && <Quote quote={m.quote} onTap={onQuoteTap} />}
      </View>
    </View>
  );
}

/** A queued image: after an H5 reload its blob: URL is dead, so the kept bytes are shown instead. */
function PendingImage({ path, width, height }: { path: string; width: number; height: number }) {
  const [src, setSrc] = useState(path);
  useEffect(() => {
    let live = true;
    void outboxImageDisplayUrl(path).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [path]);
  return <Image className="chat-image" src={src} style={imageBox(width, height)} mode="aspectFill" />;
}

interface PendingProps {
  entry: OutboxEntry;
  me: { memberId: string; name: string };
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** A message still in the outbox: 发送中, or the reason and 重发. */
export function PendingRow({ entry, me, onRetry, onDiscard }: PendingProps) {
  const failed = entry.state === 'failed';
  return (
    <View className={`chat-row chat-row--mine chat-pending ${failed ? 'chat-pending--failed' : ''}`} data-client-id={entry.clientId}>
      <Avatar id={me.memberId} name={me.name} />
      <View className="chat-row__body">
        <View className="chat-row__line">
          <View className={`chat-bubble chat-bubble--mine ${entry.image ? 'chat-bubble--image' : ''}`}>
            {entry.image ? (
              <PendingImage path={entry.image.path} width={entry.image.width} height={entry.image.height} />
            ) : (
              <LinkifiedText className="chat-text" text={entry.text} />
            )}
          </View>
        </View>
        {entry.replyTo && (
          <View className="chat-quote">
            <Text className="chat-quote__text">
              {entry.replyTo.senderName}：{entry.replyTo.excerpt}
            </Text>
          </View>
        )}
        {failed ? (
          <View className="chat-status chat-status--error">
            <Text className="chat-failed-reason">{entry.error ?? '发送失败'}</Text>
            <Text className="chat-resend" {...pressable(() => onRetry(entry.clientId))}>
              重发
            </Text>
            <Text className="chat-discard" {...pressable(() => onDiscard(entry.clientId))}>
              删除
            </Text>
          </View>
        ) : (
          <Text className="chat-status chat-sending">发送中…</Text>
        )}
      </View>
    </View>
  );
}

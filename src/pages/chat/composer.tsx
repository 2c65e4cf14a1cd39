import { useState } from 'react';
import { View, Text, Textarea } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CHAT_LIMITS } from '../../domain/chat/limits';
import type { QuotePreview } from '../../utils/chat-outbox';
import { EmojiPanel } from './emoji-panel';
import { pressable } from '../../utils/pressable';

interface Props {
  text: string;
  onText: (text: string) => void;
  replyTo: QuotePreview | null;
  onCancelReply: () => void;
  error: string | null;
  onSend: () => void;
  onPickImage: () => void;
  /** The member typed `@` (or tapped the @ button): open the picker. */
  onMention: () => void;
  disabled: boolean;
}

/**
 * The bottom bar: a growing text box (2,000 characters), emoji, @, image, 发送. It sits at the bottom of
 * a full-height column, so the phone keyboard pushes it up with the page (adjustPosition) and the
 * messages above shrink instead of hiding under it.
 */
export function Composer({ text, onText, replyTo, onCancelReply, error, onSend, onPickImage, onMention, disabled }: Props) {
  const [emoji, setEmoji] = useState(false);
  const [focus, setFocus] = useState(false);
  const canSend = text.trim().length > 0 && !disabled;

  const input = (value: string) => {
    // A freshly typed "@" at the end opens the picker, as in WeChat.
    if (value.length === text.length + 1 && (value.endsWith('@') || value.endsWith('＠'))) onMention();
    onText(value);
  };

  return (
    <View className="chat-composer">
      {replyTo && (
        <View className="chat-composer__reply">
          <Text className="chat-composer__reply-text">
            回复 {replyTo.senderName}：{replyTo.excerpt}
          </Text>
          <Text className="chat-composer__reply-cancel" {...pressable(onCancelReply)} aria-label="取消回复">
            ✕
          </Text>
        </View>
      )}
      {error && <Text className="form-error chat-composer__error">{error}</Text>}
      <View className="chat-composer__bar">
        <View className={`chat-tool chat-tool--emoji ${emoji ? 'chat-tool--on' : ''}`} {...pressable(() => setEmoji((v) => !v))} aria-label="表情" aria-expanded={emoji}>
          <Text className="chat-tool__icon">☺</Text>
        </View>
        <Textarea
          className="chat-input"
          value={text}
          maxlength={CHAT_LIMITS.textMax}
          autoHeight
          fixed
          showConfirmBar={false}
          cursorSpacing={16}
          adjustPosition
          focus={focus}
          placeholder="发消息…"
          aria-label="消息内容"
          onInput={(e) => input(e.detail.value)}
          onFocus={() => {
            setFocus(true);
            setEmoji(false);
          }}
          onBlur={() => setFocus(false)}
        />
        <View className="chat-tool chat-tool--at" {...pressable(onMention)} aria-label="提到某人">
          <Text className="chat-tool__icon">@</Text>
        </View>
        {canSend ? (
          <Button className="chat-send" type="primary" size="small" onClick={onSend}>
            发送
          </Button>
        ) : (
          <View className="chat-tool chat-tool--image" {...pressable(onPickImage)} aria-label="发送图片">
            <Text className="chat-tool__icon">＋</Text>
          </View>
        )}
      </View>
      {text.length > CHAT_LIMITS.textMax - 200 && (
        <Text className="chat-composer__count">
          {text.length} / {CHAT_LIMITS.textMax}
        </Text>
      )}
      {emoji && <EmojiPanel onPick={(e) => onText(text + e)} />}
    </View>
  );
}

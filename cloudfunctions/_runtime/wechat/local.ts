import type { ContentCheckResult, MediaCheckStart, SendResult, SubscribeMessage, WeChatGateway } from './port';

/**
 * Words the local fake treats as flagged, so tests and demos can exercise the refusal path. Matched
 * anywhere in the text, ignoring case.
 */
export const FLAGGED_TEST_WORDS: readonly string[] = ['违禁测试词', 'BANNED-TEST-WORD'];

/** The label WeChat gives political content; the fake reports it for every flagged word. */
export const FLAGGED_TEST_LABEL = 20001;

export interface LocalWeChatGateway extends WeChatGateway {
  /** Messages "sent" so far, oldest first (copies; the latest `outboxLimit`). */
  outbox(): SubscribeMessage[];
  clearOutbox(): void;
}

export interface LocalWeChatOptions {
  flaggedWords?: readonly string[];
  /** Called for every message sent, e.g. to log reminders on the local host's console. */
  onSend?: (message: SubscribeMessage) => void;
  /** The outbox keeps this many latest messages (default 1000), so a long-running host stays small. */
  outboxLimit?: number;
}

/**
 * The embedded default's WeChat: no network. `checkText` flags the test words (whether or not there is
 * an openid, so the refusal path is reachable everywhere); `sendSubscribeMessage` always delivers, into
 * an in-memory outbox. Subscription credits are the caller's bookkeeping, not the gateway's.
 */
export function localWeChatGateway(options: LocalWeChatOptions = {}): LocalWeChatGateway {
  const words = (options.flaggedWords ?? FLAGGED_TEST_WORDS).map((w) => w.toLowerCase());
  const limit = options.outboxLimit ?? 1000;
  const sent: SubscribeMessage[] = [];
  const copy = (m: SubscribeMessage): SubscribeMessage => ({ ...m, fields: { ...m.fields } });

  return {
    async checkText({ text }): Promise<ContentCheckResult> {
      const lower = text.toLowerCase();
      return words.some((w) => lower.includes(w)) ? { pass: false, label: FLAGGED_TEST_LABEL } : { pass: true, label: null };
    },
    async sendSubscribeMessage(message): Promise<SendResult> {
      sent.push(copy(message));
      if (sent.length > limit) sent.splice(0, sent.length - limit);
      options.onSend?.(copy(message));
      return { sent: true };
    },
    // No image classifier here: images pass at once (the cloud waits for WeChat's verdict).
    async checkImageAsync(): Promise<MediaCheckStart> {
      return { verdict: 'pass' };
    },
    outbox: () => sent.map(copy),
    clearOutbox: () => {
      sent.length = 0;
    },
  };
}

import QRCode from 'qrcode';
import type { ContentCheckResult, MediaCheckStart, MiniProgramCodeRequest, SendResult, SubscribeMessage, WeChatGateway } from './port';

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
  /** Mini program codes asked for so far, oldest first. */
  codeRequests(): MiniProgramCodeRequest[];
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
 * an in-memory outbox. Subscription credits are the caller's bookkeeping, not the gateway's. Mini program
 * codes are plain QR codes of the page and scene.
 */
export function localWeChatGateway(options: LocalWeChatOptions = {}): LocalWeChatGateway {
  const words = (options.flaggedWords ?? FLAGGED_TEST_WORDS).map((w) => w.toLowerCase());
  const limit = options.outboxLimit ?? 1000;
  const sent: SubscribeMessage[] = [];
  const copy = (m: SubscribeMessage): SubscribeMessage => ({ ...m, fields: { ...m.fields } });
  const codes: MiniProgramCodeRequest[] = [];

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
    // No WeChat here: a plain QR code of `<page>?scene=<scene>` stands in for the mini program code.
    async miniProgramCode(request) {
      codes.push({ ...request });
      const png = await QRCode.toBuffer(`${request.page}?scene=${encodeURIComponent(request.scene)}`, { type: 'png', margin: 2, width: 430 });
      return { contentType: 'image/png', base64: png.toString('base64') };
    },
    codeRequests: () => codes.map((c) => ({ ...c })),
    outbox: () => sent.map(copy),
    clearOutbox: () => {
      sent.length = 0;
    },
  };
}

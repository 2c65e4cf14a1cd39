/**
 * What the functions need from WeChat: the text content check, subscribe messages and mini program codes. The cloud
 * adapter calls wx-server-sdk's openapi; the local adapter is a fake that flags a test word and keeps
 * an outbox, so every path can be exercised without WeChat.
 */
export interface ContentCheckResult {
  pass: boolean;
  /** WeChat's label for a failed check (e.g. 20001 politics); null when passed. */
  label: number | null;
}

export type SendResult = { sent: true } | { sent: false; reason: 'no_subscription' | 'failed'; errcode?: number };

export interface SubscribeMessage {
  toOpenid: string;
  /** Our logical template; the adapter maps it to the real template id. */
  templateKey: 'notice_reminder';
  /** Mini program page to open, e.g. `pages/notice-detail/index?noticeId=…`. */
  page: string;
  /** Field values (the adapter maps them to the template's keys and truncates as WeChat requires). */
  fields: { title: string; author: string; time: string; tip: string };
}

/**
 * An image check: WeChat's `mediaCheckAsync` answers later (a `wxa_media_check` event matched by
 * `traceId`), so the cloud answers `pending`; the local fake answers at once.
 */
export type MediaCheckStart = { verdict: 'pass' } | { verdict: 'risky' } | { verdict: 'pending'; traceId: string };

/** A mini program code (小程序码) that opens `page` with `scene` (≤ 32 visible characters). */
export interface MiniProgramCodeRequest {
  page: string;
  scene: string;
}

export interface MiniProgramCodeImage {
  contentType: string;
  base64: string;
}

export interface WeChatGateway {
  checkText(input: { openid: string | null; text: string; scene: 1 | 2 | 3 | 4 }): Promise<ContentCheckResult>;
  sendSubscribeMessage(message: SubscribeMessage): Promise<SendResult>;
  /** Starts an image check (chat images). Optional so gateways written before chat still type-check. */
  checkImageAsync?(input: { openid: string; url: string; scene: 1 | 2 | 3 | 4 }): Promise<MediaCheckStart>;
  /** wxacode.getUnlimited: the code members scan to open the bind page with an invite. */
  miniProgramCode(request: MiniProgramCodeRequest): Promise<MiniProgramCodeImage>;
}

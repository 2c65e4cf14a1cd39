import type { ContentCheckResult, MediaCheckStart, MiniProgramCodeImage, MiniProgramCodeRequest, SendResult, SubscribeMessage, WeChatGateway } from './port';

/**
 * The WeChat gateway over wx-server-sdk's cloud-call openapi (no access token: CloudBase signs the
 * call for the function's own mini program). Only the two calls we use are typed, so tests pass a
 * fake `openapi` and assert the exact request objects the SDK would receive.
 *
 * How wx-server-sdk 4.0.2 answers: success resolves with WeChat's JSON minus errcode/errmsg, keys
 * camel-cased (`{ result: { suggest, label }, detail, traceId, errCode: 0 }`); a WeChat errcode rejects
 * with a CloudSDKError whose `errCode` is that errcode (e.g. 43101).
 */
export interface MsgSecCheckRequest {
  openid: string;
  scene: 1 | 2 | 3 | 4;
  version: 2;
  content: string;
}

export interface MsgSecCheckResponse {
  /** Overall verdict: `suggest` is 'pass' | 'review' | 'risky'; `label` 100 is normal, 20001 politics, … */
  result?: { suggest?: string; label?: number | string };
}

export interface SubscribeSendRequest {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: 'formal';
}

/** security.mediaCheckAsync v2: media_type 2 = image; the verdict arrives as a `wxa_media_check` event. */
export interface MediaCheckAsyncRequest {
  mediaUrl: string;
  mediaType: 2;
  version: 2;
  scene: 1 | 2 | 3 | 4;
  openid: string;
}

/** wxacode.getUnlimited: `scene` ≤ 32 characters; `checkPath: false` lets a page not yet released be named. */
export interface WxacodeUnlimitedRequest {
  scene: string;
  page: string;
  checkPath: boolean;
  envVersion: 'release' | 'trial' | 'develop';
  width: number;
}

/** wx-server-sdk answers the image as a Buffer with its content type. */
export interface WxacodeUnlimitedResponse {
  buffer?: Uint8Array;
  contentType?: string;
}

export interface WxServerSdkLike {
  openapi: {
    security: {
      msgSecCheck(request: MsgSecCheckRequest): Promise<MsgSecCheckResponse>;
      mediaCheckAsync?(request: MediaCheckAsyncRequest): Promise<{ traceId?: string }>;
    };
    subscribeMessage: { send(request: SubscribeSendRequest): Promise<unknown> };
    wxacode: { getUnlimited(request: WxacodeUnlimitedRequest): Promise<WxacodeUnlimitedResponse> };
  };
}

/** WeChat's limit for the `scene` of an unlimited mini program code. */
export const WXACODE_SCENE_MAX = 32;

/** Real template ids per logical template (from env `WZB_TPL_NOTICE_REMINDER` in the cloud entry). */
export interface TemplateIds {
  notice_reminder: string;
}

/** msgSecCheck v2 accepts at most 2,500 characters per call. */
export const MSG_SEC_CHECK_MAX_CHARS = 2500;
/**
 * Consecutive chunks share this many characters, so a phrase cut by a chunk boundary is still seen
 * whole by one of the two checks.
 */
export const MSG_SEC_CHECK_OVERLAP = 100;
/** errcode of subscribeMessage.send when the member has no subscription credit left. */
export const ERRCODE_NO_SUBSCRIPTION = 43101;

/** WeChat's `thing` template values: at most 20 characters, never empty. */
const THING_MAX = 20;

/** Cuts to `max` characters (code points, so an emoji is never split), ending with '…' when cut. */
export function truncateForTemplate(value: string, max = THING_MAX): string {
  const chars = Array.from(value.trim());
  if (chars.length === 0) return '-';
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Splits text into chunks msgSecCheck accepts, overlapping by MSG_SEC_CHECK_OVERLAP characters. */
export function chunkForCheck(text: string, max = MSG_SEC_CHECK_MAX_CHARS, overlap = MSG_SEC_CHECK_OVERLAP): string[] {
  const chars = Array.from(text);
  if (chars.length <= max) return [text];
  const chunks: string[] = [];
  for (let start = 0; ; start += max - overlap) {
    chunks.push(chars.slice(start, start + max).join(''));
    if (start + max >= chars.length) return chunks;
  }
}

/** The notice reminder template: 通知标题 thing1, 发布人 thing2, 发布时间 time3, 温馨提示 thing4. */
export function noticeReminderData(fields: SubscribeMessage['fields']): SubscribeSendRequest['data'] {
  return {
    thing1: { value: truncateForTemplate(fields.title) },
    thing2: { value: truncateForTemplate(fields.author) },
    time3: { value: fields.time },
    thing4: { value: truncateForTemplate(fields.tip) },
  };
}

const errcodeOf = (err: unknown): number | undefined => {
  const e = err as { errCode?: unknown; errcode?: unknown } | null;
  const code = e?.errCode ?? e?.errcode;
  return typeof code === 'number' ? code : undefined;
};

/**
 * Without an openid (a timer run, system text) nothing is sent to WeChat and the text passes:
 * msgSecCheck v2 requires the openid of a user active in the last 2 hours, and every piece of
 * user-written content reaches a function through an identified caller, where it is checked once, at
 * write time. Infrastructure errors (system busy, invalid openid) reject, so the handler answers
 * INTERNAL and nothing unchecked is published.
 */
export function cloudWeChatGateway(
  cloud: WxServerSdkLike,
  templates: TemplateIds,
  log: (message: string, detail?: unknown) => void = (message, detail) => console.warn(message, detail),
): WeChatGateway {
  async function checkText({ openid, text, scene }: { openid: string | null; text: string; scene: 1 | 2 | 3 | 4 }): Promise<ContentCheckResult> {
    if (!openid || text.trim() === '') return { pass: true, label: null };
    // Sequential, stopping at the first chunk that does not pass: long texts are rare and quota is not free.
    for (const content of chunkForCheck(text)) {
      const res = await cloud.openapi.security.msgSecCheck({ openid, scene, version: 2, content });
      if (res?.result?.suggest !== 'pass') {
        const label = Number(res?.result?.label);
        return { pass: false, label: Number.isFinite(label) ? label : null };
      }
    }
    return { pass: true, label: null };
  }

  async function sendSubscribeMessage(message: SubscribeMessage): Promise<SendResult> {
    const templateId = templates[message.templateKey];
    if (!templateId) {
      log(`[wechat] no template id configured for ${message.templateKey} (set WZB_TPL_NOTICE_REMINDER)`);
      return { sent: false, reason: 'failed' };
    }
    try {
      await cloud.openapi.subscribeMessage.send({
        touser: message.toOpenid,
        templateId,
        page: message.page,
        data: noticeReminderData(message.fields),
        miniprogramState: 'formal',
      });
      return { sent: true };
    } catch (err) {
      const errcode = errcodeOf(err);
      if (errcode === ERRCODE_NO_SUBSCRIPTION) return { sent: false, reason: 'no_subscription', errcode };
      log('[wechat] subscribeMessage.send failed', err);
      return errcode === undefined ? { sent: false, reason: 'failed' } : { sent: false, reason: 'failed', errcode };
    }
  }

  /** Images are checked asynchronously: the trace id links WeChat's later verdict to the message. */
  async function checkImageAsync({ openid, url, scene }: { openid: string; url: string; scene: 1 | 2 | 3 | 4 }): Promise<MediaCheckStart> {
    const check = cloud.openapi.security.mediaCheckAsync;
    if (!check) throw new Error('wx-server-sdk without security.mediaCheckAsync');
    const res = await check.call(cloud.openapi.security, { mediaUrl: url, mediaType: 2, version: 2, scene, openid });
    if (!res?.traceId) throw new Error('mediaCheckAsync returned no traceId');
    return { verdict: 'pending', traceId: res.traceId };
  }

  async function miniProgramCode({ page, scene }: MiniProgramCodeRequest): Promise<MiniProgramCodeImage> {
    if (scene.length > WXACODE_SCENE_MAX) throw new Error(`wxacode scene longer than ${WXACODE_SCENE_MAX}: ${scene}`);
    // `page` without a leading slash, as WeChat requires; a WeChat errcode rejects and the handler answers INTERNAL.
    const res = await cloud.openapi.wxacode.getUnlimited({ scene, page: page.replace(/^\//, ''), checkPath: false, envVersion: 'release', width: 430 });
    if (!res?.buffer || res.buffer.length === 0) throw new Error('wxacode.getUnlimited returned no image');
    return { contentType: res.contentType ?? 'image/jpeg', base64: Buffer.from(res.buffer).toString('base64') };
  }

  return { checkText, sendSubscribeMessage, checkImageAsync, miniProgramCode };
}

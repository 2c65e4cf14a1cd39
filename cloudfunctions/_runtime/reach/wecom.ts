import type { DeliveryOutcome } from '../../../src/domain/reach/types';
import type { WeComConfig } from './config';
import { delivered, failed } from './outcome';
import { chunk, mapPooled } from './pool';
import type { ReachAddress, ReachChannel, ReachMessage } from './port';

/**
 * WeCom (企业微信) application messages (cgi-bin/message/send), the channel most hospitals already run.
 *
 * - Token: `gettoken` once, cached until `expires_in` minus a margin, refreshed once on 40014/42001/42009
 *   (a token invalidated early, e.g. by a secret reset). Concurrent sends share one token request.
 * - Recipients: `touser` ids joined by `|`, at most 1,000 per call. Members without an account on the
 *   roster are looked up by mobile (`user/getuserid`); the outcome carries the account so the flow can
 *   store it and skip the lookup next time.
 * - Errors: ids in `invaliduser` → `unknown_user` (60111); 81013 (no valid recipient at all) the same for
 *   the batch; 45009 (frequency limit) → bounded backoff, then `rate_limited`.
 * - Message type: `miniprogram_notice` when the mini program is linked to the WeCom app (config
 *   `miniProgramAppId`): the card opens the notice itself in the mini program, inside WeCom, with the
 *   member's own identity. Otherwise `textcard` linking to the H5 build (`linkBase`), or plain `text`
 *   when there is no link either — a reminder that names the notice is still worth sending.
 * - `enable_duplicate_check`: WeCom drops an identical request within 30 minutes, so a batch re-sent after
 *   a timeout (or a reminder fired twice) does not reach anyone twice.
 */
export const WECOM_BATCH = 1000;
/** Refresh this long before WeCom's own expiry, so a token never dies in flight. */
export const TOKEN_MARGIN_MS = 5 * 60_000;
/** Waits before retrying a batch that hit 45009; then the batch is `rate_limited`. */
export const RATE_LIMIT_BACKOFF_MS = [1_000, 2_000, 4_000] as const;
/** Mobile lookups in flight at once. */
export const LOOKUP_CONCURRENCY = 5;
const REQUEST_TIMEOUT_MS = 10_000;

const TOKEN_ERRCODES = new Set([40014, 42001, 42009]);
const ERR_RATE_LIMIT = 45009;
const ERR_NO_VALID_RECIPIENT = 81013;
const ERR_USER_NOT_FOUND = 60111;
/** getuserid: no member with that mobile (46004), or a mobile WeCom rejects (60103). */
const LOOKUP_UNKNOWN = new Set([46004, 60111]);
const LOOKUP_BAD_MOBILE = new Set([60103]);

export interface WeComDeps {
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface WeComAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
  invaliduser?: string;
  unlicenseduser?: string;
  userid?: string;
}

class NetworkError extends Error {}

/** Why one account in a batch was not reached (null in a batch answer: delivered). */
interface BatchFailure {
  reason: 'unknown_user' | 'rate_limited' | 'network' | 'failed';
  errcode?: number | string;
}

const KIND_TITLE: Record<ReachMessage['kind'], string> = {
  notice: '通知提醒',
  lesson: '微党课提醒',
  meeting: '会议提醒',
  mention: '支部交流提醒',
  test: '测试提醒',
};

/** Cuts to `max` characters (code points), ending with '…' when cut. */
const cut = (value: string, max: number): string => {
  const chars = Array.from(value.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

/** Cuts to at most `max` UTF-8 bytes without splitting a character (WeCom counts textcard limits in bytes). */
const cutBytes = (value: string, max: number): string => {
  if (Buffer.byteLength(value) <= max) return value;
  let out = '';
  for (const ch of value) {
    if (Buffer.byteLength(out + ch + '…') > max) break;
    out += ch;
  }
  return `${out}…`;
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The message body for `touser`, per the configured type (see the module comment for why). */
export function wecomBody(config: WeComConfig, message: ReachMessage, touser: string[]): Record<string, unknown> {
  const common = { touser: touser.join('|'), enable_duplicate_check: 1, duplicate_check_interval: 1800 };
  if (config.miniProgramAppId) {
    // Linked mini program: no agentid (the token is the linked app's); title/description 4–12 characters, values ≤ 30.
    return {
      ...common,
      msgtype: 'miniprogram_notice',
      miniprogram_notice: {
        appid: config.miniProgramAppId,
        page: message.page,
        title: KIND_TITLE[message.kind],
        description: cut(message.time, 12),
        emphasis_first_item: true,
        content_item: [
          { key: '标题', value: cut(message.title, 30) },
          { key: '发布人', value: cut(message.from, 30) },
          { key: '提示', value: cut(message.tip, 30) },
        ],
      },
    };
  }
  const title = message.urgent ? `【紧急】${message.title}` : message.title;
  if (config.linkBase) {
    const description = `<div class="gray">${escapeHtml(message.time)}</div><div class="normal">${escapeHtml(message.from)}</div><div class="highlight">${escapeHtml(message.tip)}</div>`;
    return {
      ...common,
      msgtype: 'textcard',
      agentid: config.agentId,
      textcard: { title: cutBytes(title, 128), description: cutBytes(description, 512), url: `${config.linkBase.replace(/\/+$/, '')}/#/${message.page.replace(/^\//, '')}`, btntxt: '查看' },
    };
  }
  return {
    ...common,
    msgtype: 'text',
    agentid: config.agentId,
    text: { content: cutBytes(`${KIND_TITLE[message.kind]}：${title}\n${message.from} ${message.time}\n${message.tip}\n请在微信中打开“微支部”小程序查看。`, 2048) },
  };
}

export function wecomReachChannel(config: WeComConfig, deps: WeComDeps = {}): ReachChannel {
  const doFetch = deps.fetch ?? fetch;
  const now = deps.now ?? (() => Date.now());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let token: { value: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function request(path: string, body?: unknown): Promise<WeComAnswer> {
    let res: Response;
    try {
      res = await doFetch(`${config.baseUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (!res.ok) throw new NetworkError(`HTTP ${res.status}`);
      return (await res.json()) as WeComAnswer;
    } catch (err) {
      throw err instanceof NetworkError ? err : new NetworkError(String(err));
    }
  }

  async function fetchToken(): Promise<string> {
    const q = new URLSearchParams({ corpid: config.corpId, corpsecret: config.secret });
    const answer = await request(`/cgi-bin/gettoken?${q}`);
    if (answer.errcode || !answer.access_token) throw new NetworkError(`gettoken errcode ${answer.errcode}`);
    token = { value: answer.access_token, expiresAt: now() + (answer.expires_in ?? 7200) * 1000 - TOKEN_MARGIN_MS };
    return token.value;
  }

  const currentToken = (): Promise<string> => {
    if (token && now() < token.expiresAt) return Promise.resolve(token.value);
    pending ??= fetchToken().finally(() => {
      pending = null;
    });
    return pending;
  };

  /** One API call with the cached token, refreshed and retried once when WeCom says it is no longer valid. */
  async function call(path: string, body: unknown): Promise<WeComAnswer> {
    const first = await request(`${path}?access_token=${encodeURIComponent(await currentToken())}`, body);
    if (!TOKEN_ERRCODES.has(first.errcode ?? 0)) return first;
    token = null;
    return request(`${path}?access_token=${encodeURIComponent(await currentToken())}`, body);
  }

  /** The member's WeCom account: from the roster, else by mobile. */
  async function resolve(to: ReachAddress): Promise<{ userid: string; looked: boolean } | DeliveryOutcome> {
    if (to.wecomUserId) return { userid: to.wecomUserId, looked: false };
    if (!to.mobile) return failed(to, 'no_address');
    try {
      const answer = await call('/cgi-bin/user/getuserid', { mobile: to.mobile });
      if (!answer.errcode && answer.userid) return { userid: answer.userid, looked: true };
      if (LOOKUP_UNKNOWN.has(answer.errcode ?? -1)) return failed(to, 'unknown_user', answer.errcode);
      if (LOOKUP_BAD_MOBILE.has(answer.errcode ?? -1)) return failed(to, 'invalid_mobile', answer.errcode);
      if (answer.errcode === ERR_RATE_LIMIT) return failed(to, 'rate_limited', answer.errcode);
      return failed(to, 'failed', answer.errcode);
    } catch {
      return failed(to, 'network');
    }
  }

  /** Sends one batch (≤ 1,000 distinct ids); answers per id: delivered, or the failure. */
  async function sendBatch(message: ReachMessage, ids: string[]): Promise<Map<string, BatchFailure | null>> {
    const result = new Map<string, BatchFailure | null>();
    const all = (r: BatchFailure) => {
      for (const id of ids) result.set(id, r);
      return result;
    };
    let answer: WeComAnswer;
    try {
      answer = await call('/cgi-bin/message/send', wecomBody(config, message, ids));
      for (const wait of RATE_LIMIT_BACKOFF_MS) {
        if (answer.errcode !== ERR_RATE_LIMIT) break;
        await sleep(wait);
        answer = await call('/cgi-bin/message/send', wecomBody(config, message, ids));
      }
    } catch {
      return all({ reason: 'network' });
    }
    if (answer.errcode === ERR_RATE_LIMIT) return all({ reason: 'rate_limited', errcode: ERR_RATE_LIMIT });
    if (answer.errcode === ERR_NO_VALID_RECIPIENT) return all({ reason: 'unknown_user', errcode: ERR_NO_VALID_RECIPIENT });
    if (answer.errcode) return all({ reason: 'failed', errcode: answer.errcode });
    // WeCom answers ids in lower case; accounts are case-insensitive.
    const listed = (s: string | undefined) => new Set((s ?? '').split('|').filter(Boolean).map((x) => x.toLowerCase()));
    const invalid = listed(answer.invaliduser);
    const unlicensed = listed(answer.unlicenseduser);
    for (const id of ids) {
      const key = id.toLowerCase();
      if (invalid.has(key)) result.set(id, { reason: 'unknown_user', errcode: ERR_USER_NOT_FOUND });
      else if (unlicensed.has(key)) result.set(id, { reason: 'unknown_user', errcode: 'unlicenseduser' });
      else result.set(id, null);
    }
    return result;
  }

  return {
    name: 'wecom',
    configured: true,
    async send(message, to) {
      const resolved = await mapPooled(to, LOOKUP_CONCURRENCY, resolve);
      const ids = [...new Set(resolved.flatMap((r) => ('userid' in r ? [r.userid] : [])))];
      const answers = new Map<string, BatchFailure | null>();
      for (const batch of chunk(ids, WECOM_BATCH)) {
        for (const [id, answer] of await sendBatch(message, batch)) answers.set(id, answer);
      }
      return to.map((address, i) => {
        const r = resolved[i];
        if (!('userid' in r)) return r;
        const answer = answers.get(r.userid);
        if (answer) return failed(address, answer.reason, answer.errcode);
        return delivered(address, r.looked ? r.userid : undefined);
      });
    },
  };
}

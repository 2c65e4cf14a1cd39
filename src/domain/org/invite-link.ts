import { normaliseInviteCode } from './invite';

/**
 * Invites that travel: the bind page reads the code from its address. A share card and the H5 link put
 * it in `code`; a scanned mini program code (wxacode.getUnlimited) delivers `scene`, URL-encoded, as
 * `c=<code>` (WeChat allows 32 characters there).
 */
export const BIND_PAGE = 'pages/bind/index';

export const inviteScene = (code: string): string => `c=${normaliseInviteCode(code)}`;

/** The invite code carried by the bind page's query, from a share card, a link or a scanned code. */
export function inviteCodeFromQuery(query: Record<string, string | undefined>): string {
  if (query.code) return normaliseInviteCode(safeDecode(query.code));
  if (query.scene) {
    const match = /(?:^|&)c=([^&]+)/.exec(safeDecode(query.scene));
    if (match) return normaliseInviteCode(match[1]);
  }
  return '';
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The bind page with the code, as a mini program path (share cards) or an H5 hash route. */
export const invitePath = (code: string): string => `/${BIND_PAGE}?code=${encodeURIComponent(normaliseInviteCode(code))}`;

/** How many days back the invites page lists who joined the branch. */
export const RECENT_JOIN_DAYS = 14;

import { AppError } from '../../src/domain/shared/errors';
import { assertInviteUsable, INVITE_ALPHABET, inviteCodeFrom, inviteExpiry, inviteState, normaliseInviteCode } from '../../src/domain/org/invite';
import type { Invite } from '../../src/domain/org/types';

const DAY = 24 * 3600 * 1000;
const invite = (over: Partial<Invite> = {}): Invite => ({
  _id: 'ABCD2345', branchId: 'b1', createdBy: 'm1', createdAt: 0, expiresAt: 7 * DAY, revokedAt: null, uses: 0, ...over,
});

describe('invite codes', () => {
  it('uses only unambiguous characters and the configured length', () => {
    const code = inviteCodeFrom(new Uint8Array([0, 1, 2, 3, 30, 31, 200, 255]));
    expect(code).toHaveLength(8);
    for (const ch of code) expect(INVITE_ALPHABET).toContain(ch);
    expect(code).not.toMatch(/[01OIL]/);
  });

  it('normalises what people type', () => {
    expect(normaliseInviteCode(' abcd-2345 ')).toBe('ABCD2345');
  });

  it('expires exactly at the expiry instant', () => {
    expect(inviteExpiry(1000, 3)).toBe(1000 + 3 * DAY);
    expect(inviteState(invite(), 7 * DAY - 1)).toBe('active');
    expect(inviteState(invite(), 7 * DAY)).toBe('expired');
    expect(inviteState(invite({ revokedAt: 5 }), 10)).toBe('revoked');
  });

  it('throws the user-facing error for each unusable state', () => {
    const codeOf = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return (e as AppError).code;
      }
      return 'none';
    };
    expect(codeOf(() => assertInviteUsable(null, 0))).toBe('INVITE_INVALID');
    expect(codeOf(() => assertInviteUsable(invite(), 8 * DAY))).toBe('INVITE_EXPIRED');
    expect(codeOf(() => assertInviteUsable(invite({ revokedAt: 1 }), 2))).toBe('INVITE_REVOKED');
    expect(codeOf(() => assertInviteUsable(invite(), 1))).toBe('none');
  });
});

import { AppError } from '../shared/errors';
import { ORG_LIMITS } from './limits';
import type { Invite } from './types';

/** Unambiguous alphabet: no 0/O, 1/I/L, so a code read aloud on a ward is typed right. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Builds a code from random bytes (the caller supplies them: crypto on the server). */
export function inviteCodeFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < ORG_LIMITS.inviteCodeLength) throw new Error('not enough random bytes');
  let code = '';
  for (let i = 0; i < ORG_LIMITS.inviteCodeLength; i++) code += INVITE_ALPHABET[randomBytes[i] % INVITE_ALPHABET.length];
  return code;
}

/** Users type codes with spaces, dashes and lower case; accept all of them. */
export const normaliseInviteCode = (input: string): string => input.replace(/[\s-]/g, '').toUpperCase();

export type InviteState = 'active' | 'expired' | 'revoked';

export function inviteState(invite: Invite, now: number): InviteState {
  if (invite.revokedAt !== null) return 'revoked';
  if (now >= invite.expiresAt) return 'expired';
  return 'active';
}

/** Throws the user-facing error for an unusable invite. */
export function assertInviteUsable(invite: Invite | null, now: number): asserts invite is Invite {
  if (!invite) throw new AppError('INVITE_INVALID');
  const state = inviteState(invite, now);
  if (state === 'revoked') throw new AppError('INVITE_REVOKED');
  if (state === 'expired') throw new AppError('INVITE_EXPIRED');
}

export const inviteExpiry = (now: number, days: number): number => now + days * 24 * 60 * 60 * 1000;

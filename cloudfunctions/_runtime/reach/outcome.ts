import type { DeliveryOutcome, FailureReason } from '../../../src/domain/reach/types';
import type { ReachAddress } from './port';

/**
 * Outcome constructors shared by the adapters. Whether a failure is worth another round on the same
 * channel follows from the reason: a full inbox quota or a busy network may clear; a missing account
 * or a bad template will not until someone fixes it.
 */
const RETRYABLE: ReadonlySet<FailureReason> = new Set<FailureReason>(['rate_limited', 'network', 'failed']);

export const delivered = (to: ReachAddress, wecomUserId?: string): DeliveryOutcome =>
  wecomUserId === undefined ? { memberId: to.memberId, delivered: true } : { memberId: to.memberId, delivered: true, wecomUserId };

export function failed(to: ReachAddress, reason: FailureReason, errcode?: string | number): DeliveryOutcome {
  const outcome: DeliveryOutcome = { memberId: to.memberId, delivered: false, reason, retryable: RETRYABLE.has(reason) };
  return errcode === undefined ? outcome : { ...outcome, errcode };
}

import type { Actor } from '../org/types';
import { isCommitteeAdmin, isOfficerOf } from '../org/policies';

/**
 * Chat permissions as one-line policies, decided from the caller's CURRENT member record on every
 * call (a moved member loses the old chat at once).
 */
export const canReadChat = (a: Actor, branchId: string): boolean => isCommitteeAdmin(a) || a.branchId === branchId;

export const canPostInChat = (a: Actor, branchId: string): boolean => canReadChat(a, branchId);

export const canModerateChat = (a: Actor, branchId: string): boolean => isCommitteeAdmin(a) || isOfficerOf(a, branchId);

export const canMentionAll = (a: Actor, branchId: string): boolean => canModerateChat(a, branchId);

export const canPinInChat = (a: Actor, branchId: string): boolean => canModerateChat(a, branchId);

export const canTurnIntoNotice = (a: Actor, branchId: string): boolean => canModerateChat(a, branchId);

export const canReadChatAudit = (a: Actor): boolean => isCommitteeAdmin(a);

/** Only the sender recalls, and only their own message (moderators remove instead). */
export const canRecall = (a: Actor, message: { senderId: string }): boolean => a.memberId === message.senderId;

import type { MemberView } from '../domain/api/org';
import type { Actor } from '../domain/org/types';

/** The domain policies take an Actor; the client builds one from its own MemberView to decide what to show. */
export const actorOf = (member: MemberView): Actor => ({ memberId: member._id, role: member.role, branchId: member.branchId });

import type { NoticesInput } from '../../domain/api/notices';

type AudienceInput = NoticesInput<'publish'>['audience'];
export type AudienceKind = AudienceInput['kind'];

/** What the picker holds; the chosen lists survive switching kinds back and forth. */
export interface AudienceDraft {
  kind: AudienceKind | null;
  groupIds: string[];
  memberIds: string[];
  branchIds: string[];
}

export const emptyDraft = (kind: AudienceKind | null): AudienceDraft => ({ kind, groupIds: [], memberIds: [], branchIds: [] });

/** The publish payload's audience; the schema then says what is missing (e.g. no group chosen). */
export function audienceInput(draft: AudienceDraft, branchId: string | null): AudienceInput | null {
  switch (draft.kind) {
    case 'all':
      return { kind: 'all' };
    case 'branches':
      return { kind: 'branches', branchIds: draft.branchIds };
    case 'branch':
      return branchId ? { kind: 'branch', branchId } : null;
    case 'groups':
      return branchId ? { kind: 'groups', branchId, groupIds: draft.groupIds } : null;
    case 'members':
      return branchId ? { kind: 'members', branchId, memberIds: draft.memberIds } : null;
    default:
      return null;
  }
}

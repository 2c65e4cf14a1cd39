/**
 * Every collection the functions use, with the indexes they need. The local adapter creates these
 * indexes; the README lists them for creating in the CloudBase console.
 */
export interface IndexSpec {
  fields: string[];
  unique?: boolean;
}

export const COLLECTIONS: Record<string, { indexes: IndexSpec[] }> = {
  settings: { indexes: [] },
  branches: { indexes: [{ fields: ['status', 'name'] }] },
  partyGroups: { indexes: [{ fields: ['branchId', 'status'] }] },
  members: {
    indexes: [
      { fields: ['employeeNo'], unique: true },
      { fields: ['openid'] },
      { fields: ['branchId', 'status'] },
      { fields: ['name'] },
    ],
  },
  memberHistory: { indexes: [{ fields: ['memberId', 'at'] }] },
  invites: { indexes: [{ fields: ['branchId', 'createdAt'] }] },
  importJobs: { indexes: [{ fields: ['createdBy', 'createdAt'] }] },
  notices: {
    indexes: [
      { fields: ['status', 'publishAt'] },
      { fields: ['authorId', 'createdAt'] },
      { fields: ['branchId', 'createdAt'] },
      { fields: ['createdAt'] },
    ],
  },
  receipts: { indexes: [{ fields: ['noticeId'] }, { fields: ['memberId', 'publishedAt'] }] },
  noticeReminders: { indexes: [{ fields: ['noticeId', 'at'] }] },
  subscriptionCredits: { indexes: [{ fields: ['memberId'] }] },
};

export type CollectionName = keyof typeof COLLECTIONS;

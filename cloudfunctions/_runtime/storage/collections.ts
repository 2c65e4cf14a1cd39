/**
 * Every collection the functions use, with the indexes they need. The local adapter creates these
 * indexes; the README lists them for creating in the CloudBase console.
 *
 * Index fields are top-level and hold only strings, numbers or null (both adapters refuse other
 * values on write). A query with equality on an index's leading fields, a range on the next one and
 * `orderBy` on that same field (either direction) reads one index range in order: declare the index
 * a page needs, in that field order. The local adapter appends `_id` to every index, so the
 * tie-breaker is covered too.
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
      { fields: ['branchId', 'status', 'employeeNo'] },
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
  /** One document `hospital`: the committee's reach settings (SMS cap, quiet hours, second round). */
  reachSettings: { indexes: [] },
  /** SMS reserved per Asia/Shanghai month, `_id` `YYYY-MM` (reserveSmsBudget). */
  smsUsage: { indexes: [] },
  /** Test sends from the reach settings page, `_id` from the request id (a double tap sends once). */
  reachTestSends: { indexes: [] },
  /** Library lessons: central (branchId null) and each branch's own. */
  lessons: {
    indexes: [
      { fields: ['branchId', 'status', 'createdAt'] },
      { fields: ['status', 'createdAt'] },
      { fields: ['createdAt'] },
    ],
  },
  /** Plan entries, `_id` from planEntryId (`plan:central:<date>`, `plan:<branchId>:<date>`): one per scope, branch and date. */
  lessonPlan: { indexes: [{ fields: ['scope', 'branchId', 'date'] }, { fields: ['lessonId', 'date'] }] },
  /** One per branch and day, `_id` from releaseKey (`release:<branchId>:<date>`): written once by the scheduler. */
  lessonReleases: { indexes: [{ fields: ['date'] }, { fields: ['branchId', 'date'] }] },
  /** One per lesson and member, `_id` from progressId (`<lessonId>:<memberId>`). */
  lessonProgress: { indexes: [{ fields: ['memberId', 'completedAt'] }, { fields: ['lessonId', 'branchId'] }] },
  /** “提醒未学” batches, `_id` `lr:<branchId>:<date>:<n>` (the n-th reminder of that day: a double tap collides). */
  lessonReminders: { indexes: [{ fields: ['branchId', 'date', 'at'] }] },
  /** Chat messages, `_id` = `<branchId>:<clientMsgId>` (a retried send collides); pages by branch + seq, sync by branch + rev. */
  chatMessages: {
    indexes: [
      { fields: ['branchId', 'seq'], unique: true },
      { fields: ['branchId', 'clientMsgId'], unique: true },
      { fields: ['branchId', 'rev'] },
      { fields: ['traceId'] },
    ],
  },
  /** Per-branch heads (`_id` = branchId, the doorbell) and per-member read cursors (`_id` = `cur_<openid>`): read by `_id` only. */
  chatHeads: { indexes: [] },
  /** Moderation audit (removal, pin, unpin, recall). */
  chatAudit: { indexes: [{ fields: ['branchId', 'at'] }, { fields: ['at'] }] },
  /** 三会一课 meetings; hospital-wide ones have branchId null. */
  meetings: { indexes: [{ fields: ['branchId', 'startAt'] }, { fields: ['status', 'startAt'] }, { fields: ['startAt'] }] },
  /** One row per attendee, `_id` `<meetingId>:<memberId>`; startAt denormalised for a member's list. */
  meetingAttendance: { indexes: [{ fields: ['meetingId'] }, { fields: ['memberId', 'startAt'] }, { fields: ['branchId', 'startAt'] }] },
  /** Minutes, `_id` = meetingId; earlier published versions in meetingMinutesHistory (`<meetingId>:v<n>`). */
  meetingMinutes: { indexes: [] },
  meetingMinutesHistory: { indexes: [{ fields: ['meetingId', 'version'] }] },
  /** Scheduler reminders, `_id` `mr:<meetingId>:<day|hour>:<startAt>`: written once before sending. */
  meetingReminders: { indexes: [{ fields: ['meetingId'] }] },
  /** The committee's “remind the secretary”, `_id` `br:<branchId>:<hour slot>` (a double tap collides). */
  meetingBranchReminders: { indexes: [{ fields: ['branchId', 'at'] }] },
};

export type CollectionName = keyof typeof COLLECTIONS;

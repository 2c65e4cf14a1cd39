/** Notice limits, shared by the compose form and the functions. */
export const NOTICE_LIMITS = {
  titleMax: 60,
  bodyMax: 5000,
  imagesMax: 9,
  imageMaxBytes: 2 * 1024 * 1024,
  imageTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
  audienceMembersMax: 50,
  audienceBranchesMax: 200,
  /** How far ahead a notice can be scheduled. */
  scheduleMaxDays: 60,
  /** Scheduling needs a margin so “publish in 1 minute” does not race the timer. */
  scheduleMinLeadMs: 60 * 1000,
  remindCooldownMs: 30 * 60 * 1000,
  excuseReasonMax: 50,
  inboxPage: 50,
} as const;

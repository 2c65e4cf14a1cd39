/** Meeting limits, shared by the schedule form and the function. */
export const MEETING_LIMITS = {
  topicMax: 60,
  placeMax: 60,
  onlineLinkMax: 300,
  agendaItemsMax: 20,
  agendaItemMax: 200,
  materialsMax: 9,
  materialNameMax: 80,
  guestsMax: 20,
  guestNameMax: 20,
  guestTitleMax: 30,
  attendeeMembersMax: 500,
  groupsMax: 20,
  durationMinMin: 15,
  durationMinMax: 8 * 60,
  /** How far ahead a meeting can be scheduled. */
  scheduleMaxDays: 180,
  leaveNoteMax: 100,
  cancelReasonMax: 100,
  minutesContentMax: 10000,
  minutesResolutionsMax: 3000,
  minutesPhotosMax: 9,
  recorderNameMax: 20,
  /** Check-in opens this long before the start and closes at the end. */
  checkinOpensBeforeMs: 30 * 60 * 1000,
  /** A check-in after start + this is marked late. */
  lateAfterMs: 5 * 60 * 1000,
  /** The QR token and the 6-digit code rotate every 30 s; the current and previous window are accepted. */
  tokenWindowMs: 30 * 1000,
  /** Wrong 6-digit codes a member may type per meeting before only the QR or a manual check-in works (guessing 10⁶ codes). */
  codeFailuresMax: 10,
  /** “Remind the secretary” from the committee matrix: at most once per branch in this time. */
  remindBranchCooldownMs: 60 * 60 * 1000,
  /** Reminders before the start: the day before and an hour before. */
  reminderOffsetsMs: { day: 24 * 60 * 60 * 1000, hour: 60 * 60 * 1000 },
  ledgerYearsBack: 5,
} as const;

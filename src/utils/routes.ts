/** Every page path in one place, so a rename is one edit and tests can import the same strings. */
export const ROUTES = {
  home: '/pages/index/index',
  notices: '/pages/notices/index',
  branch: '/pages/branch/index',
  me: '/pages/me/index',
  bind: '/pages/bind/index',
  demo: '/pages/demo/index',
  adminOrg: '/admin/org/index',
  adminBranch: '/admin/branch/index',
  adminRoster: '/admin/roster/index',
  adminInvites: '/admin/invites/index',
  adminMember: '/admin/member/index',
  noticeDetail: '/pages/notice-detail/index',
  noticeCompose: '/admin/notice-compose/index',
  noticeSent: '/admin/notice-sent/index',
  noticeTrack: '/admin/notice-track/index',
  noticeRollup: '/admin/notice-rollup/index',
  lesson: '/pages/lesson/index',
  lessonCatchup: '/pages/lesson-catchup/index',
  lessonHistory: '/pages/lesson-history/index',
  lessonLibrary: '/admin/lesson-library/index',
  lessonEdit: '/admin/lesson-edit/index',
  lessonPlan: '/admin/lesson-plan/index',
  lessonStats: '/admin/lesson-stats/index',
  lessonStat: '/admin/lesson-stat/index',
  lessonCommittee: '/admin/lesson-committee/index',
  chat: '/pages/chat/index',
  chatAudit: '/admin/chat-audit/index',
  adminReachSettings: '/admin/reach-settings/index',
  meeting: '/pages/meeting/index',
  meetings: '/pages/meeting/list/index',
  meetingCheckin: '/pages/meeting/checkin/index',
  meetingSchedule: '/admin/meeting-schedule/index',
  meetingManage: '/admin/meeting-manage/index',
  meetingDisplay: '/admin/meeting-display/index',
  meetingMinutes: '/admin/meeting-minutes/index',
  meetingLedger: '/admin/meeting-ledger/index',
  meetingCadence: '/admin/meeting-cadence/index',
  meetingMatrix: '/admin/meeting-matrix/index',
} as const;

/** Builds `path?key=value` with encoded values, skipping empty ones. */
export function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

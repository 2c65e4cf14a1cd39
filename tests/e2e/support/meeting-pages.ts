import type { BrowserContext } from 'playwright-core';
import type { MeetingDetail } from '../../../src/domain/api/meetings';
import type { TestHost } from './host';
import { signInAs } from './browser';
import { boundMember, callAs, type MainPage } from './screens';

const BRANCH = 'b_demo01';

/**
 * The meeting screens with something on them: a 主题党日 starting in 20 minutes (so the check-in
 * display shows a code) with an agenda, a guest, one member on leave awaiting approval and one checked
 * in by hand; plus the committee's cadence and matrix.
 */
export async function meetingPages(host: TestHost, context: BrowserContext): Promise<MainPage[]> {
  const secretary = await boundMember(host, BRANCH, 'secretary');
  const member = await boundMember(host, BRANCH, 'member');
  const page = await context.newPage();
  await signInAs(page, host.url, secretary.name);
  const startAt = Math.ceil((host.clock.now() + 20 * 60_000) / 60_000) * 60_000;
  const meeting = await callAs<MeetingDetail>(page, 'meetings', 'schedule', {
    requestId: 'e2e-screens-meeting-0001',
    branchId: BRANCH,
    type: 'theme_day',
    topic: '学习贯彻全会精神主题党日',
    startAt,
    durationMin: 90,
    place: '住院部 5 楼示教室',
    onlineLink: '',
    attendees: { kind: 'branch' },
    agenda: ['传达学习全会精神', '交流发言：如何把学习成果转化为护理工作实效', '党员志愿服务安排'],
    guests: [{ name: '王立', title: '院党委组织部' }],
  });
  await signInAs(page, host.url, member.name);
  await callAs(page, 'meetings', 'reply', { meetingId: meeting.meetingId, answer: 'leave', reason: 'night_shift', note: '前一晚夜班' });
  await page.close();
  const q = (path: string) => `${path}?meetingId=${meeting.meetingId}`;
  return [
    { name: 'meetings', persona: 'member', route: '/pages/meeting/list/index' },
    { name: 'meeting', persona: 'member', route: q('/pages/meeting/index') },
    { name: 'meeting-checkin', persona: 'member', route: q('/pages/meeting/checkin/index') },
    { name: 'meetings-officer', persona: 'secretary', route: '/pages/meeting/list/index' },
    { name: 'meeting-schedule', persona: 'secretary', route: `/admin/meeting-schedule/index?branchId=${BRANCH}` },
    { name: 'meeting-manage', persona: 'secretary', route: q('/admin/meeting-manage/index') },
    { name: 'meeting-display', persona: 'secretary', route: q('/admin/meeting-display/index') },
    { name: 'meeting-minutes', persona: 'secretary', route: q('/admin/meeting-minutes/index') },
    { name: 'meeting-ledger', persona: 'secretary', route: `/admin/meeting-ledger/index?branchId=${BRANCH}` },
    { name: 'meeting-cadence', persona: 'admin', route: '/admin/meeting-cadence/index' },
    { name: 'meeting-matrix', persona: 'admin', route: '/admin/meeting-matrix/index' },
  ];
}

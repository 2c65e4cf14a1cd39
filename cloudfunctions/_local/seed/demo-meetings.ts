import { monthStart, shanghaiDate } from '../../../src/domain/meeting/period';
import {
  attendanceId,
  LEAVE_REASONS,
  MEETING_TYPE_LABELS,
  type Attendance,
  type Meeting,
  type MeetingAttendees,
  type MeetingType,
  type Minutes,
} from '../../../src/domain/meeting/types';
import type { Member, PartyGroup } from '../../../src/domain/org/types';
import type { Storage } from '../../_runtime/storage/port';
import { seededRandom } from './names';

/**
 * A year of 三会一课 in the demo hospital, so the ledger and the committee's matrix are full on first
 * start: every branch held its monthly 支委会, 党小组会 and 主题党日, its quarterly 支部党员大会 and
 * 党课, and its yearly 组织生活会 / 民主评议党员 in January — except a few gaps (overdue cells). Held
 * meetings have attendance (check-ins, late arrivals, approved leave with shift reasons, absences),
 * published minutes and make-ups. This month: the 支委会 held (minutes still a draft), the 党小组会
 * still due, and a 主题党日 two days ahead for the whole branch (the demo member's next meeting).
 */

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
export const isMeetingsSeeded = async (storage: Storage): Promise<boolean> => (await storage.collection('settings').get('demoMeetings')) !== null;

const TOPICS: Record<MeetingType, string[]> = {
  branch_committee: ['研究本月党建工作安排', '讨论发展党员工作', '研究主题党日活动方案', '研究党费收缴与使用'],
  group: ['学习党章和廉洁从医规定', '交流临床工作中的党员先锋作用', '学习医德医风典型案例', '学习新修订的医疗核心制度'],
  general_assembly: ['通报支部工作并听取党员意见', '讨论接收预备党员', '学习传达院党委会议精神'],
  party_lesson: ['书记讲党课：践行新时代医疗卫生职业精神', '党课：以患者为中心改善就医体验', '党课：公立医院党委领导下的院长负责制'],
  theme_day: ['走进社区开展义诊', '重温入党誓词', '参观红色教育基地', '志愿服务：门诊导诊', '健康科普进校园'],
  org_life: ['年度组织生活会：对照检查与批评和自我批评'],
  democratic_review: ['年度民主评议党员'],
};

const MINUTES_TEXT = (type: MeetingType, topic: string) =>
  `一、${topic}。\n二、与会同志结合${MEETING_TYPE_LABELS[type]}内容和本科室工作逐一发言，交流体会。\n三、支部书记作总结，布置下一阶段工作。`;

interface Plan {
  type: MeetingType;
  day: number;
  attendees: MeetingAttendees;
  groupId?: string;
}

/** What one branch holds in one month (before gaps). */
function monthPlan(month: number, groups: PartyGroup[]): Plan[] {
  const plans: Plan[] = [{ type: 'branch_committee', day: 3, attendees: { kind: 'committee' } }];
  if (groups.length) groups.forEach((g, i) => plans.push({ type: 'group', day: 10 + i, attendees: { kind: 'groups', groupIds: [g._id] }, groupId: g._id }));
  else plans.push({ type: 'group', day: 10, attendees: { kind: 'branch' } });
  plans.push({ type: 'theme_day', day: 20, attendees: { kind: 'branch' } });
  if (month % 3 === 2) {
    plans.push({ type: 'general_assembly', day: 14, attendees: { kind: 'branch' } });
    plans.push({ type: 'party_lesson', day: 24, attendees: { kind: 'branch' } });
  }
  if (month === 1) {
    plans.push({ type: 'org_life', day: 17, attendees: { kind: 'branch' } });
    plans.push({ type: 'democratic_review', day: 18, attendees: { kind: 'branch' } });
  }
  return plans;
}

export async function seedDemoMeetings(storage: Storage, now: number): Promise<{ meetings: number; attendance: number }> {
  if (await isMeetingsSeeded(storage)) return { meetings: 0, attendance: 0 };
  const random = seededRandom(20261201);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const [members, groups] = await Promise.all([
    storage.collection<Member>('members').findAll({ status: 'active' }, 1000),
    storage.collection<PartyGroup>('partyGroups').findAll({ status: 'active' }, 1000),
  ]);
  const branchIds = [...new Set(members.map((m) => m.branchId).filter((b): b is string => b !== null))].sort();
  const today = shanghaiDate(now);
  const meetings: Meeting[] = [];
  const rows: Attendance[] = [];
  const minutes: Minutes[] = [];

  const add = (branchId: string, index: number, plan: Plan, startAt: number, seq: string) => {
    const roster = members.filter((m) => m.branchId === branchId);
    const secretary = roster.find((m) => m.role === 'secretary') ?? roster[0];
    const invited =
      plan.attendees.kind === 'committee'
        ? roster.filter((m) => m.role !== 'member')
        : plan.groupId
          ? roster.filter((m) => m.partyGroupId === plan.groupId)
          : roster;
    const id = `mt_demo${branchId.slice(-2)}${seq}`;
    const durationMin = plan.type === 'branch_committee' || plan.type === 'group' ? 60 : 90;
    const endAt = startAt + durationMin * 60_000;
    const held = endAt <= now;
    const topic = pick(TOPICS[plan.type]);
    const meeting: Meeting = {
      _id: id,
      branchId,
      type: plan.type,
      topic: plan.groupId ? `${groups.find((g) => g._id === plan.groupId)?.name ?? ''}：${topic}` : topic,
      startAt,
      durationMin,
      endAt,
      place: plan.type === 'theme_day' ? '门诊楼一楼大厅' : `${roster[0]?.department ?? ''}示教室`,
      onlineLink: '',
      attendees: plan.attendees,
      agenda: ['集中学习', '交流发言', '支部书记总结'],
      materials: [],
      guests: plan.type === 'org_life' ? [{ name: '周立群', title: '院党委办公室' }] : [],
      status: 'scheduled',
      cancelReason: null,
      organizerId: secretary._id,
      organizerName: secretary.name,
      expected: invited.length,
      checkedIn: 0,
      minutesStatus: 'none',
      createdAt: startAt - 7 * DAY,
      updatedAt: startAt - 7 * DAY,
    };
    for (const m of invited) {
      const r = random();
      const leave = held && r > 0.82 && r <= 0.92;
      const absent = held && r > 0.92;
      const checkedIn = held && !leave && !absent;
      const late = checkedIn && random() < 0.06;
      const checkinAt = checkedIn ? startAt + (late ? 8 + Math.floor(random() * 20) : -Math.floor(random() * 15)) * 60_000 : null;
      const upcoming = !held && startAt > now;
      const answered = held || (upcoming && random() < 0.5);
      const upcomingLeave = upcoming && answered && random() < 0.2;
      rows.push({
        _id: attendanceId(id, m._id),
        meetingId: id,
        branchId,
        memberId: m._id,
        memberName: m.name,
        partyGroupId: m.partyGroupId,
        seenAt: answered || held ? startAt - 6 * DAY + Math.floor(random() * 2 * DAY) : null,
        answer: leave || upcomingLeave ? 'leave' : answered ? 'attend' : 'none',
        answeredAt: answered ? startAt - 5 * DAY : null,
        leaveReason: leave || upcomingLeave ? pick(LEAVE_REASONS.filter((x) => x !== 'other')) : null,
        leaveNote: '',
        leaveStatus: leave ? 'approved' : upcomingLeave ? 'pending' : 'none',
        leaveDecidedBy: leave ? secretary._id : null,
        leaveDecidedAt: leave ? startAt - 4 * DAY : null,
        checkinAt,
        checkinMethod: checkedIn ? (random() < 0.1 ? 'manual' : random() < 0.8 ? 'qr' : 'code') : null,
        checkinBy: checkedIn ? m._id : null,
        checkinByName: null,
        late,
        makeupAt: null,
        removed: false,
        startAt,
        endAt,
        cancelled: false,
        remindedAt: null,
        remindCount: 0,
      });
      const row = rows[rows.length - 1];
      if (row.checkinMethod === 'manual') Object.assign(row, { checkinBy: secretary._id, checkinByName: secretary.name });
      if (checkedIn) meeting.checkedIn++;
    }
    if (held) {
      // The latest meeting of each branch still has draft minutes; the rest are published with make-ups done by most.
      const draft = startAt >= now - 10 * DAY && index % 2 === 0;
      meeting.minutesStatus = draft ? 'draft' : 'published';
      minutes.push({
        _id: id,
        meetingId: id,
        branchId,
        recorderId: secretary._id,
        recorderName: roster.find((m) => m.role === 'branch_committee')?.name ?? secretary.name,
        content: MINUTES_TEXT(plan.type, meeting.topic),
        resolutions: plan.type === 'branch_committee' ? '按计划开展本月主题党日活动。' : '',
        photos: [],
        status: draft ? 'draft' : 'published',
        publishedAt: draft ? null : endAt + 2 * DAY,
        version: 1,
        updatedBy: secretary._id,
        updatedAt: endAt + DAY,
      });
      if (!draft) {
        for (const row of rows.filter((x) => x.meetingId === id && x.checkinAt === null)) {
          if (endAt + 3 * DAY < now && random() < 0.7) row.makeupAt = endAt + 3 * DAY + Math.floor(random() * 5 * DAY);
        }
      }
    }
    meetings.push(meeting);
  };

  branchIds.forEach((branchId, index) => {
    const branchGroups = groups.filter((g) => g.branchId === branchId);
    // Twelve full months back from last month, then this month.
    for (let back = 12; back >= 1; back--) {
      const monthIndex = today.year * 12 + (today.month - 1) - back;
      const year = Math.floor(monthIndex / 12);
      const month = (monthIndex % 12) + 1;
      monthPlan(month, branchGroups).forEach((plan, k) => {
        // Gaps: some branches skipped a 主题党日 or a 党小组会 (overdue cells in the committee's matrix).
        if (plan.type === 'theme_day' && index % 5 === 3 && back === 2) return;
        if (plan.type === 'group' && index % 7 === 4 && back === 1) return;
        if (plan.type === 'party_lesson' && index === 9 && back <= 3) return;
        const startAt = monthStart(year, month) + (plan.day - 1) * DAY + (plan.type === 'theme_day' ? 14 : 16) * HOUR;
        add(branchId, index, plan, startAt, `${year}${String(month).padStart(2, '0')}${k}`);
      });
    }
    const thisMonth = monthStart(today.year, today.month);
    const committee = thisMonth + 2 * DAY + 16 * HOUR;
    if (committee + HOUR <= now) add(branchId, index, { type: 'branch_committee', day: 3, attendees: { kind: 'committee' } }, committee, 'now0');
    // The next 主题党日 two days ahead at 14:00 Shanghai: every member's upcoming meeting.
    const inTwoDays = shanghaiDate(now + 2 * DAY);
    const themeDay = monthStart(inTwoDays.year, inTwoDays.month) + (inTwoDays.day - 1) * DAY + 14 * HOUR;
    add(branchId, index, { type: 'theme_day', day: inTwoDays.day, attendees: { kind: 'branch' } }, themeDay, 'now1');
  });

  await storage.atomically(async () => {
    await storage.collection<Meeting>('meetings').insertMany(meetings);
    for (let i = 0; i < rows.length; i += 1000) await storage.collection<Attendance>('meetingAttendance').insertMany(rows.slice(i, i + 1000));
    await storage.collection<Minutes>('meetingMinutes').insertMany(minutes);
    await storage.collection('settings').put({ _id: 'demoMeetings', seededAt: now, meetings: meetings.length });
  });
  return { meetings: meetings.length, attendance: rows.length };
}

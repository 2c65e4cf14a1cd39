/**
 * The demo hospital's past month, so every dashboard shows realistic data on first start: 30 days of
 * study (releases for those days, complete progress records, first check attempts) with completion
 * varying by branch and by day (mostly 60–100 %, lower at weekends), and notices from the past weeks
 * with reads, acknowledgements, excuses and reminders. Deterministic for a given `now` (seeded PRNG),
 * written in one transaction. Records have the shapes the functions write (releases freeze the
 * branch's roster; progress documents are complete by the domain's own rule; receipts exclude the
 * author), so statistics, catch-up and streaks read them like real history.
 */
import { audienceBranchId, resolveRecipients } from '../../../src/domain/notice/audience';
import { receiptId, type Notice, type NoticeAudience, type Receipt, type ReminderBatch } from '../../../src/domain/notice/types';
import { planEntryId } from '../../../src/domain/lesson/calendar';
import { checkRecordOf, scoreAnswers } from '../../../src/domain/lesson/check';
import { addDays, isWeekday } from '../../../src/domain/lesson/dates';
import { progressId, type Lesson, type LessonProgress, type LessonRelease, type PlanEntry } from '../../../src/domain/lesson/lesson';
import { minReadingSeconds } from '../../../src/domain/lesson/library';
import { LESSON_LIMITS } from '../../../src/domain/lesson/limits';
import { meetsCompletion } from '../../../src/domain/lesson/progress';
import { releaseInstant, releaseKey, studyDateAt } from '../../../src/domain/lesson/release';
import type { Branch, Member, PartyGroup } from '../../../src/domain/org/types';
import type { Storage } from '../../_runtime/storage/port';
import { seededRandom } from './names';

export const DEMO_HISTORY_DAYS = 30;
const HOUR = 60 * 60 * 1000;
const TZ = LESSON_LIMITS.defaultTimeZone;

type Rng = () => number;

/** minReadingSeconds measures the text: once per lesson, not once per member. */
const minReadCache = new WeakMap<Lesson, number>();
function minRead(lesson: Lesson): number {
  let v = minReadCache.get(lesson);
  if (v === undefined) minReadCache.set(lesson, (v = minReadingSeconds(lesson)));
  return v;
}
const between = (rng: Rng, lo: number, hi: number) => lo + rng() * (hi - lo);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A member's finished lesson: full coverage (or the end after the minimum reading time), completed on the day. */
function completedProgress(lesson: Lesson, m: Member, date: string, completedAt: number, rng: Rng, answered: boolean): LessonProgress {
  const article = lesson.kind === 'article';
  const readSec = article ? minRead(lesson) + Math.round(between(rng, 5, 120)) : 0;
  const played = article ? readSec : lesson.chapters.reduce((s, c) => s + c.durationSec, 0);
  const p: LessonProgress = {
    _id: progressId(lesson._id, m._id),
    lessonId: lesson._id,
    memberId: m._id,
    branchId: m.branchId,
    kind: lesson.kind,
    chapters: article ? [] : lesson.chapters.map((c) => ({ position: c.durationSec, covered: [[0, c.durationSec]] })),
    readSec,
    readPosition: article ? 1 : 0,
    reachedEnd: article,
    playedSec: played,
    coveredSec: article ? 0 : played,
    percent: 100,
    resume: { chapter: 0, position: article ? 1 : 0, at: completedAt },
    completedAt,
    // Completed between the 07:00 release and 23:00 Shanghai time: the release's own study day.
    completedDate: date,
    check: null,
    openedAt: completedAt - played * 1000 - 60_000,
    updatedAt: completedAt,
  };
  if (p.readSec < minRead(lesson) || (!article && !meetsCompletion(lesson, p))) throw new Error(`demo history: ${lesson._id} would not be complete`);
  if (answered && lesson.questions.length) {
    // Mostly right, sometimes not: a first attempt as members make them.
    const answers = Object.fromEntries(
      lesson.questions.map((q) => [q.id, rng() < 0.8 ? [...q.correct] : [(q.correct[0] + 1) % q.options.length]]),
    );
    p.check = checkRecordOf(scoreAnswers(lesson.questions, answers), completedAt + 90_000);
  }
  return p;
}

/** Started but not finished: some progress, no completion. */
function startedProgress(lesson: Lesson, m: Member, at: number, rng: Rng): LessonProgress {
  const share = between(rng, 0.15, 0.7);
  const article = lesson.kind === 'article';
  const total = article ? minRead(lesson) : lesson.chapters.reduce((s, c) => s + c.durationSec, 0);
  const first = lesson.chapters[0];
  const upTo = first ? Math.floor(first.durationSec * share) : 0;
  return {
    _id: progressId(lesson._id, m._id),
    lessonId: lesson._id,
    memberId: m._id,
    branchId: m.branchId,
    kind: lesson.kind,
    chapters: article ? [] : lesson.chapters.map((c, i) => ({ position: i === 0 ? upTo : 0, covered: i === 0 && upTo > 0 ? [[0, upTo]] : [] })),
    readSec: article ? Math.floor(total * share) : 0,
    readPosition: article ? share : 0,
    reachedEnd: false,
    playedSec: Math.floor(total * share),
    coveredSec: article ? 0 : upTo,
    percent: Math.floor(share * 100),
    resume: { chapter: 0, position: article ? share : upTo, at },
    completedAt: null,
    completedDate: null,
    check: null,
    openedAt: at - 120_000,
    updatedAt: at,
  };
}

function studyHistory(rng: Rng, now: number, branches: Branch[], members: Member[], lessons: Map<string, Lesson>, plan: Map<string, PlanEntry>) {
  const today = studyDateAt(now, TZ);
  const releases: LessonRelease[] = [];
  const progress = new Map<string, LessonProgress>();
  // Time-zone arithmetic is slow (Intl): once per date and release time, not per branch.
  const instants = new Map<string, number>();
  const opensAt = (date: string, b: Branch) => {
    const key = `${date} ${b.releaseTime} ${b.timeZone}`;
    if (!instants.has(key)) instants.set(key, releaseInstant(date, b.releaseTime, b.timeZone));
    return instants.get(key)!;
  };
  for (const branch of branches) {
    const roster = members.filter((m) => m.branchId === branch._id);
    // Each branch has its own habit: most study 75–95 %, a couple of busy wards less.
    const habit = between(rng, 0.7, 0.94) - (rng() < 0.15 ? 0.15 : 0);
    // Lessons recur in a month's plan and a completion counts for every day the lesson was planned, so
    // walk back from yesterday: the recent weeks get their own rates, and an older day of a lesson seen
    // again later adds only a few completions (which also lift the later day, as catching up does).
    const seen = new Set<string>();
    for (let k = 1; k <= DEMO_HISTORY_DAYS; k++) {
      const date = addDays(today, -k);
      const entry = plan.get(planEntryId('branch', branch._id, date)) ?? plan.get(planEntryId('central', null, date));
      const lesson = entry?.lessonId ? lessons.get(entry.lessonId) : undefined;
      const releaseAt = opensAt(date, branch);
      releases.push({
        _id: releaseKey(branch._id, date),
        branchId: branch._id,
        date,
        lessonId: lesson?._id ?? null,
        source: entry ? entry.scope : 'none',
        releaseAt,
        releasedAt: releaseAt,
        memberIds: roster.map((m) => m._id),
      });
      if (!lesson) continue;
      const fresh = clamp(habit + between(rng, -0.12, 0.08) - (isWeekday(date) ? 0 : 0.08), 0.45, 1);
      const rate = seen.has(lesson._id) ? fresh * 0.25 : fresh;
      seen.add(lesson._id);
      for (const m of roster) {
        if (m.openid === null) continue;
        const id = progressId(lesson._id, m._id);
        if (progress.get(id)?.completedAt) continue;
        // Between the 07:00 release and 23:00, after a shift or in a break.
        const at = releaseAt + Math.round(between(rng, 0.3, 15.5) * HOUR);
        if (rng() < rate) progress.set(id, completedProgress(lesson, m, date, at, rng, rng() < 0.75));
        else if (rng() < 0.25 && !progress.has(id)) progress.set(id, startedProgress(lesson, m, at, rng));
      }
    }
  }
  return { releases, progress: [...progress.values()] };
}

const NOTICE_TEXTS: Array<{ title: string; body: string; requireAck: boolean }> = [
  { title: '关于开展本月主题党日活动的通知', body: '各位党员：\n本月主题党日安排在周五 17:30，地点为示教室，内容为集中学习和志愿服务安排。值班同志请提前调班或请假。', requireAck: true },
  { title: '请按时交纳本季度党费', body: '各位党员：\n请于本月 25 日前通过线上方式交纳本季度党费，如有疑问请联系支部组织委员。', requireAck: false },
  { title: '支部委员会会议纪要', body: '本周支委会研究了新党员发展、志愿服务排班和下月学习计划，详见附件说明，请各位党员知悉。', requireAck: false },
  { title: '志愿服务排班征集', body: '周末门诊导医志愿服务需 6 名党员，请在本周三前向支部书记报名，优先安排不值班的同志。', requireAck: false },
  { title: '廉洁从业专题学习提醒', body: '请各位党员在本周内完成“廉洁从业”专题微党课学习，并在科室晨会上交流体会。', requireAck: true },
];

const COMMITTEE_TEXTS: Array<{ title: string; body: string; requireAck: boolean }> = [
  { title: '院党委关于做好近期安全生产工作的通知', body: '各党支部：\n请组织党员学习安全生产有关要求，结合科室实际开展自查，党员带头落实各项措施。', requireAck: true },
  { title: '关于开展“三会一课”自查的通知', body: '各党支部：\n请对照年度计划，对本支部“三会一课”落实情况开展自查，月底前报送党委办公室。', requireAck: false },
];

function noticeHistory(rng: Rng, now: number, branches: Branch[], members: Member[], groups: PartyGroup[]) {
  const notices: Notice[] = [];
  const receipts: Receipt[] = [];
  const reminders: ReminderBatch[] = [];
  const admin = members.find((m) => m.role === 'committee_admin');
  const publish = (author: Member, audience: NoticeAudience, text: { title: string; body: string; requireAck: boolean }, publishedAt: number, serial: number) => {
    const recipients = resolveRecipients(audience, members, groups, author._id);
    const id = `n_demo${String(serial).padStart(3, '0')}`;
    const readProb = between(rng, 0.78, 0.97);
    let readCount = 0;
    let ackCount = 0;
    const rows: Receipt[] = recipients.map((m) => {
      const excused = m.openid !== null && rng() < 0.04;
      const read = m.openid !== null && !excused && rng() < readProb;
      const readAt = read ? publishedAt + Math.round(between(rng, 0.1, 40) * HOUR) : null;
      const ackAt = read && text.requireAck && rng() < 0.9 ? readAt! + 30_000 : null;
      if (readAt) readCount++;
      if (ackAt) ackCount++;
      return {
        _id: receiptId(id, m._id),
        noticeId: id,
        memberId: m._id,
        memberName: m.name,
        branchId: m.branchId,
        partyGroupId: m.partyGroupId,
        publishedAt,
        readAt,
        ackAt,
        excused,
        excuseReason: excused ? (rng() < 0.5 ? '夜班' : '请假') : null,
        remindCount: 0,
        remindedAt: null,
      };
    });
    // A day later the publisher reminded the members who had not read yet (bound, not excused).
    const remindAt = publishedAt + 24 * HOUR;
    const pending = rows.filter((r) => !r.excused && members.find((m) => m._id === r.memberId)?.openid && (r.readAt === null || r.readAt > remindAt));
    let lastRemindAt: number | null = null;
    if (pending.length && remindAt < now && rng() < 0.7) {
      for (const r of pending) {
        r.remindCount = 1;
        r.remindedAt = remindAt;
      }
      const unbound = rows.filter((r) => !r.excused && r.readAt === null && !members.find((m) => m._id === r.memberId)?.openid).length;
      const wechat = Math.floor(pending.length * between(rng, 0.3, 0.6));
      reminders.push({ _id: `rm_${id}`, noticeId: id, by: author._id, byName: author.name, at: remindAt, target: 'unread', total: pending.length, wechat, inAppOnly: pending.length - wechat, unbound });
      lastRemindAt = remindAt;
    }
    receipts.push(...rows);
    notices.push({
      _id: id,
      branchId: audienceBranchId(audience),
      authorId: author._id,
      authorName: author.name,
      title: text.title,
      body: text.body,
      images: [],
      audience,
      requireAck: text.requireAck,
      deadline: null,
      status: 'published',
      publishAt: publishedAt,
      publishedAt,
      withdrawnAt: null,
      correctedAt: null,
      recipientCount: rows.length,
      readCount,
      ackCount,
      lastRemindAt,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    });
  };

  let serial = 1;
  const day = 24 * HOUR;
  for (const branch of branches) {
    const secretary = members.find((m) => m.branchId === branch._id && m.role === 'secretary');
    if (!secretary) continue;
    // Two or three notices over the past four weeks, at office hours.
    const count = 2 + Math.floor(rng() * 2);
    for (let i = 0; i < count; i++) {
      const daysAgo = 3 + Math.floor(rng() * 25);
      const at = now - daysAgo * day - Math.round(between(rng, 1, 6) * HOUR);
      publish(secretary, { kind: 'branch', branchId: branch._id }, NOTICE_TEXTS[(i + serial) % NOTICE_TEXTS.length], at, serial++);
    }
  }
  if (admin) {
    COMMITTEE_TEXTS.forEach((text, i) => publish(admin, { kind: 'all' }, text, now - (6 + i * 9) * day - 2 * HOUR, serial++));
  }
  return { notices, receipts, reminders };
}

/**
 * Seeds the history once (does nothing when any release or notice exists). Needs the demo hospital
 * and the demo lessons with their plan (seed/demo-hospital.ts, seed/demo-lessons.ts).
 */
export async function seedDemoHistory(storage: Storage, now: number): Promise<{ releases: number; progress: number; notices: number; receipts: number }> {
  const none = { releases: 0, progress: 0, notices: 0, receipts: 0 };
  if ((await storage.collection('lessonReleases').find({}, { limit: 1 })).length) return none;
  if ((await storage.collection('notices').find({}, { limit: 1 })).length) return none;
  const [branches, members, groups, lessons, plan] = await Promise.all([
    storage.collection<Branch>('branches').findAll({ status: 'active' }),
    storage.collection<Member>('members').findAll({ status: 'active' }),
    storage.collection<PartyGroup>('partyGroups').findAll({ status: 'active' }),
    storage.collection<Lesson>('lessons').findAll({}),
    storage.collection<PlanEntry>('lessonPlan').findAll({}),
  ]);
  branches.sort((a, b) => a._id.localeCompare(b._id));
  members.sort((a, b) => a._id.localeCompare(b._id));
  const rng = seededRandom(20261128);
  const study = studyHistory(rng, now, branches, members, new Map(lessons.map((l) => [l._id, l])), new Map(plan.map((p) => [p._id, p])));
  const news = noticeHistory(rng, now, branches, members, groups);
  await storage.atomically(async () => {
    await storage.collection<LessonRelease>('lessonReleases').insertMany(study.releases);
    await storage.collection<LessonProgress & { rev: number }>('lessonProgress').insertMany(study.progress.map((p) => ({ ...p, rev: 1 })));
    await storage.collection<Notice>('notices').insertMany(news.notices);
    await storage.collection<Receipt>('receipts').insertMany(news.receipts);
    if (news.reminders.length) await storage.collection<ReminderBatch>('noticeReminders').insertMany(news.reminders);
  });
  return { releases: study.releases.length, progress: study.progress.length, notices: news.notices.length, receipts: news.receipts.length };
}

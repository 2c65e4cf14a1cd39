import { addDays } from './dates';
import type { Lesson, LessonProgress } from './lesson';

/**
 * Follow-up statistics as pure aggregation: the handler loads the members, the releases (or resolved
 * days) and the progress documents; these functions count. Completion counts whenever it happened up
 * to `asOf`, so a day's rate rises as members catch up; a lesson completed on an earlier day it was
 * planned also counts (progress is per lesson). Rates are percentages with one decimal, or null when
 * nobody was expected (no lesson that day, or no members).
 */

/** `bound: false`: on the roster but never bound WeChat, so unable to study; kept apart, outside the rate. */
export type StatsMember = { _id: string; name: string; partyGroupId: string | null; bound?: boolean };
export type StatsGroup = { _id: string; name: string };
export type CompletionLike = Pick<LessonProgress, 'lessonId' | 'memberId' | 'completedAt' | 'percent'>;

export const UNGROUPED_NAME = '未分组';

export const ratePercent = (completed: number, expected: number): number | null =>
  expected === 0 ? null : Math.round((completed / expected) * 1000) / 10;

/** lessonId → memberId → completedAt, for completions at or before `asOf`. */
export type CompletionIndex = Map<string, Map<string, number>>;

export function completionIndex(progress: Iterable<Pick<LessonProgress, 'lessonId' | 'memberId' | 'completedAt'>>, asOf = Infinity): CompletionIndex {
  const index: CompletionIndex = new Map();
  for (const p of progress) {
    if (p.completedAt === null || p.completedAt > asOf) continue;
    if (!index.has(p.lessonId)) index.set(p.lessonId, new Map());
    index.get(p.lessonId)!.set(p.memberId, p.completedAt);
  }
  return index;
}

export type NotStudiedMember = { memberId: string; name: string; percent: number; started: boolean };
export type StudiedMember = { memberId: string; name: string; completedAt: number };
export type UnboundMember = { memberId: string; name: string; groupName: string };

const NO_ONE: ReadonlySet<string> = new Set();

export type BranchDayStats = {
  date: string;
  lessonId: string | null;
  expected: number;
  completed: number;
  ratePercent: number | null;
  /** Per party group (in the given order, “未分组” last): its counts, who has not completed (least progress first) and who has. */
  groups: Array<{ groupId: string | null; groupName: string; expected: number; completed: number; notStudied: NotStudiedMember[]; studied: StudiedMember[] }>;
  /** Expected members who never bound WeChat: not in `expected`, not 未学, listed apart. */
  unbound: UnboundMember[];
};

/** A branch's day: completed x / y and who has not studied, grouped by party group. */
export function branchDayStats(input: {
  date: string;
  lessonId: string | null;
  members: ReadonlyArray<StatsMember>;
  groups: ReadonlyArray<StatsGroup>;
  /** Progress documents of this day's lesson (others are ignored). */
  progress: ReadonlyArray<CompletionLike>;
  asOf?: number;
}): BranchDayStats {
  const { date, lessonId } = input;
  if (lessonId === null) return { date, lessonId, expected: 0, completed: 0, ratePercent: null, groups: [], unbound: [] };
  const asOf = input.asOf ?? Infinity;
  const byMember = new Map(input.progress.filter((p) => p.lessonId === lessonId).map((p) => [p.memberId, p]));
  const known = new Set(input.groups.map((g) => g._id));
  const buckets = [...input.groups.map((g) => ({ groupId: g._id as string | null, groupName: g.name })), { groupId: null, groupName: UNGROUPED_NAME }].map((g) => ({
    ...g,
    expected: 0,
    completed: 0,
    notStudied: [] as NotStudiedMember[],
    studied: [] as StudiedMember[],
  }));
  const bucketOf = (m: StatsMember) => buckets.find((b) => b.groupId === (m.partyGroupId !== null && known.has(m.partyGroupId) ? m.partyGroupId : null))!;
  const unbound: UnboundMember[] = [];
  for (const m of input.members) {
    const b = bucketOf(m);
    const p = byMember.get(m._id);
    const done = p !== undefined && p.completedAt !== null && p.completedAt <= asOf;
    // A member who completed has evidently bound since; only those who could not study are set apart.
    if (m.bound === false && !done) {
      unbound.push({ memberId: m._id, name: m.name, groupName: b.groupName });
      continue;
    }
    b.expected++;
    if (done) {
      b.completed++;
      b.studied.push({ memberId: m._id, name: m.name, completedAt: p.completedAt! });
    } else b.notStudied.push({ memberId: m._id, name: m.name, percent: p ? Math.min(p.percent, 99) : 0, started: !!p });
  }
  for (const b of buckets) {
    b.notStudied.sort((x, y) => x.percent - y.percent || x.name.localeCompare(y.name, 'zh'));
    b.studied.sort((x, y) => x.name.localeCompare(y.name, 'zh'));
  }
  unbound.sort((x, y) => x.name.localeCompare(y.name, 'zh'));
  const expected = buckets.reduce((s, b) => s + b.expected, 0);
  const completed = buckets.reduce((s, b) => s + b.completed, 0);
  return { date, lessonId, expected, completed, ratePercent: ratePercent(completed, expected), groups: buckets.filter((b) => b.expected > 0), unbound };
}

/** One day of a branch: the lesson and the members expected to study it (from the release, or the roster). */
export type ExpectedDay = { date: string; lessonId: string | null; memberIds: ReadonlyArray<string> };

/** `unbound`: expected members who never bound WeChat (and did not complete), outside `expected`. */
export type DailyRate = { date: string; lessonId: string | null; expected: number; completed: number; unbound: number; ratePercent: number | null };

/** The last `n` dates ending with `today` (today's rate is still rising). */
export const trendDates = (today: string, n: number): string[] => Array.from({ length: n }, (_, i) => addDays(today, i - n + 1));

export function dailyRates(days: ReadonlyArray<ExpectedDay>, index: CompletionIndex, unbound: ReadonlySet<string> = NO_ONE): DailyRate[] {
  return days.map((d) => {
    if (d.lessonId === null) return { date: d.date, lessonId: null, expected: 0, completed: 0, unbound: 0, ratePercent: null };
    const done = index.get(d.lessonId) ?? new Map<string, number>();
    const counted = d.memberIds.filter((m) => done.has(m) || !unbound.has(m));
    const completed = counted.filter((m) => done.has(m)).length;
    return { date: d.date, lessonId: d.lessonId, expected: counted.length, completed, unbound: d.memberIds.length - counted.length, ratePercent: ratePercent(completed, counted.length) };
  });
}

export type RateSummary = { daysWithLesson: number; expected: number; completed: number; ratePercent: number | null };

/** Over a period: completions over expected study sessions (days without a lesson do not count). */
export function rateSummary(rates: ReadonlyArray<DailyRate>): RateSummary {
  const withLesson = rates.filter((r) => r.lessonId !== null);
  const expected = withLesson.reduce((s, r) => s + r.expected, 0);
  const completed = withLesson.reduce((s, r) => s + r.completed, 0);
  return { daysWithLesson: withLesson.length, expected, completed, ratePercent: ratePercent(completed, expected) };
}

export type CommitteeMatrix = {
  dates: string[];
  /** `unbound`: the branch's members who have not bound WeChat, on the latest day with a lesson. */
  rows: Array<{ branchId: string; branchName: string; days: DailyRate[]; summary: RateSummary; unbound: number }>;
  /** Across branches, per date. */
  totals: Array<{ date: string; expected: number; completed: number; ratePercent: number | null }>;
  summary: RateSummary;
};

/** Completion by branch by day, for the committee. Each branch's days should cover `dates`. */
export function committeeMatrix(
  dates: ReadonlyArray<string>,
  branches: ReadonlyArray<{ _id: string; name: string; days: ReadonlyArray<ExpectedDay> }>,
  index: CompletionIndex,
  unbound: ReadonlySet<string> = NO_ONE,
): CommitteeMatrix {
  const rows = branches.map((b) => {
    const byDate = new Map(b.days.map((d) => [d.date, d]));
    const days = dailyRates(dates.map((date) => byDate.get(date) ?? { date, lessonId: null, memberIds: [] }), index, unbound);
    const latest = [...days].reverse().find((d) => d.lessonId !== null);
    return { branchId: b._id, branchName: b.name, days, summary: rateSummary(days), unbound: latest?.unbound ?? 0 };
  });
  const totals = dates.map((date, i) => {
    const expected = rows.reduce((s, r) => s + r.days[i].expected, 0);
    const completed = rows.reduce((s, r) => s + r.days[i].completed, 0);
    return { date, expected, completed, ratePercent: ratePercent(completed, expected) };
  });
  return { dates: [...dates], rows, totals, summary: rateSummary(rows.flatMap((r) => r.days)) };
}

export type LessonStats = {
  lessonId: string;
  started: number;
  completed: number;
  /** Of those who started. */
  completionRatePercent: number | null;
  answered: number;
  questions: Array<{ questionId: string; prompt: string; answered: number; correct: number; ratePercent: number | null; optionCounts: number[] }>;
};

/** One lesson across the given progress documents (a branch's, or everyone's): completion and per-question correctness of first attempts. */
export function lessonStats(lesson: Pick<Lesson, '_id' | 'questions'>, progress: ReadonlyArray<Pick<LessonProgress, 'lessonId' | 'completedAt' | 'check'>>): LessonStats {
  const mine = progress.filter((p) => p.lessonId === lesson._id);
  const checks = mine.map((p) => p.check).filter((c): c is NonNullable<typeof c> => c !== null);
  const completed = mine.filter((p) => p.completedAt !== null).length;
  return {
    lessonId: lesson._id,
    started: mine.length,
    completed,
    completionRatePercent: ratePercent(completed, mine.length),
    answered: checks.length,
    questions: lesson.questions.map((q) => {
      const answers = checks.filter((c) => c.answers[q.id] !== undefined);
      const correct = answers.filter((c) => c.correct[q.id] === true).length;
      const optionCounts = q.options.map((_, k) => answers.filter((c) => c.answers[q.id].includes(k)).length);
      return { questionId: q.id, prompt: q.prompt, answered: answers.length, correct, ratePercent: ratePercent(correct, answers.length), optionCounts };
    }),
  };
}

/** Sheet rows (header first) for export: one row per branch, one column per day, rates in percent. */
export function committeeSheet(m: CommitteeMatrix): Array<Array<string | number>> {
  const cell = (r: number | null) => (r === null ? '—' : r);
  return [
    ['支部', ...m.dates, '应学人次', '完成人次', '完成率(%)'],
    ...m.rows.map((r) => [r.branchName, ...r.days.map((d) => cell(d.ratePercent)), r.summary.expected, r.summary.completed, cell(r.summary.ratePercent)]),
    ['全院', ...m.totals.map((t) => cell(t.ratePercent)), m.summary.expected, m.summary.completed, cell(m.summary.ratePercent)],
  ];
}

/** Sheet rows for one branch's trend: one row per day. */
export function trendSheet(rates: ReadonlyArray<DailyRate>, titleOf: (lessonId: string) => string): Array<Array<string | number>> {
  return [
    ['日期', '微党课', '应学人数', '完成人数', '完成率(%)', '未绑定人数'],
    ...rates.map((r) => [r.date, r.lessonId === null ? '无课' : titleOf(r.lessonId), r.expected, r.completed, r.ratePercent === null ? '—' : r.ratePercent, r.unbound]),
  ];
}

const UNBOUND_STATE = '未绑定微信';

/** Sheet rows listing who has not studied a day's lesson, by party group; then those who never bound WeChat. */
export function notStudiedSheet(stats: BranchDayStats): Array<Array<string | number>> {
  return [
    ['党小组', '姓名', '进度(%)', '状态'],
    ...stats.groups.flatMap((g) => g.notStudied.map((m) => [g.groupName, m.name, m.percent, m.started ? '学习中' : '未开始'])),
    ...stats.unbound.map((m) => [m.groupName, m.name, 0, UNBOUND_STATE]),
  ];
}

/** Sheet rows naming, for each day with a lesson (newest first), who studied, who did not and who is unbound. */
export function dayNamesSheet(days: ReadonlyArray<BranchDayStats>, titleOf: (lessonId: string) => string): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [['日期', '微党课', '党小组', '姓名', '状态']];
  for (const d of [...days].reverse()) {
    if (d.lessonId === null) continue;
    const title = titleOf(d.lessonId);
    for (const g of d.groups) {
      for (const m of g.notStudied) rows.push([d.date, title, g.groupName, m.name, m.started ? `未学（已学 ${m.percent}%）` : '未学']);
      for (const m of g.studied) rows.push([d.date, title, g.groupName, m.name, '已完成']);
    }
    for (const m of d.unbound) rows.push([d.date, title, m.groupName, m.name, UNBOUND_STATE]);
  }
  return rows;
}

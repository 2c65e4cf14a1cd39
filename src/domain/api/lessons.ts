import * as v from 'valibot';
import type { ReachReportView } from './reach';
import type { CheckScore, PublicQuestion } from '../lesson/check';
import type { ResolvedDay, BulkPlanResult } from '../lesson/calendar';
import { isDateString, isMonthString } from '../lesson/dates';
import type { Lesson, LessonKind, LessonStatus, PlanSource } from '../lesson/lesson';
import { LESSON_KINDS } from '../lesson/lesson';
import { LESSON_LIMITS as L } from '../lesson/limits';
import type { BranchDayStats, CommitteeMatrix, DailyRate, LessonStats, RateSummary } from '../lesson/stats';
import type { WeeklyProgress } from '../lesson/streak';
import type { LessonCard, ProgressView } from '../lesson/views';
import { cursor, id, payload, requestId } from './common';

/** The `lessons` function: today's lesson, study and progress, the check, catch-up, library, plan, stats. */

export type { LessonCard, ProgressView };

const text = (label: string, max: number) =>
  v.pipe(v.string(`请填写${label}`), v.trim(), v.minLength(1, `请填写${label}`), v.maxLength(max, `${label}不能超过 ${max} 个字`));
const optionalText = (label: string, max: number) => v.optional(v.pipe(v.string(`${label}格式不正确`), v.trim(), v.maxLength(max, `${label}不能超过 ${max} 个字`)), '');
const int = (label: string, min: number, max: number) =>
  v.pipe(v.number(`${label}格式不正确`), v.integer(`${label}格式不正确`), v.minValue(min, `${label}格式不正确`), v.maxValue(max, `${label}格式不正确`));
const epochMs = v.pipe(v.number('时间格式不正确'), v.integer('时间格式不正确'), v.minValue(0, '时间格式不正确'));

export const dateField = v.pipe(v.string('请选择日期'), v.check(isDateString, '日期格式不正确'));
export const monthField = v.pipe(v.string('请选择月份'), v.check(isMonthString, '月份格式不正确'));
const fileId = v.pipe(v.string('文件无效，请重新上传'), v.regex(/^(cloud:\/\/[\w.\-/]{1,300}|f_[a-z0-9]{8,40})$/, '文件无效，请重新上传'));

const chapter = v.strictObject(
  {
    title: text('章节标题', L.chapterTitleMax),
    fileId,
    durationSec: v.pipe(
      v.number('章节时长格式不正确'),
      v.integer('章节时长格式不正确'),
      v.minValue(1, '章节时长格式不正确'),
      v.maxValue(L.chapterMaxSec, '每个章节不能超过 6 分钟，请拆分为约 5 分钟的章节'),
    ),
  },
  '章节格式不正确',
);

const block = v.variant(
  'type',
  [
    v.strictObject({ type: v.literal('p'), text: v.pipe(v.string('段落格式不正确'), v.maxLength(L.articleBlockTextMax, `每段不能超过 ${L.articleBlockTextMax} 个字`)) }, '段落格式不正确'),
    v.strictObject({ type: v.literal('h'), text: v.pipe(v.string('小标题格式不正确'), v.trim(), v.maxLength(L.titleMax, `小标题不能超过 ${L.titleMax} 个字`)) }, '小标题格式不正确'),
    v.strictObject({ type: v.literal('img'), fileId }, '图片格式不正确'),
  ],
  '正文格式不正确',
);

const question = v.strictObject(
  {
    /** Sent back by the edit form; ignored (ids are reassigned by position). */
    id: v.optional(v.string()),
    kind: v.picklist(['single', 'multiple'] as const, '请选择题型'),
    prompt: text('题目', L.questionPromptMax),
    options: v.pipe(
      v.array(text('选项', L.optionTextMax), '选项格式不正确'),
      v.minLength(L.optionsMin, `每题至少 ${L.optionsMin} 个选项`),
      v.maxLength(L.optionsMax, `每题最多 ${L.optionsMax} 个选项`),
    ),
    correct: v.pipe(v.array(int('正确答案', 0, L.optionsMax - 1), '请选择正确答案'), v.minLength(1, '请选择正确答案'), v.maxLength(L.optionsMax, '正确答案不正确')),
    explanation: text('解析', L.explanationMax),
  },
  '测试题格式不正确',
);

/** The library form's fields; cross-field rules (durations, answers) are in lesson/library.ts assertLessonContent. */
export const lessonContentEntries = {
  kind: v.picklist(LESSON_KINDS, '请选择课程类型'),
  title: text('标题', L.titleMax),
  summary: optionalText('简介', L.summaryMax),
  tags: v.optional(v.pipe(v.array(text('标签', L.tagMax), '标签格式不正确'), v.maxLength(L.tagsMax, `最多 ${L.tagsMax} 个标签`)), []),
  source: optionalText('来源', L.sourceMax),
  coverFileId: v.optional(v.nullable(fileId), null),
  /** Article: the declared reading time. Video / audio: ignored, the chapters' sum is used. */
  durationSec: v.optional(int('学习时长', 0, L.totalMaxSec), 0),
  chapters: v.optional(v.pipe(v.array(chapter, '章节格式不正确'), v.maxLength(L.chaptersMax, `最多 ${L.chaptersMax} 个章节`)), []),
  body: v.optional(v.pipe(v.array(block, '正文格式不正确'), v.maxLength(L.articleBlocksMax, `正文最多 ${L.articleBlocksMax} 段`)), []),
  questions: v.pipe(
    v.array(question, '请设置测试题'),
    v.minLength(L.questionsMin, `请设置 ${L.questionsMin}–${L.questionsMax} 道测试题`),
    v.maxLength(L.questionsMax, `请设置 ${L.questionsMin}–${L.questionsMax} 道测试题`),
  ),
};

const seconds = v.pipe(v.number('进度格式不正确'), v.finite('进度格式不正确'), v.minValue(0, '进度格式不正确'), v.maxValue(L.totalMaxSec * 4, '进度格式不正确'));
const beatMs = v.pipe(v.number('进度格式不正确'), v.integer('进度格式不正确'), v.minValue(0, '进度格式不正确'), v.maxValue(60 * 60 * 1000, '进度格式不正确'));
const chapterIndex = int('章节', 0, L.chaptersMax - 1);

export const heartbeatSchema = v.union(
  [
    v.strictObject({ chapter: chapterIndex, from: seconds, to: seconds, playedMs: beatMs }),
    v.strictObject({ activeMs: beatMs, position: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1)), atEnd: v.boolean() }),
  ],
  '进度格式不正确',
);

const scope = v.picklist(['central', 'branch'] as const, '请选择课表范围');
/** A branch plan names its branch. */
const branchScoped = <T extends { scope: 'central' | 'branch'; branchId?: string | null }>() =>
  v.check<T, string>((o) => o.scope === 'central' || !!o.branchId, '请选择支部');
const period = v.union([v.literal(7), v.literal(30)], '请选择统计周期（7 天或 30 天）');

export const lessonsInput = {
  /** The home card: today's lesson for my branch with my progress, the catch-up count and this week. */
  today: payload({}),
  /** Opening a lesson to study; `date` is the day it was offered (today's or a catch-up day). */
  get: payload({ lessonId: id, date: v.optional(dateField) }),
  /** A save: heartbeats since the last save and where the member is now. */
  progress: payload({
    lessonId: id,
    beats: v.pipe(v.array(heartbeatSchema, '进度格式不正确'), v.maxLength(L.heartbeatsPerSaveMax, '进度格式不正确')),
    resume: v.optional(v.strictObject({ chapter: chapterIndex, position: seconds, at: epochMs }, '进度格式不正确')),
  }),
  answer: payload({
    lessonId: id,
    answers: v.record(
      v.pipe(v.string(), v.regex(/^q\d{1,2}$/, '题目不存在')),
      v.pipe(v.array(int('答案', 0, L.optionsMax - 1), '答案格式不正确'), v.maxLength(L.optionsMax, '答案格式不正确')),
      '请作答',
    ),
  }),
  catchup: payload({}),
  /** Completed lessons, newest first; `before` is the previous page's last completedAt. */
  history: payload({ before: v.optional(v.nullable(epochMs)), limit: v.optional(int('条数', 1, 100)) }),
  'library.list': payload({
    /** `central`: the committee library; `branch`: one branch's own; `all`: both (what a branch can plan). */
    scope: v.optional(v.picklist(['central', 'branch', 'all'] as const, '请选择课程库'), 'all'),
    branchId: v.optional(v.nullable(id)),
    kind: v.optional(v.picklist(LESSON_KINDS, '请选择课程类型')),
    query: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(L.titleMax, `搜索词不能超过 ${L.titleMax} 个字`))),
    tag: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(L.tagMax))),
    includeArchived: v.optional(v.boolean(), false),
    after: cursor,
    limit: v.optional(int('条数', 1, 100)),
  }),
  'library.get': payload({ lessonId: id }),
  /** `branchId` null: the central library (committee); otherwise the branch's own lesson. */
  'library.create': payload({ branchId: v.nullable(id), ...lessonContentEntries, requestId }),
  'library.update': payload({ lessonId: id, ...lessonContentEntries }),
  'library.archive': payload({ lessonId: id }),
  /** `branchId` null: the central plan; otherwise that branch's resolved calendar. */
  'plan.month': payload({ month: monthField, branchId: v.nullable(id) }),
  /** A lesson, or null: for a branch “no lesson that day”, for the central plan “nothing planned”. */
  'plan.set': v.pipe(payload({ scope, branchId: v.optional(v.nullable(id)), date: dateField, lessonId: v.nullable(id) }), branchScoped()),
  /** Removes a branch's override so the central plan applies again. */
  'plan.clear': payload({ branchId: id, date: dateField }),
  'plan.bulk': v.pipe(
    payload({
      scope,
      branchId: v.optional(v.nullable(id)),
      start: dateField,
      lessonIds: v.pipe(v.array(id, '请选择微党课'), v.minLength(1, '请至少选择一课'), v.maxLength(L.bulkMaxLessons, `一次最多安排 ${L.bulkMaxLessons} 课`)),
      days: v.picklist(['weekdays', 'daily'] as const, '请选择排课方式'),
      overwrite: v.optional(v.boolean(), false),
    }),
    branchScoped(),
  ),
  /** Absent date: today in the branch's time zone. */
  'stats.branchDay': payload({ branchId: id, date: v.optional(dateField) }),
  'stats.branchTrend': payload({ branchId: id, days: period }),
  /** Committee: all branches unless `branchId`; officers: their branch. */
  'stats.lesson': payload({ lessonId: id, branchId: v.optional(v.nullable(id)) }),
  'stats.committee': payload({ days: period }),
  'stats.export': payload({
    report: v.picklist(['branchDay', 'branchTrend', 'committee'] as const, '请选择报表'),
    branchId: v.optional(id),
    date: v.optional(dateField),
    days: v.optional(period, 30),
  }),
  /** Remind the members of the branch who have not completed today's lesson. */
  remind: payload({ branchId: id }),
} as const;

export type LessonsAction = keyof typeof lessonsInput;
export type LessonsInput<A extends LessonsAction> = v.InferInput<(typeof lessonsInput)[A]>;

export type WeekView = WeeklyProgress & { streak: number };

/** The home card: everything the home page needs in one call. */
export interface TodayView {
  date: string;
  releaseAt: number;
  released: boolean;
  /** Whether the branch has a lesson today (known before release, without revealing it). */
  planned: boolean;
  /** Null before release, on a day without a lesson, or for members without a branch. */
  lesson: LessonCard | null;
  source: PlanSource;
  /** The branch marked today “no lesson”. */
  off: boolean;
  progress: ProgressView | null;
  catchUpCount: number;
  week: WeekView;
  /** The in-app reminder: an officer reminded this member about today's lesson (latest), while not completed. */
  reminded: { at: number; byName: string } | null;
}

export type StudyBlock = { type: 'p' | 'h'; text: string } | { type: 'img'; fileId: string; url: string };

export interface LessonStudyView {
  lesson: LessonCard & {
    source: string;
    chapters: Array<{ index: number; title: string; durationSec: number; url: string }>;
    body: StudyBlock[];
    minReadSec: number;
    /** Without correct options or explanations. */
    questions: PublicQuestion[];
  };
  /** The day it was offered, when known. */
  date: string | null;
  progress: ProgressView;
  /** The member's first attempt, re-scored, when they already answered. */
  check: CheckScore | null;
}

export type CheckResultView = CheckScore & { firstAttempt: boolean };

export interface CatchUpItem {
  date: string;
  lesson: LessonCard;
  percent: number;
}

export interface HistoryItem {
  lessonId: string;
  title: string;
  kind: LessonKind;
  completedAt: number;
  completedDate: string;
  checkCorrect: number | null;
  checkTotal: number | null;
}

export type LibraryItem = LessonCard & {
  status: LessonStatus;
  createdByName: string;
  updatedAt: number;
  editMode: 'free' | 'metadata' | 'locked';
};

/** The full lesson for editing (with answers), plus temporary URLs for every file it references. */
export type LessonAdminView = Lesson & {
  editMode: 'free' | 'metadata' | 'locked';
  minReadSec: number;
  /** fileId → temporary URL (cover, chapters, article images). */
  urls: Record<string, string>;
};

export type MonthDayView = ResolvedDay & {
  title: string | null;
  kind: LessonKind | null;
  centralTitle: string | null;
  /** Today or later and the caller may plan it. */
  editable: boolean;
};

export interface LessonReminderView {
  branchId: string;
  date: string;
  at: number;
  total: number;
  wechat: number;
  inAppOnly: number;
  /** Not done but never bound WeChat: nothing can reach them, so they are not counted as reminded. */
  unbound: number;
  /** Set when quiet hours held the reminder back until then (nothing sent yet). */
  deferredUntil: number | null;
  /** Per channel, failures and who was not reached (issue 11). */
  reach: ReachReportView | null;
}

export type BranchDayView = BranchDayStats & {
  lessonTitle: string | null;
  released: boolean;
  /** When “remind” may be used next; null = now. */
  remindAvailableAt: number | null;
};

export interface LessonsOutput {
  today: TodayView;
  get: LessonStudyView;
  progress: { progress: ProgressView; accepted: number; rejected: number; justCompleted: boolean; week: WeekView | null };
  answer: CheckResultView;
  catchup: { items: CatchUpItem[] };
  history: { items: HistoryItem[]; next: number | null; week: WeekView };
  'library.list': { items: LibraryItem[]; next: string | null };
  'library.get': LessonAdminView;
  'library.create': LessonAdminView;
  'library.update': LessonAdminView;
  'library.archive': LibraryItem;
  'plan.month': { month: string; branchId: string | null; today: string; days: MonthDayView[] };
  'plan.set': MonthDayView;
  'plan.clear': MonthDayView;
  'plan.bulk': BulkPlanResult;
  'stats.branchDay': BranchDayView;
  'stats.branchTrend': { branchId: string; days: Array<DailyRate & { title: string | null }>; summary: RateSummary };
  'stats.lesson': LessonStats & { title: string; branchId: string | null };
  'stats.committee': CommitteeMatrix;
  'stats.export': { fileName: string; base64: string };
  remind: LessonReminderView;
}

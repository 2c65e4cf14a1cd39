/**
 * Micro-lesson documents as stored (type aliases, so they are assignable to the storage Doc type).
 * Times are epoch ms; calendar dates are `YYYY-MM-DD` strings read in the branch's time zone.
 */

export const LESSON_KINDS = ['video', 'audio', 'article'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];
export const LESSON_KIND_LABELS: Record<LessonKind, string> = { video: '视频', audio: '音频', article: '图文' };

export type LessonStatus = 'active' | 'archived';

/** Article body: rendered as text and images, never as HTML. */
export type ArticleBlock = { type: 'p'; text: string } | { type: 'h'; text: string } | { type: 'img'; fileId: string };

/** One part of a video or audio lesson, about 5 minutes, at most 6. */
export type Chapter = {
  title: string;
  /** CloudBase fileID (cloud://…) or the local host's file id of the media file. */
  fileId: string;
  durationSec: number;
};

export type QuestionKind = 'single' | 'multiple';
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选题', multiple: '多选题' };

export type CheckQuestion = {
  /** `q1`, `q2`, … by position; stable because questions lock once anyone has started. */
  id: string;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  /** Indexes into `options`, ascending: exactly one for single choice, two or more for multiple. */
  correct: number[];
  explanation: string;
};

/** What the library form edits: everything but identity, ownership and lifecycle. */
export type LessonContent = {
  kind: LessonKind;
  title: string;
  summary: string;
  tags: string[];
  source: string;
  coverFileId: string | null;
  /** Article: the declared reading time. Video / audio: ignored (the sum of the chapters). */
  durationSec: number;
  /** Video / audio: one or more chapters. Article: empty. */
  chapters: Chapter[];
  /** Article: the rich text. Video / audio: empty. */
  body: ArticleBlock[];
  questions: CheckQuestion[];
};

/** Content as the form sends it: question ids may be missing (they are assigned by position). */
export type LessonContentInput = Omit<LessonContent, 'questions'> & { questions: Array<Omit<CheckQuestion, 'id'> & { id?: string }> };

export type Lesson = LessonContent & {
  _id: string;
  /** Null: the committee's central library, usable by every branch. Otherwise the branch's own lesson. */
  branchId: string | null;
  status: LessonStatus;
  /** Set when the first member starts it; from then on media, body and questions are locked. */
  startedAt: number | null;
  createdBy: string;
  createdByName: string;
  createdAt: number;
  updatedAt: number;
  archivedAt: number | null;
};

/** The central plan (committee, for every branch) or one branch's override of a day. */
export type PlanScope = 'central' | 'branch';

export type PlanEntry = {
  /** From `planEntryId`: one entry per scope, branch and date. */
  _id: string;
  scope: PlanScope;
  /** Null for the central plan. */
  branchId: string | null;
  date: string;
  /** Null in a branch override: “no lesson that day”. The central plan stores no null entries. */
  lessonId: string | null;
  setBy: string;
  setAt: number;
};

/** Where a branch's lesson for a day comes from. */
export type PlanSource = 'branch' | 'central' | 'none';

/**
 * A branch's day, released once by the scheduler under the key `release:${branchId}:${date}`: the
 * lesson and the members expected to study it are frozen, so later plan or roster changes do not
 * rewrite history.
 */
export type LessonRelease = {
  _id: string;
  branchId: string;
  date: string;
  lessonId: string | null;
  source: PlanSource;
  /** The instant the day opened (date + the branch's release time in its time zone). */
  releaseAt: number;
  /** When the scheduler actually ran; later than releaseAt when the timer fired late. */
  releasedAt: number;
  memberIds: string[];
};

/** Covered media seconds `[from, to)`, merged and ascending. */
export type Interval = [number, number];

export type ChapterProgress = {
  /** The furthest point reached by playing (never by seeking), seconds. */
  position: number;
  covered: Interval[];
};

/** Where to resume: the most recent position the member was at, on any device. */
export type ResumePoint = {
  chapter: number;
  /** Seconds into the chapter (video / audio) or the scroll fraction 0–1 (article). */
  position: number;
  /** The client's time of that position (clamped to the server's now). Latest wins. */
  at: number;
};

export type CheckRecord = {
  /** questionId → chosen option indexes (ascending). */
  answers: Record<string, number[]>;
  /** questionId → answered correctly. */
  correct: Record<string, boolean>;
  correctCount: number;
  total: number;
  at: number;
};

export type LessonProgress = {
  /** `${lessonId}:${memberId}`. */
  _id: string;
  lessonId: string;
  memberId: string;
  /** The member's branch when they started; stats read branch membership from the roster or the release. */
  branchId: string | null;
  kind: LessonKind;
  /** Video / audio: one entry per chapter. Article: empty. */
  chapters: ChapterProgress[];
  /** Article: accepted active reading seconds. */
  readSec: number;
  /** Article: the furthest scroll fraction reached, 0–1. */
  readPosition: number;
  /** Article: the reader reached the end. */
  reachedEnd: boolean;
  /** Real seconds accepted so far (played or read); bounded by the wall time since openedAt. */
  playedSec: number;
  /** Video / audio: media seconds covered by merged intervals. */
  coveredSec: number;
  percent: number;
  resume: ResumePoint | null;
  completedAt: number | null;
  /** The calendar day (branch time zone) the member completed it: the day that counts for the streak. */
  completedDate: string | null;
  /** The first submitted check (stats use first attempts). */
  check: CheckRecord | null;
  openedAt: number;
  updatedAt: number;
};

export const progressId = (lessonId: string, memberId: string): string => `${lessonId}:${memberId}`;

/** One “提醒未学” batch: who was reminded of a branch's day, and how. */
export type LessonReminder = {
  _id: string;
  branchId: string;
  date: string;
  lessonId: string;
  by: string;
  byName: string;
  at: number;
  total: number;
  wechat: number;
  inAppOnly: number;
};

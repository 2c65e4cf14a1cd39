/** Micro-lesson limits, shared by the library form, the player and the functions. */
export const LESSON_LIMITS = {
  titleMax: 40,
  summaryMax: 200,
  sourceMax: 60,
  tagsMax: 5,
  tagMax: 10,
  /** A lesson is at most 15 minutes in total… */
  totalMaxSec: 15 * 60,
  /** …and longer material is split into chapters of about 5 minutes, none over 6. */
  chapterMaxSec: 6 * 60,
  chapterSuggestedSec: 5 * 60,
  chaptersMax: 6,
  chapterTitleMax: 40,
  /** An article declares how long it takes; at least a minute. */
  articleMinSec: 60,
  articleBlocksMax: 200,
  articleBlockTextMax: 2000,
  articleImagesMax: 20,
  /** Reading speed for the minimum reading time (Chinese characters per minute). */
  readingCharsPerMinute: 300,
  minReadingSec: 60,
  questionsMin: 2,
  questionsMax: 3,
  optionsMin: 2,
  optionsMax: 6,
  questionPromptMax: 100,
  optionTextMax: 50,
  explanationMax: 200,
  /** Completion: at least this share of the duration actually played (video / audio). */
  completionRatio: 0.9,
  /** A heartbeat segment may cover at most this many media seconds per played second (2x speed + slack). */
  maxSpeedRatio: 2.1,
  /** Article: a reading heartbeat counts at most this many active seconds. */
  readBeatMaxSec: 30,
  /** Played / read time accepted may not exceed the wall time since the lesson was opened plus this slack. */
  playBudgetSlackSec: 60,
  heartbeatsPerSaveMax: 120,
  /**
   * The client saves at most once per this interval while playing or reading, and always on pause,
   * at a chapter's or the lesson's end and on leaving: a 15-minute lesson is about 17 calls, not 90.
   */
  saveIntervalMs: 60 * 1000,
  /** Daily release default, read in the branch's time zone. */
  defaultReleaseTime: '07:00',
  defaultTimeZone: 'Asia/Shanghai',
  /** Late timers still release everything due within this window. */
  releaseLookbackDays: 7,
  /** Catch-up offers the released lessons of this many days before today. */
  catchUpDays: 7,
  /** Plans reach at most this far ahead. */
  planMaxDaysAhead: 366,
  bulkMaxLessons: 92,
  /** Bulk planning looks at most this many days past the start for free dates. */
  bulkMaxSpanDays: 366,
  /** Streak: days studied per Monday-based week. */
  weeklyTargetDefault: 5,
  remindCooldownMs: 30 * 60 * 1000,
  libraryPage: 50,
  historyPage: 30,
  media: {
    video: { types: ['video/mp4'], maxBytes: 200 * 1024 * 1024 },
    audio: { types: ['audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/x-m4a'], maxBytes: 30 * 1024 * 1024 },
    image: { types: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'], maxBytes: 2 * 1024 * 1024 },
  },
} as const;

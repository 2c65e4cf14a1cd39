import { AUDIO_TEXTS } from './lesson-texts-audio';
import { CARE_TEXTS } from './lesson-texts-care';
import { ORG_TEXTS } from './lesson-texts-org';
import { SERVICE_TEXTS } from './lesson-texts-service';
import type { DemoLessonText } from './lesson-text-kit';

export type { DemoArticleText, DemoAudioText, DemoLessonText, DemoQuestion } from './lesson-text-kit';

const [o, c, s, a] = [ORG_TEXTS, CARE_TEXTS, SERVICE_TEXTS, AUDIO_TEXTS];

/**
 * Every demo lesson (22: 19 articles, 3 audio), in plan order: the central plan puts the first on
 * today (or the next weekday) and cycles on from there, so a fresh demo opens on “用好微支部”, has an
 * audio lesson the next weekday, and mixes organisational life, ethics and service topics.
 */
export const DEMO_LESSON_TEXTS: readonly DemoLessonText[] = [
  o[0], a[0], o[1], c[0], o[2], c[1], s[0], a[1], o[3], c[2], s[1],
  o[4], c[3], s[2], a[2], o[5], c[4], s[3], o[6], c[5], s[4], o[7],
];

/** All parts, for checking that the plan order above leaves none out. */
export const DEMO_LESSON_PARTS: ReadonlyArray<readonly DemoLessonText[]> = [ORG_TEXTS, CARE_TEXTS, SERVICE_TEXTS, AUDIO_TEXTS];

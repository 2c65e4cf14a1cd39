import { releaseTime, REACH_TIME_ZONE } from './quiet-hours';
import type { ReachSettings } from './types';

const HOUR_MS = 60 * 60 * 1000;

export interface PlannedRound {
  n: 1 | 2;
  /** When the round may be sent; later than asked for when quiet hours held it back. */
  dueAt: number;
  /** True when quiet hours moved it. */
  deferred: boolean;
}

/**
 * The rounds of one reminder. Round 1 goes now (or when quiet hours end, unless urgent); round 2, when
 * the committee turned it on, N hours after round 1 actually goes, itself held back by quiet hours.
 * Sources that never escalate (chat mentions) pass `escalate: false`.
 */
export function planRounds(
  now: number,
  urgent: boolean,
  settings: Pick<ReachSettings, 'quietStart' | 'quietEnd' | 'secondRoundAfterHours'>,
  escalate = true,
  tz = REACH_TIME_ZONE,
): PlannedRound[] {
  const first = releaseTime(now, urgent, settings, tz);
  const rounds: PlannedRound[] = [{ n: 1, dueAt: first, deferred: first !== now }];
  const hours = settings.secondRoundAfterHours;
  if (escalate && hours !== null && hours > 0) {
    const asked = first + hours * HOUR_MS;
    const second = releaseTime(asked, urgent, settings, tz);
    rounds.push({ n: 2, dueAt: second, deferred: second !== asked });
  }
  return rounds;
}

import type { FailureCount, UnreachedMember } from '../reach/report';
import type { ChannelName } from '../reach/types';

/**
 * The reach report of one reminder (issue 11), shared by the notices and lessons functions and the
 * officer pages: per round, how many each channel reached, the failures by reason (Chinese labels) and,
 * by name, who nothing but the in-app mark reached, so the secretary can call them.
 */
export interface ReachRoundView {
  n: number;
  /** When it went or will go (the end of quiet hours for a deferred round). */
  dueAt: number;
  deferred: boolean;
  status: 'pending' | 'sending' | 'sent';
  sentAt: number | null;
  total: number;
  reached: Record<ChannelName, number>;
  failures: FailureCount[];
  unreached: UnreachedMember[];
}

export interface ReachReportView {
  reminderId: string;
  at: number;
  urgent: boolean;
  rounds: ReachRoundView[];
}

/** Per-branch reach of a hospital-wide reminder, for the committee's roll-up. */
export interface BranchReach {
  /** Reached by WeChat, WeCom or SMS in any round. */
  reached: number;
  /** Reminded but reached only in-app. */
  unreached: number;
}

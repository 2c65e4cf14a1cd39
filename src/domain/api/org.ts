import * as v from 'valibot';
import type { Branch, Member, MemberMove, PartyGroup, Role } from '../org/types';
import type { DeliveryOutcome, ExternalChannel, ReachSettings } from '../reach/types';
import { reachSettingsInput, WECOM_USER_ID } from '../reach/settings';
import type { ChatBadge } from './chat';
import type { MeetingsOutput } from './meetings';
import { cursor, employeeNo, id, payload, requestId, shortName } from './common';
import type { TodayView } from './lessons';
import type { InboxView } from './notices';

/** The `org` function: organisation, identity binding, roster import, invites. */

const branchRole = v.picklist(['secretary', 'branch_committee'] as const, '角色不正确');

export const orgInput = {
  me: payload({}),
  /** The home page in one call; `me: false` when the app already knows who the caller is. */
  home: payload({ me: v.optional(v.boolean(), true) }),
  'bind.invite': payload({ code: v.pipe(v.string('请填写邀请码'), v.trim(), v.minLength(4, '请填写邀请码'), v.maxLength(20, '邀请码不正确')), name: shortName('姓名'), employeeNo }),
  'bind.roster': payload({ name: shortName('姓名'), employeeNo }),
  'branches.list': payload({ includeArchived: v.optional(v.boolean()) }),
  'branch.get': payload({ branchId: id }),
  'branch.create': payload({ name: shortName('支部名称'), department: shortName('科室'), requestId }),
  'branch.rename': payload({ branchId: id, name: shortName('支部名称') }),
  'branch.archive': payload({ branchId: id }),
  'branch.assignRole': payload({ branchId: id, memberId: id, role: branchRole }),
  'group.create': payload({ branchId: id, name: shortName('党小组名称'), requestId }),
  'group.rename': payload({ groupId: id, name: shortName('党小组名称') }),
  'group.archive': payload({ groupId: id }),
  'members.list': payload({ branchId: id, after: cursor, limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))) }),
  'member.move': payload({ memberId: id, toBranchId: id, toGroupId: v.optional(v.nullable(id)), reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, '原因不能超过 100 个字'))) }),
  'member.setGroup': payload({ memberId: id, groupId: v.nullable(id) }),
  'member.history': payload({ memberId: id }),
  'invites.list': payload({ branchId: id }),
  'invites.create': payload({ branchId: id, days: v.pipe(v.number('请选择有效期'), v.integer(), v.minValue(1, '有效期至少 1 天'), v.maxValue(30, '有效期最长 30 天')), requestId }),
  'invites.revoke': payload({ code: v.pipe(v.string(), v.minLength(4), v.maxLength(20)) }),
  'invites.qr': payload({ code: v.pipe(v.string('请选择邀请码'), v.minLength(4, '邀请码不正确'), v.maxLength(20, '邀请码不正确')) }),
  'roster.validate': payload({
    fileName: v.pipe(v.string('请选择文件'), v.regex(/\.(xlsx|csv)$/i, '仅支持 xlsx 或 csv 文件'), v.maxLength(200)),
    // base64 of at most 2 MB of file: 4/3 expansion plus padding.
    contentBase64: v.pipe(v.string('请选择文件'), v.minLength(1, '文件为空'), v.maxLength(Math.ceil((2 * 1024 * 1024 * 4) / 3) + 4, '文件过大（上限 2 MB）')),
  }),
  'roster.apply': payload({ jobId: id }),
  'roster.job': payload({ jobId: id }),
  'roster.template': payload({}),
  /** 企业微信账号 on the member page; null clears it (the next WeCom reminder looks the mobile up again). */
  'member.setWecom': payload({
    memberId: id,
    wecomUserId: v.nullable(v.pipe(v.string('请填写企业微信账号'), v.trim(), v.regex(WECOM_USER_ID, '企业微信账号格式不正确（1–64 位字母、数字或 _ - . @）'))),
  }),
  // Reminder channels (issue 11): the committee admin's settings, a test send to oneself, and each member's own reach.
  'reach.settings': payload({}),
  'reach.saveSettings': reachSettingsInput,
  'reach.testSend': payload({ channel: v.picklist(['wechat', 'wecom', 'sms'] as const, '请选择提醒通道'), requestId }),
  'reach.mine': payload({}),
} as const;

export type OrgAction = keyof typeof orgInput;
export type OrgInput<A extends OrgAction> = v.InferInput<(typeof orgInput)[A]>;

export interface MemberView {
  _id: string;
  name: string;
  employeeNo: string;
  department: string;
  branchId: string | null;
  partyGroupId: string | null;
  role: Role;
  phone: string | null;
  /** 企业微信账号: from the roster, the member page, or resolved from the mobile by a WeCom reminder (the org function always sets it). */
  wecomUserId?: string | null;
  bound: boolean;
  status: Member['status'];
}

export interface BranchSummary {
  _id: string;
  name: string;
  department: string;
  status: Branch['status'];
  releaseTime: string;
  memberCount: number;
  boundCount: number;
  secretary: { _id: string; name: string } | null;
  committeeMember: { _id: string; name: string } | null;
  groups: Array<Pick<PartyGroup, '_id' | 'name' | 'status'> & { memberCount: number }>;
}

export type MeView =
  | { bound: false; demo: boolean }
  | {
      bound: true;
      demo: boolean;
      member: MemberView;
      branch: Pick<Branch, '_id' | 'name' | 'department' | 'releaseTime'> | null;
      group: Pick<PartyGroup, '_id' | 'name'> | null;
      committeeName: string;
    };

/** org `home`: what the home page shows, in one call (cloudfunctions/org/src/home.ts). */
export interface HomeView {
  /** Null when the call asked without `me` and the caller is bound. */
  me: MeView | null;
  /** Today's lesson card; null without a branch (committee office) or when not bound. */
  today: TodayView | null;
  /** The notices list (`notices.inbox`): the home's unread line and badge, and the 通知 tab's first screen. */
  inbox: InboxView;
  /** The 支部 tab's chat badge; null when not bound. */
  chat: ChatBadge | null;
  /** The member's next meeting and make-ups due (from `meetings.mine`); null without a branch or when not bound. */
  meetings: Pick<MeetingsOutput['mine'], 'next' | 'makeups'> | null;
}

export interface InviteView {
  code: string;
  branchId: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  uses: number;
  state: 'active' | 'expired' | 'revoked';
  createdByName: string;
}

export interface RosterRowError {
  row: number;
  field: string | null;
  column: string | null;
  message: string;
}

export type RosterValidation =
  | { valid: true; jobId: string; total: number; creates: number; updates: number; moves: number }
  | { valid: false; headerError: string | null; errors: RosterRowError[]; total: number };

export interface RosterJobView {
  jobId: string;
  status: 'ready' | 'applying' | 'done';
  total: number;
  applied: number;
  creates: number;
  updates: number;
  moves: number;
}

/** One channel as the settings page shows it: configured or not, and a masked description (never a secret). */
export interface ChannelStatusView {
  name: ExternalChannel;
  configured: boolean;
  detail: string;
}

export interface ReachSettingsView {
  channels: ChannelStatusView[];
  settings: Pick<ReachSettings, 'smsMonthlyCap' | 'quietStart' | 'quietEnd' | 'secondRoundAfterHours' | 'updatedAt'>;
  /** This Asia/Shanghai month's SMS usage against the cap. */
  sms: { month: string; cap: number; used: number; left: number };
}

/** How reminders reach one member, for 我的. */
export interface MyReachView {
  /** WeChat subscribe-message reminders the member can still receive. */
  wechatCredits: number;
  wecom: 'not_configured' | 'linked' | 'by_mobile' | 'none';
  sms: 'not_configured' | 'urgent_only' | 'no_mobile';
}

export interface OrgOutput {
  me: MeView;
  home: HomeView;
  'bind.invite': MeView;
  'bind.roster': MeView;
  'branches.list': { committeeName: string; branches: BranchSummary[] };
  'branch.get': BranchSummary;
  'branch.create': BranchSummary;
  'branch.rename': BranchSummary;
  'branch.archive': BranchSummary;
  'branch.assignRole': BranchSummary;
  'group.create': BranchSummary;
  'group.rename': BranchSummary;
  'group.archive': BranchSummary;
  'members.list': { members: MemberView[]; next: string | null };
  'member.move': MemberView;
  'member.setGroup': MemberView;
  'member.history': { member: MemberView; moves: Array<MemberMove & { fromBranchName: string | null; toBranchName: string | null }> };
  /** `joined`: members of the branch who bound in the last RECENT_JOIN_DAYS days, newest first. */
  'invites.list': { invites: InviteView[]; joined: Array<{ memberId: string; name: string; boundAt: number }> };
  /** The mini program code that opens the bind page with this invite (image, base64). */
  'invites.qr': { contentType: string; base64: string };
  'invites.create': InviteView;
  'invites.revoke': InviteView;
  'roster.validate': RosterValidation;
  'roster.apply': RosterJobView;
  'roster.job': RosterJobView;
  /** An xlsx to fill in: the columns the import reads and one example row. */
  'roster.template': { fileName: string; base64: string };
  'member.setWecom': MemberView;
  'reach.settings': ReachSettingsView;
  'reach.saveSettings': ReachSettingsView;
  /** `outcome` null: the same request is already being sent (a double tap); nothing was sent twice. */
  'reach.testSend': { channel: ExternalChannel; outcome: DeliveryOutcome | null };
  'reach.mine': MyReachView;
}

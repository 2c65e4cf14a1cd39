import { orgInput } from '../../../src/domain/api/org';
import { defineFunction } from '../../_runtime/handler';
import { bindByInvite, bindByRoster } from './bind';
import { archiveBranch, assignBranchRole, createBranch, getBranch, listBranches, renameBranch } from './branches';
import { archiveGroup, createGroup, renameGroup } from './groups';
import { createInvite, inviteQrCode, listInvites, revokeInvite } from './invites';
import { home } from './home';
import { me } from './me';
import { myReach, reachSettings, reachTestSend, saveReachSettings, setMemberWecom } from './reach';
import { listMembers, memberHistory, moveMember, setMemberGroup } from './members';
import { applyRoster, rosterJob, validateRosterFile } from './roster';
import { rosterTemplate } from './roster-template';

/** The `org` function: organisation, identity binding, roster import and invites. */
export const orgFunction = defineFunction('org', orgInput, {
  me,
  home,
  'bind.invite': bindByInvite,
  'bind.roster': bindByRoster,
  'branches.list': listBranches,
  'branch.get': getBranch,
  'branch.create': createBranch,
  'branch.rename': renameBranch,
  'branch.archive': archiveBranch,
  'branch.assignRole': assignBranchRole,
  'group.create': createGroup,
  'group.rename': renameGroup,
  'group.archive': archiveGroup,
  'members.list': listMembers,
  'member.move': moveMember,
  'member.setGroup': setMemberGroup,
  'member.history': memberHistory,
  'invites.list': listInvites,
  'invites.create': createInvite,
  'invites.revoke': revokeInvite,
  'invites.qr': inviteQrCode,
  'roster.validate': validateRosterFile,
  'roster.apply': applyRoster,
  'roster.job': rosterJob,
  'roster.template': rosterTemplate,
  'member.setWecom': setMemberWecom,
  'reach.settings': reachSettings,
  'reach.saveSettings': saveReachSettings,
  'reach.testSend': reachTestSend,
  'reach.mine': myReach,
});


/** Organisation limits, shared by client validation and functions. */
export const ORG_LIMITS = {
  branchMaxMembers: 50,
  nameMaxLength: 30,
  employeeNoPattern: /^[A-Za-z0-9-]{2,20}$/,
  phonePattern: /^1\d{10}$/,
  inviteCodeLength: 8,
  inviteMinDays: 1,
  inviteMaxDays: 30,
  rosterMaxBytes: 2 * 1024 * 1024,
  rosterMaxRows: 5000,
  rosterApplyBatch: 100,
} as const;

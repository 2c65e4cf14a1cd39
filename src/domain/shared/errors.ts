/**
 * Every error a user can meet has a stable code (for code and tests) and a Chinese message (for the UI).
 * Codes are grouped by area; the message is what the UI shows verbatim.
 */
export const ERROR_MESSAGES = {
  // generic
  BAD_REQUEST: '请求格式不正确',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  NOT_BOUND: '请先绑定身份',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '内容不存在或已删除',
  CONFLICT: '数据已被修改，请刷新后重试',
  INTERNAL: '服务暂时不可用，请稍后再试',
  NETWORK: '网络不稳定，请稍后重试',
  // organisation
  BRANCH_NAME_TAKEN: '已有同名支部',
  BRANCH_ARCHIVED: '该支部已归档',
  BRANCH_FULL: '支部人数已达上限（50 人）',
  GROUP_NAME_TAKEN: '本支部已有同名党小组',
  GROUP_NOT_IN_BRANCH: '党小组不属于该支部',
  MEMBER_NOT_IN_BRANCH: '该党员不在此支部',
  SAME_BRANCH: '党员已在该支部',
  // binding
  ALREADY_BOUND: '当前微信已绑定身份，无需重复绑定',
  MEMBER_ALREADY_BOUND: '该党员身份已被其他微信绑定，请联系支部书记',
  INVITE_INVALID: '邀请码不正确',
  INVITE_EXPIRED: '邀请码已过期，请向支部书记索取新的邀请码',
  INVITE_REVOKED: '邀请码已被撤销，请向支部书记索取新的邀请码',
  ROSTER_NO_MATCH: '花名册中未找到该姓名与工号，请核对或联系支部书记',
  // roster import
  ROSTER_FILE_TOO_LARGE: '文件过大（上限 2 MB）',
  ROSTER_FILE_UNREADABLE: '无法读取文件，请上传 xlsx 或 csv',
  ROSTER_TOO_MANY_ROWS: '一次最多导入 5000 行',
  ROSTER_EMPTY: '文件中没有数据行',
  ROSTER_MISSING_COLUMNS: '缺少必填列',
  ROSTER_INVALID: '花名册有错误，未导入任何数据',
  IMPORT_JOB_NOT_FOUND: '导入任务不存在或已过期',
  // local demo
  DEMO_ONLY: '仅演示模式可用',
  // files & content
  FILE_TOO_LARGE: '图片不能超过 2 MB',
  FILE_TYPE: '仅支持 jpg、png、webp、gif 图片',
  CONTENT_FLAGGED: '内容未通过安全检测，请修改后重试',
  // lessons
  LESSON_CONTENT_INVALID: '微党课内容不完整',
  LESSON_TOO_LONG: '微党课总时长不能超过 15 分钟',
  LESSON_CHAPTER_TOO_LONG: '每个章节不能超过 6 分钟，请拆分为约 5 分钟的章节',
  LESSON_QUESTIONS_INVALID: '测试题设置有误',
  LESSON_ARCHIVED: '该微党课已归档',
  LESSON_LOCKED: '已有党员开始学习，只能修改标题、简介、标签、来源和封面',
  LESSON_IN_PLAN: '该微党课已排入今后的课表，请先调整课表',
  LESSON_NOT_AVAILABLE: '该微党课不在你的学习范围内',
  LESSON_NOT_RELEASED: '该微党课尚未开放',
  LESSON_ANSWERS_INCOMPLETE: '请回答全部题目',
  LESSON_NOT_COMPLETED: '学完本课后才能答题',
  PLAN_DATE_PAST: '不能修改已过去日期的课表',
  PLAN_DATE_TOO_FAR: '课表最多提前一年安排',
  // chat
  CHAT_EMPTY: '请输入消息内容',
  CHAT_PRIVACY_CONFIRM: '可能包含患者隐私，确认发送？',
  CHAT_RATE_LIMITED: '发送太频繁，请稍后再试（每分钟最多 20 条）',
  CHAT_RECALL_EXPIRED: '已超过 2 分钟，无法撤回',
  CHAT_MESSAGE_GONE: '该消息已撤回或已被移除',
  CHAT_MENTION_ALL_FORBIDDEN: '只有支部书记和支委可以 @全体成员',
  CHAT_CLIENT_ID_CONFLICT: '消息编号冲突，请重新发送',
  CHAT_NO_BRANCH: '你还没有加入支部，暂无支部交流',
  // meetings
  CHECKIN_INVALID: '签到码无效',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Thrown by domain and handlers; the envelope turns it into `{ ok: false, code, message }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

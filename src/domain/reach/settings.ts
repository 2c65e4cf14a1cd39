import * as v from 'valibot';

/**
 * The committee admin's reach settings form: one schema for the page and the `org` function, with
 * Chinese messages that name the field.
 */
export const SMS_CAP_MAX = 100_000;
export const SECOND_ROUND_MAX_HOURS = 72;

const clock = (label: string) => v.pipe(v.string(`请填写${label}`), v.trim(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}格式应为 HH:mm，如 22:00`));

export const reachSettingsInput = v.pipe(
  v.strictObject({
    smsMonthlyCap: v.pipe(
      v.number('请填写短信每月上限'),
      v.integer('短信每月上限须为整数'),
      v.minValue(0, '短信每月上限不能小于 0'),
      v.maxValue(SMS_CAP_MAX, `短信每月上限不能超过 ${SMS_CAP_MAX}`),
    ),
    quietStart: clock('免打扰开始时间'),
    quietEnd: clock('免打扰结束时间'),
    secondRoundAfterHours: v.nullable(
      v.pipe(
        v.number('请填写第二轮提醒间隔'),
        v.integer('第二轮提醒间隔须为整数小时'),
        v.minValue(1, '第二轮提醒间隔至少 1 小时'),
        v.maxValue(SECOND_ROUND_MAX_HOURS, `第二轮提醒间隔不能超过 ${SECOND_ROUND_MAX_HOURS} 小时`),
      ),
    ),
  }),
  v.check((s) => s.quietStart !== s.quietEnd, '免打扰开始时间与结束时间不能相同'),
);

export type ReachSettingsInput = v.InferOutput<typeof reachSettingsInput>;

/** A WeCom account (userid): 1–64 letters, digits and `_ - . @`, as WeCom allows. */
export const WECOM_USER_ID = /^[A-Za-z0-9_.@-]{1,64}$/;

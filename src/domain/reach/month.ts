/** Asia/Shanghai is UTC+8 all year (no daylight saving), so its calendar month is plain arithmetic. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** `YYYY-MM` of `at` in Asia/Shanghai: the SMS budget's month. */
export const shanghaiMonth = (at: number): string => new Date(at + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);

import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The function clock runs in UTC; people read times in Asia/Shanghai. */
export const formatShanghai = (epochMs: number, pattern = 'YYYY-MM-DD HH:mm'): string => dayjs(epochMs).tz('Asia/Shanghai').format(pattern);

import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The function clock runs in UTC; people read times in their branch's zone (Asia/Shanghai by default). */
export const formatInZone = (epochMs: number, tz: string, pattern = 'YYYY-MM-DD HH:mm'): string => dayjs(epochMs).tz(tz).format(pattern);

import { useAsync } from '../../hooks/use-async';
import { useOnReturn } from '../../hooks/use-page-visibility';
import { meetingsApi } from '../../platform/api';
import { formatShortDateTime } from '../../utils/format-time';
import { ROUTES } from '../../utils/routes';
import { EntryRow } from './entry-row';

/** 三会一课 on the 支部 tab: the next meeting in one line and a mark when a make-up is due. */
export function MeetingsEntry() {
  const mine = useAsync(() => meetingsApi('mine', {}), []);
  useOnReturn(() => void mine.reload());
  const d = mine.data;
  const desc = d?.next ? `${formatShortDateTime(d.next.startAt)} ${d.next.typeLabel}：${d.next.topic}` : '会议通知、请假、签到与补学';
  return (
    <EntryRow
      className="meetings-entry"
      glyph="会"
      iconClassName="meetings-entry__bubble"
      title="三会一课"
      desc={desc}
      descClassName="meetings-entry-next"
      mention={d && d.makeups.length > 0 ? { text: `待补学 ${d.makeups.length}`, className: 'meetings-entry-makeup' } : null}
      url={ROUTES.meetings}
    />
  );
}

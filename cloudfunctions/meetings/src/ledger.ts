import type { LedgerRow, MeetingsOutput, MeetingsParsed } from '../../../src/domain/api/meetings';
import { countAttendance, outcomeOf } from '../../../src/domain/meeting/attendance';
import { requiredInYear } from '../../../src/domain/meeting/due';
import { formatShanghaiDateTime, yearBounds } from '../../../src/domain/meeting/period';
import { MEETING_TYPE_LABELS, MEETING_TYPES, type Attendance, type Meeting, type Minutes } from '../../../src/domain/meeting/types';
import type { FunctionContext } from '../../_runtime/context';
import { requireActor } from '../../_runtime/actor';
import type { SheetRows } from '../../_runtime/spreadsheet/escape-cell';
import { xlsxBase64 } from '../../_runtime/spreadsheet/xlsx-write';
import { requireBranchRecords } from './access';
import { branchMeetings } from './cadence';
import { branchName, loadCadence, minutesOf, rowsOfMany } from './store';

/** One ledger row: a held meeting with this branch's attendance (a hospital-wide one counts the branch's attendees only). */
function ledgerRow(meeting: Meeting, rows: Attendance[], minutes: Minutes | null, now: number): LedgerRow {
  const alive = rows.filter((r) => !r.removed);
  const named = (...o: string[]) => alive.filter((r) => o.includes(outcomeOf(r, meeting, now))).map((r) => r.memberName);
  const published = minutes?.status === 'published' ? minutes : null;
  return {
    meetingId: meeting._id,
    type: meeting.type,
    typeLabel: MEETING_TYPE_LABELS[meeting.type],
    topic: meeting.topic,
    startAt: meeting.startAt,
    place: meeting.place || meeting.onlineLink,
    organizerName: meeting.organizerName,
    counts: countAttendance(alive, meeting, now),
    present: named('present', 'late'),
    leave: named('leave'),
    absent: named('absent'),
    madeUp: alive.filter((r) => r.makeupAt !== null).map((r) => r.memberName),
    minutesStatus: meeting.minutesStatus,
    recorderName: minutes?.recorderName ?? null,
    minutesContent: published?.content ?? '',
    resolutions: published?.resolutions ?? '',
  };
}

/** The 台账: every meeting held (started, not cancelled) in the year, oldest first, with attendance and minutes. */
export async function ledger(input: MeetingsParsed<'ledger'>, ctx: FunctionContext): Promise<MeetingsOutput['ledger']> {
  const { actor } = await requireActor(ctx);
  const branchId = requireBranchRecords(actor, input.branchId);
  const now = ctx.now();
  const { start, end } = yearBounds(input.year);
  const held = (await branchMeetings(ctx, branchId, start, Math.min(end, now + 1))).filter((m) => m.status === 'scheduled' && m.startAt <= now).sort((a, b) => a.startAt - b.startAt);
  const rows = await rowsOfMany(ctx, held.map((m) => m._id));
  const minutes = new Map<string, Minutes>();
  const withMinutes = held.filter((m) => m.minutesStatus !== 'none').map((m) => m._id);
  for (let i = 0; i < withMinutes.length; i += 100) {
    for (const doc of await minutesOf(ctx).find({ _id: { $in: withMinutes.slice(i, i + 100) } }, { limit: 1000 })) minutes.set(doc._id, doc);
  }
  const { table } = await loadCadence(ctx);
  const ledgerRows = held.map((m) => ledgerRow(m, (rows.get(m._id) ?? []).filter((r) => m.branchId !== null || r.branchId === branchId), minutes.get(m._id) ?? null, now));
  return {
    branchId,
    branchName: await branchName(ctx, branchId),
    year: input.year,
    rows: ledgerRows,
    summary: MEETING_TYPES.map((type) => ({ type, typeLabel: MEETING_TYPE_LABELS[type], held: ledgerRows.filter((r) => r.type === type).length, required: requiredInYear(table[type], input.year, now) })),
  };
}

const HEADER = ['日期', '主题', '地点', '召集人', '应到', '实到', '请假', '缺席', '补学', '出席人员', '请假人员', '缺席人员', '补学人员', '记录人', '会议记录', '会议决议'];
const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 30);

/** The ledger as xlsx: a summary sheet, then a sheet per meeting type (user text escaped by the writer). */
export async function exportLedger(input: MeetingsParsed<'exportLedger'>, ctx: FunctionContext): Promise<MeetingsOutput['exportLedger']> {
  const view = await ledger(input, ctx);
  const summary: SheetRows = [
    [`${view.branchName} ${view.year} 年三会一课台账`],
    [`导出：${formatShanghaiDateTime(ctx.now())}`],
    [],
    ['会议类型', '已召开', '应召开'],
    ...view.summary.map((s) => [s.typeLabel, s.held, s.required]),
  ];
  const sheets: Array<[string, SheetRows]> = MEETING_TYPES.map((type) => [
    MEETING_TYPE_LABELS[type],
    [
      HEADER,
      ...view.rows
        .filter((r) => r.type === type)
        .map((r) => [
          formatShanghaiDateTime(r.startAt),
          r.topic,
          r.place,
          r.organizerName,
          r.counts.expected,
          r.counts.present,
          r.counts.leave,
          r.counts.absent,
          r.counts.madeUp,
          r.present.join('、'),
          r.leave.join('、'),
          r.absent.join('、'),
          r.madeUp.join('、'),
          r.recorderName ?? '',
          r.minutesContent,
          r.resolutions,
        ]),
    ],
  ]);
  return { fileName: `三会一课台账_${safe(view.branchName)}_${view.year}.xlsx`, base64: await xlsxBase64('汇总', summary, sheets) };
}

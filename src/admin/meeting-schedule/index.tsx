import { useEffect, useRef, useState } from 'react';
import * as v from 'valibot';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Textarea } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { DateTimeField, type DateTimeValue } from '../../components/date-time-field';
import { MeGate } from '../../components/me-gate';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import type { MeetingDetail } from '../../domain/api/meetings';
import { isCommitteeAdmin } from '../../domain/org/policies';
import { actorOf } from '../../utils/actor';
import { TextField } from '../../components/text-field';
import { useFormError } from '../../hooks/use-form-error';
import { useRequestId } from '../../hooks/use-request-id';
import { meetingsInput } from '../../domain/api/meetings';
import { MEETING_LIMITS as L } from '../../domain/meeting/limits';
import { MEETING_TYPES, MEETING_TYPE_LABELS, type MeetingAttendees, type MeetingType } from '../../domain/meeting/types';
import { meetingsApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import { errorMessage } from '../../utils/error-message';
import { epochOf, fieldsOf } from '../../utils/format-time';
import { ROUTES, withQuery } from '../../utils/routes';
import { ImagesField } from '../notice-compose/images-field';
import { useImageUploads } from '../notice-compose/use-image-uploads';
import { AttendeesField, attendeesInput, type AttendeesDraft } from './attendees-field';
import { ChipChoice } from './chip-choice';
import { PdfField, usePdfUploads } from './pdf-field';
import '../notice-compose/index.scss';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

const DURATIONS = [30, 45, 60, 90, 120, 180];
const formSchema = v.omit(meetingsInput.schedule, ['requestId']);

/** Tomorrow at 14:30 in Asia/Shanghai: a typical afternoon slot after the ward round. */
const defaultStart = (now: number): DateTimeValue => ({ date: fieldsOf(now + 24 * 3600 * 1000).date, clock: '14:30' });

/** `姓名 职务` (or 姓名，职务) per line → guests. */
const guestsOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, ...rest] = line.split(/[\s,，、]+/);
      return { name, title: rest.join(' ') };
    });

const linesOf = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** A new branch meeting, a hospital-wide one (committee admin), or changes to a scheduled meeting. */
export type ScheduleMode = { kind: 'new'; branchId: string; initialType: MeetingType | null } | { kind: 'hospital' } | { kind: 'edit'; meeting: MeetingDetail };

const draftOf = (a: MeetingAttendees): AttendeesDraft => ({
  kind: a.kind,
  groupIds: a.kind === 'groups' ? a.groupIds : [],
  memberIds: a.kind === 'members' ? a.memberIds : [],
});

function ScheduleForm({ mode }: { mode: ScheduleMode }) {
  const m = mode.kind === 'edit' ? mode.meeting : null;
  const hospital = mode.kind === 'hospital' || m?.attendees.kind === 'hospital';
  const branchId = mode.kind === 'new' ? mode.branchId : (m?.branchId ?? null);
  const initialType = mode.kind === 'new' ? mode.initialType : mode.kind === 'hospital' ? 'party_lesson' : (m?.type ?? null);
  const [type, setType] = useState<MeetingType | null>(initialType);
  const [topic, setTopic] = useState(m?.topic ?? '');
  const [start, setStart] = useState<DateTimeValue>(() => (m ? fieldsOf(m.startAt) : defaultStart(Date.now())));
  const [duration, setDuration] = useState(m?.durationMin ?? 60);
  const [place, setPlace] = useState(m?.place ?? '');
  const [onlineLink, setOnlineLink] = useState(m?.onlineLink ?? '');
  const [attendees, setAttendees] = useState<AttendeesDraft>(() =>
    m ? draftOf(m.attendees) : { kind: hospital ? 'hospital' : initialType === 'branch_committee' ? 'committee' : 'branch', groupIds: [], memberIds: [] },
  );
  const [agenda, setAgenda] = useState(m ? m.agenda.join('\n') : '');
  const [guests, setGuests] = useState(m ? m.guests.map((g) => `${g.name} ${g.title}`.trim()).join('\n') : '');
  const uploads = useImageUploads(m ? m.materials.flatMap((x) => (x.kind === 'image' && x.url ? [{ fileId: x.fileId, url: x.url }] : [])) : []);
  const pdfs = usePdfUploads(m ? m.materials.filter((x) => x.kind === 'pdf') : []);
  const [error, setError] = useFormError([type, topic, start, duration, place, onlineLink, attendees, agenda, guests, uploads.images, pdfs.materials]);
  const [busy, setBusy] = useState(false);
  const pending = useRef(false);
  const requestId = useRequestId();
  // Set once the form is up (after the page's own title from its config).
  useEffect(() => {
    if (mode.kind !== 'new') void Taro.setNavigationBarTitle({ title: mode.kind === 'edit' ? '修改会议' : '全院会议' }).catch(() => undefined);
  }, [mode.kind]);
  const durations = m && !DURATIONS.includes(m.durationMin) ? [...DURATIONS, m.durationMin].sort((a, b) => a - b) : DURATIONS;

  const chooseType = (t: MeetingType) => {
    setType(t);
    // 支委会 is the branch committee's; 党小组会 is a party group's: start the attendee choice there.
    if (t === 'branch_committee') setAttendees((a) => ({ ...a, kind: 'committee' }));
    else if (t === 'group') setAttendees((a) => ({ ...a, kind: 'groups' }));
    else if (attendees.kind === 'committee') setAttendees((a) => ({ ...a, kind: 'branch' }));
  };

  const submit = async () => {
    if (pending.current) return;
    if (uploads.uploading || pdfs.uploading) return setError('材料上传中，请稍候');
    const startAt = epochOf(start.date, start.clock);
    if (Number.isNaN(startAt)) return setError('请选择会议时间');
    // An unchanged time may already be past (editing during the meeting); the server has the last word.
    if (startAt < Date.now() && startAt !== m?.startAt) return setError('会议时间已过，请重新选择');
    if (place.trim() === '' && onlineLink.trim() === '') return setError('请填写会议地点或线上会议链接');
    const draft = {
      branchId: branchId ?? undefined,
      type: type ?? undefined,
      topic,
      startAt,
      durationMin: duration,
      place,
      onlineLink,
      attendees: attendeesInput(attendees),
      agenda: linesOf(agenda),
      materials: [...uploads.images.map((img, i) => ({ fileId: img.fileId, name: `会议材料 ${i + 1}`, kind: 'image' as const })), ...pdfs.materials],
      guests: guestsOf(guests),
    };
    const parsed = v.safeParse(formSchema, draft);
    if (!parsed.success) return setError(parsed.issues[0]?.message ?? '请检查填写内容');
    pending.current = true;
    setBusy(true);
    try {
      if (m) {
        const { branchId: _branch, ...fields } = parsed.output;
        await meetingsApi('update', { meetingId: m.meetingId, ...fields });
        toastSuccess('已保存修改');
        await Taro.navigateBack();
        return;
      }
      const meeting = await meetingsApi('schedule', { ...parsed.output, requestId: requestId.current() });
      requestId.renew();
      toastSuccess('已发布会议通知');
      await Taro.redirectTo({ url: withQuery(ROUTES.meetingManage, { meetingId: meeting.meetingId }) });
    } catch (e) {
      setError(errorMessage(e, m ? '保存失败，请重试' : '发布失败，请重试'));
    } finally {
      pending.current = false;
      setBusy(false);
    }
  };

  return (
    <>
      <Card className="schedule-card">
        <ChipChoice label="会议类型" className="schedule-type" chips={MEETING_TYPES.map((t) => ({ value: t, label: MEETING_TYPE_LABELS[t] }))} value={type} onChange={chooseType} />
        <TextField className="schedule-topic" label="会议主题" value={topic} onChange={setTopic} maxLength={L.topicMax} placeholder="例如：学习贯彻全会精神" />
        <DateTimeField className="schedule-start" label="开始时间" value={start} onChange={setStart} start={fieldsOf(Date.now()).date} />
        <ChipChoice label="会议时长" className="schedule-duration" chips={durations.map((d) => ({ value: d, label: d < 60 ? `${d} 分钟` : `${d / 60} 小时` }))} value={duration} onChange={setDuration} />
        <TextField className="schedule-place" label="会议地点" value={place} onChange={setPlace} maxLength={L.placeMax} placeholder="例如：住院部 5 楼示教室" />
        <TextField className="schedule-link" label="线上会议链接（可选）" value={onlineLink} onChange={setOnlineLink} maxLength={L.onlineLinkMax} placeholder="https://" />
      </Card>
      <Card className="schedule-card">
        {hospital || !branchId ? (
          <View className="m-field schedule-hospital">
            <Text className="m-field__label">参会人员</Text>
            <Text className="schedule-hospital__text">全院各支部全体党员（计入每个支部的三会一课台账）</Text>
          </View>
        ) : (
          <AttendeesField branchId={branchId} draft={attendees} onChange={setAttendees} />
        )}
      </Card>
      <Card className="schedule-card">
        <View className="m-field">
          <Text className="m-field__label" id="schedule-agenda-label">
            会议议程（每行一项）
          </Text>
          <Textarea className="m-textarea schedule-agenda" value={agenda} maxlength={L.agendaItemsMax * L.agendaItemMax} placeholder={'1. 传达学习文件\n2. 讨论本月工作'} onInput={(e) => setAgenda(e.detail.value)} ariaLabel="会议议程" />
        </View>
        <ImagesField uploads={uploads} label="会议材料" />
        <PdfField uploads={pdfs} />
        <View className="m-field">
          <Text className="m-field__label">列席人员（可选，每行一位：姓名 职务）</Text>
          <Textarea className="m-textarea m-textarea--short schedule-guests" value={guests} maxlength={L.guestsMax * 60} placeholder="例如：王立 院党委组织部" onInput={(e) => setGuests(e.detail.value)} ariaLabel="列席人员" />
        </View>
      </Card>
      {error && <Text className="form-error schedule-error">{error}</Text>}
      <View className="block-actions">
        <Button className="schedule-submit" type="primary" size="large" block loading={busy} disabled={busy} onClick={() => void submit()}>
          {m ? '保存修改' : '发布会议通知'}
        </Button>
        <Text className="schedule-hint">{m ? '签到开始后不能再修改会议时间；改动后参会人员在会议页看到新的内容。' : '参会人员会收到会议通知，可回复参加或请假；会前一天和一小时前提醒。'}</Text>
      </View>
    </>
  );
}

/** `?meetingId=` edits that meeting (from 会议管理); `?scope=hospital` is the committee's 全院会议. */
function EditForm({ meetingId }: { meetingId: string }) {
  const state = useAsync(() => meetingsApi('get', { meetingId }), [meetingId]);
  if (state.error) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingView rows={8} />;
  const m = state.data;
  if (!m.canManage) return <EmptyView title="仅支部书记和支委可以修改会议" />;
  if (m.status === 'cancelled' || Date.now() >= m.endAt) return <EmptyView title="会议已取消或已结束，不能修改" />;
  return <ScheduleForm mode={{ kind: 'edit', meeting: m }} />;
}

function MeetingSchedulePage() {
  const params = useRouter().params;
  const type = (MEETING_TYPES as readonly string[]).includes(params.type ?? '') ? (params.type as MeetingType) : null;
  return (
    <View className="page m-page page-meeting-schedule">
      <MeGate>
        {(me) => {
          if (params.meetingId) return <EditForm meetingId={params.meetingId} />;
          if (params.scope === 'hospital') {
            return isCommitteeAdmin(actorOf(me.member)) ? <ScheduleForm mode={{ kind: 'hospital' }} /> : <EmptyView title="没有权限" description="院党委管理员可以安排全院会议" />;
          }
          const branchId = params.branchId || me.member.branchId;
          return branchId ? <ScheduleForm mode={{ kind: 'new', branchId, initialType: type }} /> : <EmptyView title="缺少支部参数" description="请从支部的会议页进入" />;
        }}
      </MeGate>
    </View>
  );
}

export default withPageDisplay(MeetingSchedulePage);

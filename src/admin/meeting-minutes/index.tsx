import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text, Textarea } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { MeGate } from '../../components/me-gate';
import { AttendanceSummary, Paragraphs } from '../../components/minutes-view';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { TextField } from '../../components/text-field';
import { useAsync } from '../../hooks/use-async';
import { useFormError } from '../../hooks/use-form-error';
import type { MeetingDetail, MinutesView } from '../../domain/api/meetings';
import { MEETING_LIMITS as L } from '../../domain/meeting/limits';
import { meetingsApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import { errorMessage } from '../../utils/error-message';
import { formatDateTime } from '../../utils/format-time';
import { meetingTimeRange } from '../../utils/meeting-format';
import { pressable } from '../../utils/pressable';
import { ImagesField } from '../notice-compose/images-field';
import { useImageUploads } from '../notice-compose/use-image-uploads';
import '../notice-compose/index.scss';
import '../meeting-shared/form.scss';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

/** Before the minutes are first saved, attendance comes straight from the attendance rows. */
function attendanceOf(m: MeetingDetail): MinutesView['attendance'] {
  if (m.minutes) return m.minutes.attendance;
  const roster = m.roster ?? [];
  const named = (o: string) => roster.filter((a) => a.outcome === o).map((a) => a.name);
  return {
    counts: m.counts,
    present: named('present'),
    late: named('late'),
    leave: named('leave'),
    absent: named('absent'),
    madeUp: roster.filter((a) => a.makeupAt !== null).map((a) => a.name),
  };
}

function History({ minutes }: { minutes: MinutesView }) {
  const [open, setOpen] = useState<number | null>(null);
  if (minutes.history.length === 0) return null;
  return (
    <Card title="修改记录" className="minutes-history">
      {minutes.history.map((h) => (
        <View key={h.version} className="history-item">
          <Text className="history-item__head" {...pressable(() => setOpen(open === h.version ? null : h.version))}>
            第 {h.version} 版 · {h.editedByName} 于 {formatDateTime(h.replacedAt)} 修改 {open === h.version ? '▲' : '▼'}
          </Text>
          {open === h.version && (
            <View className="history-item__body">
              <Text className="muted">记录人 {h.recorderName}</Text>
              <Paragraphs text={h.content} />
              {h.resolutions && <Paragraphs text={`决议：${h.resolutions}`} />}
            </View>
          )}
        </View>
      ))}
    </Card>
  );
}

function Editor({ m, myName, onSaved }: { m: MeetingDetail; myName: string; onSaved: (minutes: MinutesView) => void }) {
  const initial = m.minutes;
  const [recorder, setRecorder] = useState(initial?.recorderName ?? myName);
  const [content, setContent] = useState(initial?.content ?? '');
  const [resolutions, setResolutions] = useState(initial?.resolutions ?? '');
  const uploads = useImageUploads((initial?.photos ?? []).filter((p): p is { fileId: string; url: string } => p.url !== null));
  const [error, setError] = useFormError([recorder, content, resolutions, uploads.images]);
  const [busy, setBusy] = useState<null | 'save' | 'publish'>(null);
  const published = initial?.status === 'published';
  const started = Date.now() >= m.startAt;

  const save = async (publish: boolean) => {
    if (busy) return;
    if (uploads.uploading) return setError('照片上传中，请稍候');
    if (recorder.trim() === '') return setError('请填写记录人');
    if (content.trim() === '') return setError('请填写会议内容');
    setBusy(publish ? 'publish' : 'save');
    setError(null);
    try {
      let saved = await meetingsApi('saveMinutes', { meetingId: m.meetingId, recorderName: recorder, content, resolutions, photos: uploads.images });
      if (publish) saved = await meetingsApi('publishMinutes', { meetingId: m.meetingId });
      onSaved(saved);
      toastSuccess(publish ? '已发布' : published ? '已保存修改' : '草稿已保存');
    } catch (e) {
      setError(errorMessage(e, '保存失败，请重试'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Card className="minutes-editor">
        <Text className="m-field__label">出席情况（根据签到自动填写）</Text>
        <AttendanceSummary attendance={attendanceOf(m)} />
      </Card>
      <Card className="minutes-editor">
        <TextField className="minutes-recorder" label="记录人" value={recorder} onChange={setRecorder} maxLength={L.recorderNameMax} />
        <View className="m-field">
          <Text className="m-field__label">会议内容</Text>
          <Textarea className="m-textarea m-textarea--long minutes-content-input" value={content} maxlength={L.minutesContentMax} placeholder="会议议程、学习内容、发言摘要" onInput={(e) => setContent(e.detail.value)} ariaLabel="会议内容" />
        </View>
        <View className="m-field">
          <Text className="m-field__label">会议决议（可选）</Text>
          <Textarea className="m-textarea minutes-resolutions-input" value={resolutions} maxlength={L.minutesResolutionsMax} placeholder="会议形成的决定、分工与完成时间" onInput={(e) => setResolutions(e.detail.value)} ariaLabel="会议决议" />
        </View>
        <ImagesField uploads={uploads} label="会议照片" />
      </Card>
      {error && <Text className="form-error minutes-error">{error}</Text>}
      <View className="minutes-actions">
        {published ? (
          <Button className="minutes-save" type="primary" size="large" block loading={busy === 'save'} disabled={busy !== null} onClick={() => void save(false)}>
            保存修改（保留原版本）
          </Button>
        ) : (
          <>
            <Button className="minutes-save" type="primary" fill="outline" size="large" loading={busy === 'save'} disabled={busy !== null} onClick={() => void save(false)}>
              保存草稿
            </Button>
            <Button className="minutes-publish" type="primary" size="large" loading={busy === 'publish'} disabled={busy !== null || !started} onClick={() => void save(true)}>
              发布会议记录
            </Button>
          </>
        )}
      </View>
      <Text className="page-intro minutes-hint">
        {published ? `已于 ${formatDateTime(initial.publishedAt ?? 0)} 发布给参会人员；修改后原版本保留在修改记录中。` : started ? '发布后参会人员可以查看；请假和缺席的党员会收到补学任务。' : '会议开始后才能发布会议记录，可先保存草稿。'}
      </Text>
    </>
  );
}

function Minutes({ meetingId, myName }: { meetingId: string; myName: string }) {
  const state = useAsync(() => meetingsApi('get', { meetingId }), [meetingId]);
  if (state.error) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingView rows={8} />;
  const m = state.data;
  if (!m.canManage) return <EmptyView title="仅支部书记和支委可以填写会议记录" />;
  return (
    <>
      <Text className="page-intro minutes-meeting">
        {m.typeLabel} · {m.topic} · {meetingTimeRange(m.startAt, m.endAt)}
      </Text>
      {/* keyed by version: a save re-seeds the form from what the server stored */}
      <Editor key={m.minutes?.version ?? 0} m={m} myName={myName} onSaved={(minutes) => state.setData({ ...m, minutes, minutesStatus: minutes.status })} />
      {m.minutes && <History minutes={m.minutes} />}
    </>
  );
}

function MeetingMinutesPage() {
  const meetingId = useRouter().params.meetingId ?? '';
  return (
    <View className="page m-page page-meeting-minutes">
      {meetingId ? <MeGate>{(me) => <Minutes meetingId={meetingId} myName={me.member.name} />}</MeGate> : <EmptyView title="缺少会议参数" description="请从会议管理进入" />}
    </View>
  );
}

export default withPageDisplay(MeetingMinutesPage);

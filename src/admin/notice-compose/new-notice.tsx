import { useRef, useState } from 'react';
import * as v from 'valibot';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { useRequestId } from '../../hooks/use-request-id';
import { noticesApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import { noticesInput } from '../../domain/api/notices';
import { errorMessage } from '../../utils/error-message';
import { ROUTES, withQuery } from '../../utils/routes';
import { audienceInput, emptyDraft, type AudienceDraft } from './audience';
import { BranchAudiencePicker, CommitteeAudiencePicker } from './audience-picker';
import { ContentFields } from './content-fields';
import { PublishOptions } from './publish-options';
import { defaultSchedule, scheduleTimes, type ScheduleDraft } from './schedule';
import { useImageUploads } from './use-image-uploads';
import { useFormError } from '../../hooks/use-form-error';

/** The form's fields: the request id is added when publishing (one per form, reused on retry). */
const formSchema = v.omit(noticesInput.publish, ['requestId']);
type PublishForm = v.InferOutput<typeof formSchema>;

/** Who publishes decides what they can address: their branch (officer) or the hospital (committee). */
export type Publisher = { kind: 'branch'; branchId: string } | { kind: 'committee' };

/** A form opened prefilled (“转为通知” from the branch chat). */
export interface NoticePrefill {
  title: string;
  body: string;
  images: Array<{ fileId: string; url: string }>;
  /** The branch the message came from: a committee publisher starts with that branch chosen. */
  branchId: string;
}

export function NewNoticeForm({ publisher, prefill }: { publisher: Publisher; prefill?: NoticePrefill }) {
  const [title, setTitle] = useState(prefill?.title ?? '');
  const [body, setBody] = useState(prefill?.body ?? '');
  const uploads = useImageUploads(prefill?.images);
  const [audience, setAudience] = useState<AudienceDraft>(() =>
    publisher.kind === 'branch' ? emptyDraft('branch') : prefill ? { ...emptyDraft('branches'), branchIds: [prefill.branchId] } : emptyDraft(null),
  );
  const [requireAck, setRequireAck] = useState(false);
  const [urgent, setUrgent] = useState(false);
  const [schedule, setSchedule] = useState<ScheduleDraft>(() => defaultSchedule(Date.now()));
  const [error, setError] = useFormError([title, body, uploads.images, audience, requireAck, schedule]);
  const [busy, setBusy] = useState(false);
  // Set synchronously: a second tap in the same frame sees it before React re-renders the button.
  const pending = useRef(false);
  const requestId = useRequestId();

  const branchId = publisher.kind === 'branch' ? publisher.branchId : null;

  /** The payload, or the first problem in the words the function would use (same schema, same rules). */
  const build = (): PublishForm | string => {
    if (uploads.uploading) return '图片上传中，请稍候';
    const times = scheduleTimes(schedule, Date.now());
    const draft = {
      title,
      body,
      images: uploads.images,
      // Absent when no kind is chosen: the schema then answers 请选择通知对象, after any title/body issue.
      audience: audienceInput(audience, branchId) ?? undefined,
      requireAck,
      urgent,
      deadline: 'error' in times ? null : times.deadline,
      publishAt: 'error' in times ? null : times.publishAt,
    };
    const parsed = v.safeParse(formSchema, draft);
    if (!parsed.success) return parsed.issues[0]?.message ?? '请检查填写内容';
    if ('error' in times) return times.error;
    return parsed.output;
  };

  const publish = async () => {
    if (pending.current) return;
    const input = build();
    if (typeof input === 'string') return setError(input);
    setError(null);
    pending.current = true;
    setBusy(true);
    try {
      // The same id on every retry of this form: a double tap or a lost answer never publishes twice.
      const sent = await noticesApi('publish', { ...input, requestId: requestId.current() });
      toastSuccess(sent.status === 'scheduled' ? '已定时' : '已发布');
      await Taro.redirectTo({ url: withQuery(ROUTES.noticeTrack, { noticeId: sent.noticeId }) });
    } catch (e) {
      setError(errorMessage(e, '发布失败，请重试'));
    } finally {
      pending.current = false;
      setBusy(false);
    }
  };

  return (
    <>
      <Card className="compose-card">
        <ContentFields title={title} body={body} onTitle={setTitle} onBody={setBody} uploads={uploads} />
      </Card>
      <Card className="compose-card">
        {publisher.kind === 'branch' ? (
          <BranchAudiencePicker branchId={publisher.branchId} draft={audience} onChange={setAudience} />
        ) : (
          <CommitteeAudiencePicker draft={audience} onChange={setAudience} />
        )}
      </Card>
      <Card className="compose-card">
        <PublishOptions requireAck={requireAck} onRequireAck={setRequireAck} urgent={urgent} onUrgent={setUrgent} schedule={schedule} onSchedule={setSchedule} />
      </Card>
      <View className="block-actions compose-submit">
        {error && <Text className="form-error compose-error">{error}</Text>}
        <Button className="publish-button" type="primary" size="large" block loading={busy} disabled={busy || uploads.uploading} onClick={() => void publish()}>
          {schedule.later ? '预约发布' : '发布通知'}
        </Button>
      </View>
    </>
  );
}

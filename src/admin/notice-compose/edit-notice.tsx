import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card, InfoRow } from '../../components/card';
import { ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { noticesApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import { noticesInput, type NoticesInput, type TrackingView } from '../../domain/api/notices';
import { errorMessage } from '../../utils/error-message';
import { formatDateTime } from '../../utils/format-time';
import { ROUTES, withQuery } from '../../utils/routes';
import { firstIssue } from '../../utils/validate';
import { ContentFields } from './content-fields';
import { useImageUploads } from './use-image-uploads';
import { useFormError } from '../../hooks/use-form-error';

type TrackedNotice = TrackingView['notice'];

const LOCKED_TEXT = '该通知已撤回，不能再修改。';
const CORRECTION_TEXT = '已有人阅读，保存后将标注“已更正”';

function EditFields({ notice }: { notice: TrackedNotice }) {
  const [title, setTitle] = useState(notice.title);
  const [body, setBody] = useState(notice.body);
  // `update` replaces the image list, so the form starts from the notice's current images.
  const uploads = useImageUploads(notice.images);
  const [error, setError] = useFormError([title, body, uploads.images]);
  const [busy, setBusy] = useState(false);
  const locked = notice.editMode === 'locked';

  const save = async () => {
    if (busy || locked) return;
    if (uploads.uploading) return setError('图片上传中，请稍候');
    const input: NoticesInput<'update'> = { noticeId: notice.noticeId, title, body, images: uploads.images };
    const issue = firstIssue(noticesInput.update, input);
    if (issue) return setError(issue);
    setError(null);
    setBusy(true);
    try {
      const result = await noticesApi('update', input);
      toastSuccess(result.mode === 'corrected' ? '已更正' : '已保存');
      const back = withQuery(ROUTES.noticeTrack, { noticeId: notice.noticeId });
      // Usually we came from the tracking page, which refreshes when shown again.
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: back }));
    } catch (e) {
      setError(errorMessage(e, '保存失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {locked && <Text className="compose-locked">{LOCKED_TEXT}</Text>}
      {!locked && notice.editMode === 'correction' && <Text className="compose-correction-warning">{CORRECTION_TEXT}</Text>}
      <Card className="compose-card">
        <ContentFields title={title} body={body} onTitle={setTitle} onBody={setBody} uploads={uploads} disabled={locked} />
      </Card>
      <Card title="发布设置（不可修改）" className="compose-card compose-readonly">
        <InfoRow label="通知对象" value={notice.audienceLabel} valueClassName="compose-audience-label" />
        <InfoRow label="发布时间" value={`${notice.status === 'scheduled' ? '定时 ' : ''}${formatDateTime(notice.publishedAt ?? notice.publishAt)}`} />
        <InfoRow label="需要确认" value={notice.requireAck ? '是' : '否'} />
        {notice.urgent && <InfoRow label="紧急" value="是" />}
        {notice.deadline !== null && <InfoRow label="截止时间" value={formatDateTime(notice.deadline)} />}
      </Card>
      <View className="block-actions compose-submit">
        {error && <Text className="form-error compose-error">{error}</Text>}
        <Button className="publish-button save-button" type="primary" size="large" block loading={busy} disabled={locked || uploads.uploading} onClick={() => void save()}>
          {notice.editMode === 'correction' ? '保存更正' : '保存修改'}
        </Button>
      </View>
    </>
  );
}

export function EditNoticeForm({ noticeId }: { noticeId: string }) {
  const view = useAsync(() => noticesApi('track', { noticeId }), [noticeId]);
  if (view.error) return <ErrorView message={view.error} onRetry={view.reload} />;
  if (!view.data) return <LoadingView rows={6} />;
  return <EditFields notice={view.data.notice} />;
}

import { ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { chatApi } from '../../platform/api';
import { NewNoticeForm, type Publisher } from './new-notice';

/** “转为通知”: the chat function turns the message into a prefill; the officer edits and publishes it as usual. */
export function NoticeFromChat({ publisher, branchId, seq }: { publisher: Publisher; branchId: string; seq: number }) {
  const prefill = useAsync(() => chatApi('toNotice', { branchId, seq }), [branchId, seq]);
  if (prefill.error) return <ErrorView message={prefill.error} onRetry={prefill.reload} />;
  if (!prefill.data) return <LoadingView rows={6} />;
  const { title, body, images } = prefill.data;
  return <NewNoticeForm publisher={publisher} prefill={{ title, body, images, branchId: prefill.data.audience.branchId }} />;
}

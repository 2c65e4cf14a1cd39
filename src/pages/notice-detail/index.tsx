import { useCallback } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { MeGate } from '../../components/me-gate';
import { Card } from '../../components/card';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import type { NoticeDetail } from '../../domain/api/notices';
import { noticesApi } from '../../platform/api';
import { noticeSeen } from '../../utils/inbox-store';
import { requestNoticeSubscription } from '../../platform/subscribe';
import { formatDateTime } from '../../utils/format-time';
import { ROUTES, withQuery } from '../../utils/routes';
import { AckBlock } from './ack-block';
import { NoticeBody, NoticeImages } from './notice-body';
import { SubscribePrompt } from './subscribe-prompt';
import './index.scss';
import { pressable } from '../../utils/pressable';
import { withPageDisplay } from '../../components/page-display';

function Detail({ noticeId }: { noticeId: string }) {
  // Opening records the read receipt on the server; one call per page.
  const state = useAsync(async () => {
    const detail = await noticesApi('open', { noticeId });
    noticeSeen(detail); // the list patches its row instead of fetching again
    return detail;
  }, [noticeId]);

  // Must start inside a tap: WeChat shows the subscribe prompt only then. Failures cost nothing.
  const askForReminders = useCallback(() => {
    void requestNoticeSubscription(noticeId).then((accepted) => {
      if (accepted > 0) void noticesApi('subscribe', { accepted }).catch(() => undefined);
    });
  }, [noticeId]);

  const onAcked = (detail: NoticeDetail) => {
    noticeSeen(detail);
    state.setData(detail);
  };

  if (state.error) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingView rows={8} />;
  const n = state.data;

  if (n.withdrawn) {
    return (
      <Card className="notice-withdrawn-view">
        <EmptyView title="该通知已撤回" />
      </Card>
    );
  }

  return (
    <>
      <View className="notice-article">
        <Text className="notice-title">{n.title}</Text>
        <View className="notice-meta">
          <Text className="notice-author">{n.authorName}</Text>
          <Text className="notice-time">{formatDateTime(n.publishedAt)}</Text>
        </View>
        {n.correctedAt !== null && <Text className="notice-corrected-note">已更正 · {formatDateTime(n.correctedAt)}（内容在发布后修改过）</Text>}
        {n.deadline !== null && <Text className="notice-deadline">{n.requireAck ? '请于' : '截止时间：'}{formatDateTime(n.deadline)}{n.requireAck ? ' 前确认' : ''}</Text>}
        <NoticeBody body={n.body} />
        <NoticeImages images={n.images} />
      </View>

      {n.requireAck && <AckBlock notice={n} onAcked={onAcked} onTap={askForReminders} />}
      {!n.requireAck && <SubscribePrompt noticeId={n.noticeId} onAccept={askForReminders} />}

      {n.canTrack && (
        <View className="block-actions">
          <Text className="track-link" {...pressable(() => void Taro.navigateTo({ url: withQuery(ROUTES.noticeTrack, { noticeId: n.noticeId }) }), 'link')}>
            查看阅读情况 ›
          </Text>
        </View>
      )}
    </>
  );
}

function NoticeDetailPage() {
  const noticeId = useRouter().params.noticeId ?? '';
  return (
    <View className="page page-notice-detail">
      {noticeId ? <MeGate>{() => <Detail noticeId={noticeId} />}</MeGate> : <EmptyView title="缺少通知参数" description="请从通知列表进入" />}
    </View>
  );
}

export default withPageDisplay(NoticeDetailPage);

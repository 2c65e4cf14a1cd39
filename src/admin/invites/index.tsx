import { useRef, useState } from 'react';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Radio } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { FormDialog } from '../../components/form-dialog';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { useRequestId } from '../../hooks/use-request-id';
import { orgApi } from '../../platform/api';
import { copyText, toastSuccess } from '../../platform/feedback';
import type { InviteView } from '../../domain/api/org';
import { errorMessage } from '../../utils/error-message';
import { formatDateTime } from '../../utils/format-time';
import { invitePath } from '../../domain/org/invite-link';
import { InviteItem } from './invite-item';
import { InviteShare } from './invite-share';
import { RecentJoins } from './recent-joins';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

const DAY_CHOICES = [1, 3, 7, 30] as const;

function IssueCard({ branchId, branchName, onIssued, onShare }: { branchId: string; branchName: string; onIssued: () => void; onShare: (code: string) => void }) {
  const [days, setDays] = useState<number>(7);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<InviteView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const requestId = useRequestId();

  const issue = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      // Retried taps after an error reuse the id (one invite); after success the next tap is a new invite.
      setIssued(await orgApi('invites.create', { branchId, days, requestId: requestId.current() }));
      requestId.renew();
      onIssued();
    } catch (e) {
      setError(errorMessage(e, '生成失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="生成邀请码" className="issue-card">
      <Text className="issue-card__tip">把邀请码发给尚未绑定的党员，在小程序「邀请码」绑定页填写即可加入本支部。</Text>
      <Text className="issue-card__label">有效期</Text>
      <Radio.Group className="invite-days" direction="horizontal" value={String(days)} onChange={(v) => setDays(Number(v))}>
        {DAY_CHOICES.map((d) => (
          <Radio key={d} shape="button" value={String(d)} className={`invite-days-${d}`}>
            {d} 天
          </Radio>
        ))}
      </Radio.Group>
      {error && <Text className="form-error">{error}</Text>}
      <Button className="issue-invite" type="primary" size="large" block loading={busy} disabled={busy} onClick={() => void issue()}>
        生成邀请码
      </Button>
      {issued && (
        <View className="issued">
          <Text className="issued-code" userSelect>
            {issued.code}
          </Text>
          <Text className="issued__expiry">有效期至 {formatDateTime(issued.expiresAt)}</Text>
          <Button className="copy-issued" type="primary" fill="outline" block onClick={() => void copyText(issued.code)}>
            复制邀请码
          </Button>
          <InviteShare code={issued.code} branchName={branchName} onShare={onShare} />
        </View>
      )}
    </Card>
  );
}

function InvitesPage() {
  const branchId = useRouter().params.branchId ?? '';
  const list = useAsync(() => orgApi('invites.list', { branchId }), [branchId], branchId !== '');
  const branch = useAsync(() => orgApi('branch.get', { branchId }), [branchId], branchId !== '');
  const [revoking, setRevoking] = useState<InviteView | null>(null);
  const branchName = branch.data?.name ?? '';
  // The share card carries the invite whose 分享 button was tapped (set just before WeChat asks).
  const shareCode = useRef<string | null>(null);
  useShareAppMessage(() => {
    const code = shareCode.current ?? list.data?.invites.find((i) => i.state === 'active')?.code ?? '';
    return { title: `邀请您加入${branchName || '支部'}，点开填写姓名和工号即可`, path: code ? invitePath(code) : '/pages/bind/index' };
  });
  const onShare = (code: string) => {
    shareCode.current = code;
  };

  const revoke = async () => {
    if (!revoking) return;
    await orgApi('invites.revoke', { code: revoking.code });
    setRevoking(null);
    toastSuccess('已撤销');
    await list.reload();
  };

  if (!branchId) {
    return (
      <View className="page page-admin-invites">
        <EmptyView title="缺少支部参数" description="请从支部页进入" />
      </View>
    );
  }

  const invites = list.data?.invites ?? [];
  return (
    <View className="page page-admin-invites">
      {branch.data && <Text className="page-intro invites-branch">{branch.data.name}</Text>}
      {list.data && <RecentJoins joined={list.data.joined} />}
      <IssueCard branchId={branchId} branchName={branchName} onIssued={() => void list.reload()} onShare={onShare} />
      <Card title="已生成的邀请码" className="invite-list">
        {list.error ? (
          <ErrorView message={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <LoadingView />
        ) : invites.length === 0 ? (
          <EmptyView title="还没有邀请码" />
        ) : (
          invites.map((inv) => (
            <InviteItem
              key={inv.code}
              invite={inv}
              onCopy={() => void copyText(inv.code)}
              onRevoke={() => setRevoking(inv)}
              share={inv.state === 'active' ? <InviteShare code={inv.code} branchName={branchName} onShare={onShare} /> : null}
            />
          ))
        )}
      </Card>
      <FormDialog visible={revoking !== null} title="撤销邀请码" confirmText="撤销" onConfirm={revoke} onClose={() => setRevoking(null)}>
        <Text>撤销后「{revoking?.code}」将无法再用于绑定，已绑定的党员不受影响。</Text>
      </FormDialog>
    </View>
  );
}

export default withPageDisplay(InvitesPage);

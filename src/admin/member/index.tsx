import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { Card, InfoRow } from '../../components/card';
import { RoleTag } from '../../components/role-tag';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { orgApi } from '../../platform/api';
import type { MemberView, OrgOutput } from '../../domain/api/org';
import { formatDateTime } from '../../utils/format-time';
import { WecomAccountRow } from './wecom-account';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

type Move = OrgOutput['member.history']['moves'][number];

/** The API returns the actor's id; a name arrives when the function adds `byName`. */
const actorName = (m: Move): string => (typeof m.byName === 'string' && m.byName ? m.byName : '—');

function MoveRow({ move }: { move: Move }) {
  return (
    <View className="move-row">
      <Text className="move-row__time">{formatDateTime(move.at)}</Text>
      <Text className="move-row__path">
        {move.fromBranchName ?? '未加入支部'} → {move.toBranchName ?? '未加入支部'}
      </Text>
      <Text className="move-row__line">原因：{move.reason || '未填写'}</Text>
      <Text className="move-row__line">操作人：{actorName(move)}</Text>
    </View>
  );
}

function AdminMemberPage() {
  const memberId = useRouter().params.memberId ?? '';
  const state = useAsync(() => orgApi('member.history', { memberId }), [memberId], memberId !== '');
  // The member as last saved here (企业微信账号 edits), else as loaded.
  const [edited, setEdited] = useState<MemberView | null>(null);
  useEffect(() => setEdited(null), [state.data]);

  let body: JSX.Element;
  if (!memberId) body = <EmptyView title="缺少党员参数" />;
  else if (state.error) body = <ErrorView message={state.error} onRetry={state.reload} />;
  else if (!state.data) body = <LoadingView rows={6} />;
  else {
    const { moves } = state.data;
    const member = edited ?? state.data.member;
    body = (
      <>
        <Card className="member-detail">
          <View className="member-detail__head">
            <Text className="member-detail-name">{member.name}</Text>
            <RoleTag role={member.role} />
            <Tag type={member.bound ? 'success' : 'default'} plain>
              {member.bound ? '已绑定微信' : '未绑定微信'}
            </Tag>
          </View>
          <InfoRow label="工号" value={member.employeeNo} valueClassName="member-detail-employee-no" />
          <InfoRow label="科室" value={member.department} />
          <InfoRow label="手机号" value={member.phone ?? '未填写'} />
          <WecomAccountRow member={member} onChanged={setEdited} />
          <InfoRow label="状态" value={member.status === 'active' ? '在册' : '已离开'} />
        </Card>
        <Card title="调动记录" className="move-history">
          {moves.length === 0 ? <EmptyView title="暂无调动记录" /> : moves.map((m) => <MoveRow key={m._id} move={m} />)}
        </Card>
      </>
    );
  }
  return <View className="page page-admin-member">{body}</View>;
}

export default withPageDisplay(AdminMemberPage);

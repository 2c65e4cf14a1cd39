import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { useMe } from '../../hooks/use-me';
import { usePagedMembers } from '../../hooks/use-paged-members';
import { orgApi } from '../../platform/api';
import type { BranchSummary, MemberView } from '../../domain/api/org';
import { canManageBranch, isCommitteeAdmin } from '../../domain/org/policies';
import { ORG_LIMITS } from '../../domain/org/limits';
import { actorOf } from '../../utils/actor';
import { ROUTES, withQuery } from '../../utils/routes';
import { GroupsCard } from './groups-card';
import { MemberActions } from './member-actions';
import { MemberRow } from './member-row';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

function Members({ branch, isAdmin, canManage, onBranchChanged }: { branch: BranchSummary; isAdmin: boolean; canManage: boolean; onBranchChanged: (b: BranchSummary) => void }) {
  const paged = usePagedMembers(branch._id);
  const [selected, setSelected] = useState<MemberView | null>(null);
  const groupName = (id: string | null) => branch.groups.find((g) => g._id === id)?.name ?? null;

  // Counts on the branch summary change with every member edit; fetch it quietly in the background.
  const refreshSummary = () => void orgApi('branch.get', { branchId: branch._id }).then(onBranchChanged, () => undefined);

  return (
    <Card
      title={`成员 ${branch.memberCount}/${ORG_LIMITS.branchMaxMembers}`}
      className="members-card"
      extra={<Text className="muted members-card__bound">已绑定 {branch.boundCount} 人</Text>}
    >
      {paged.error ? (
        <ErrorView message={paged.error} onRetry={paged.reload} />
      ) : !paged.members ? (
        <LoadingView />
      ) : paged.members.length === 0 ? (
        <EmptyView title="支部暂无党员" description="可通过花名册导入，或发放邀请码让党员自行绑定" />
      ) : (
        <>
          <Text className="muted members-card__tip">点击党员可调整党小组、设置职务或调动</Text>
          {paged.members.map((m) => (
            <MemberRow key={m._id} member={m} groupName={groupName(m.partyGroupId)} onOpen={() => setSelected(m)} />
          ))}
          {paged.moreError && <Text className="form-error">{paged.moreError}</Text>}
          {paged.hasMore && (
            <Button className="load-more" block fill="outline" loading={paged.loadingMore} onClick={() => void paged.loadMore()}>
              加载更多
            </Button>
          )}
        </>
      )}
      <MemberActions
        member={selected}
        branch={branch}
        isAdmin={isAdmin}
        canManage={canManage}
        onDone={() => setSelected(null)}
        onMemberChanged={(m) => {
          paged.replace(m);
          refreshSummary();
        }}
        onMemberLeft={(id) => {
          paged.remove(id);
          refreshSummary();
        }}
        onBranchChanged={(b) => {
          // A new secretary demotes the previous one: the roster's role tags change too.
          onBranchChanged(b);
          void paged.reload();
        }}
      />
    </Card>
  );
}

function AdminBranchPage() {
  const branchId = useRouter().params.branchId ?? '';
  const { me, error: meError, refresh: refreshMe } = useMe();
  const summary = useAsync(() => orgApi('branch.get', { branchId }), [branchId], branchId !== '');

  const frame = (body: JSX.Element) => <View className="page page-admin-branch">{body}</View>;
  if (!branchId) return frame(<EmptyView title="缺少支部参数" description="请从支部列表进入" />);
  if (meError) return frame(<ErrorView message={meError} onRetry={refreshMe} />);
  if (summary.error) return frame(<ErrorView message={summary.error} onRetry={summary.reload} />);
  if (!me || !summary.data) return frame(<LoadingView rows={6} />);

  const branch = summary.data;
  const actor = actorOf(me.member);
  const isAdmin = isCommitteeAdmin(actor);
  const canManage = canManageBranch(actor, branch._id);

  return (
    <View className="page page-admin-branch">
      <View className="admin-branch-head">
        <Text className="admin-branch-name">{branch.name}</Text>
        <Text className="admin-branch-head__sub">
          {branch.department} · 书记：{branch.secretary?.name ?? '暂未设置'} · 支委：{branch.committeeMember?.name ?? '暂未设置'}
        </Text>
        {canManage && (
          <Button className="open-invites" size="small" fill="outline" onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.adminInvites, { branchId }) })}>
            邀请码
          </Button>
        )}
      </View>
      <GroupsCard branch={branch} canManage={canManage} onChanged={summary.setData} />
      <Members branch={branch} isAdmin={isAdmin} canManage={canManage} onBranchChanged={summary.setData} />
    </View>
  );
}

export default withPageDisplay(AdminBranchPage);

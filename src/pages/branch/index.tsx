import { View, Text } from '@tarojs/components';
import { CellGroup } from '@nutui/nutui-react-taro';
import { MeGate } from '../../components/me-gate';
import { Card, InfoRow } from '../../components/card';
import { LessonAdminLinks } from '../../components/lesson-links';
import { LinkCell } from '../../components/link-cell';
import { ChatEntry } from './chat-entry';
import { MeetingsEntry } from './meetings-entry';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import type { BoundMe } from '../../hooks/use-me';
import { orgApi } from '../../platform/api';
import { canManageBranch, isCommitteeAdmin } from '../../domain/org/policies';
import { ORG_LIMITS } from '../../domain/org/limits';
import { actorOf } from '../../utils/actor';
import { ROUTES, withQuery } from '../../utils/routes';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

function BranchCard({ branchId }: { branchId: string }) {
  const state = useAsync(() => orgApi('branch.get', { branchId }), [branchId]);
  if (state.error) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingView />;
  const b = state.data;
  return (
    <>
      <Card title={<Text className="branch-name">{b.name}</Text>} className="branch-card">
        <InfoRow label="科室" value={b.department} valueClassName="branch-department" />
        <InfoRow label="支部书记" value={b.secretary?.name ?? '暂未设置'} valueClassName="branch-secretary" />
        <InfoRow label="支委" value={b.committeeMember?.name ?? '暂未设置'} valueClassName="branch-committee" />
        <InfoRow
          label="党员人数"
          value={`${b.memberCount} 人（已绑定 ${b.boundCount} 人，上限 ${ORG_LIMITS.branchMaxMembers} 人）`}
          valueClassName="branch-count"
        />
      </Card>
      <Card title="党小组" className="branch-groups">
        {b.groups.length === 0 ? (
          <Text className="muted">本支部暂未设立党小组</Text>
        ) : (
          b.groups.map((g) => (
            <View key={g._id} className="branch-group">
              <Text className="branch-group__name">{g.name}</Text>
              <Text className="branch-group__count">{g.memberCount} 人</Text>
            </View>
          ))
        )}
      </Card>
    </>
  );
}

function BranchTab({ me }: { me: BoundMe }) {
  const actor = actorOf(me.member);
  const branchId = me.member.branchId;
  const admin = isCommitteeAdmin(actor);
  const manages = branchId !== null && canManageBranch(actor, branchId);

  return (
    <>
      {branchId && <ChatEntry />}
      {branchId && <MeetingsEntry />}
      {branchId ? (
        <BranchCard branchId={branchId} />
      ) : admin ? null : (
        <Card>
          <EmptyView title="您尚未加入支部" description="请联系院党委将您编入支部" />
        </Card>
      )}

      {(manages || admin) && (
        <View className="branch-manage">
          <Text className="section-title">{manages ? '支部管理' : '院党委'}</Text>
          <CellGroup>
            {manages && branchId && (
              <>
                <LinkCell className="link-invites" title="邀请码" description="生成邀请码，让党员绑定身份" url={withQuery(ROUTES.adminInvites, { branchId })} />
                <LinkCell className="link-members" title="成员" description="党小组、成员与角色" url={withQuery(ROUTES.adminBranch, { branchId })} />
              </>
            )}
            {admin && <LinkCell className="link-org" title="组织管理" description="全院支部、书记与党员调动" url={ROUTES.adminOrg} />}
            {admin && <LinkCell className="link-meeting-matrix" title="各支部会议" description="三会一课与主题党日：已开、待开、逾期，提醒书记" url={ROUTES.meetingMatrix} />}
            {admin && <LinkCell className="link-meeting-cadence" title="会议频次" description="各类会议每月、每季度或每年应开" url={ROUTES.meetingCadence} />}
            {admin && <LinkCell className="link-chat-audit" title="各支部交流" description="查看与管理各支部交流，移除与置顶记录" url={ROUTES.chatAudit} />}
          </CellGroup>
        </View>
      )}

      <LessonAdminLinks member={me.member} />
    </>
  );
}

function BranchPage() {
  return (
    <View className="page page-branch">
      <MeGate>{(me) => <BranchTab me={me} />}</MeGate>
    </View>
  );
}

export default withPageDisplay(BranchPage);

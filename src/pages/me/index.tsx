import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, CellGroup } from '@nutui/nutui-react-taro';
import { MeGate } from '../../components/me-gate';
import { Card, InfoRow } from '../../components/card';
import { DisplaySettings } from '../../components/display-settings';
import { ReachStatus } from '../../components/reach-status';
import { LessonAdminLinks } from '../../components/lesson-links';
import { LinkCell } from '../../components/link-cell';
import { RoleTag } from '../../components/role-tag';
import { resetMe, type BoundMe } from '../../hooks/use-me';
import { clearSessionToken, supportsDemoLogin } from '../../platform/session';
import { canImportRoster, canManageOrganisation } from '../../domain/org/policies';
import { ROLE_LABELS } from '../../domain/org/types';
import { actorOf } from '../../utils/actor';
import { ROUTES } from '../../utils/routes';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

function switchPersona() {
  clearSessionToken();
  resetMe();
  void Taro.reLaunch({ url: ROUTES.demo });
}

function Profile({ me }: { me: BoundMe }) {
  const { member, branch, group } = me;
  const actor = actorOf(member);
  const admin = canManageOrganisation(actor);
  const roster = canImportRoster(actor);
  return (
    <>
      <Card className="profile">
        <View className="profile__head">
          <Text className="profile__name profile-name">{member.name}</Text>
          <RoleTag role={member.role} />
        </View>
        <InfoRow label="工号" value={member.employeeNo} valueClassName="profile-employee-no" />
        <InfoRow label="科室" value={member.department} valueClassName="profile-department" />
        <InfoRow label="支部" value={branch?.name ?? '未加入支部'} valueClassName="profile-branch" />
        <InfoRow label="党小组" value={group?.name ?? '未分组'} valueClassName="profile-group" />
        <InfoRow label="角色" value={ROLE_LABELS[member.role]} valueClassName="profile-role" />
      </Card>

      <View className="me-entries me-study">
        <CellGroup>
          <LinkCell className="link-lesson-history" title="学习记录" description="已完成的微党课、本周学习天数" url={ROUTES.lessonHistory} />
        </CellGroup>
      </View>

      <ReachStatus />

      <DisplaySettings />

      <LessonAdminLinks member={member} />

      {(admin || roster) && (
        <View className="me-entries">
          <Text className="section-title">院党委管理</Text>
          <CellGroup>
            {admin && <LinkCell className="link-org" title="组织管理" description="支部、党小组、书记与调动" url={ROUTES.adminOrg} />}
            {roster && <LinkCell className="link-roster" title="花名册导入" description="从 xlsx 或 csv 批量导入党员" url={ROUTES.adminRoster} />}
            {admin && <LinkCell className="link-reach-settings" title="提醒通道" description="微信、企业微信、短信的配置、测试与短信额度" url={ROUTES.adminReachSettings} />}
          </CellGroup>
        </View>
      )}

      {supportsDemoLogin && (
        <View className="block-actions">
          <Button className="switch-persona" block size="large" fill="outline" type="primary" onClick={switchPersona}>
            切换演示身份
          </Button>
        </View>
      )}
    </>
  );
}

function MePage() {
  return (
    <View className="page page-me">
      <MeGate>{(me) => <Profile me={me} />}</MeGate>
    </View>
  );
}

export default withPageDisplay(MePage);

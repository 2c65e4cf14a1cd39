import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Card, InfoRow } from '../../components/card';
import { MeGate } from '../../components/me-gate';
import type { BoundMe } from '../../hooks/use-me';
import { meViaHome, useHome } from '../../hooks/use-home';
import { prefetchPages } from '../../platform/prefetch-pages';
import { ROUTES } from '../../utils/routes';
import { ROLE_LABELS } from '../../domain/org/types';
import { CommitteeStudyCard, TodayLesson } from './today-lesson';
import { MeetingsDue, NextMeeting } from './next-meeting';
import { canManageBranch } from '../../domain/org/policies';
import { actorOf } from '../../utils/actor';
import { lessonAccess } from '../../utils/lesson-access';
import './index.scss';
import { pressable } from '../../utils/pressable';
import { withPageDisplay } from '../../components/page-display';

/** A short line to the notices tab while something is unread. */
function UnreadEntry({ unread }: { unread: number }) {
  if (unread <= 0) return null;
  return (
    <View className="home-unread" {...pressable(() => void Taro.switchTab({ url: ROUTES.notices }), 'link')}>
      <View className="home-unread__dot" />
      <Text className="home-unread__text">
        未读通知 <Text className="home-unread-count">{unread}</Text> 条
      </Text>
      <Text className="home-unread__arrow">›</Text>
    </View>
  );
}

/** The pages a member opens from the home page, fetched while idle once it shows (H5). */
const NEXT_PAGES = [ROUTES.lesson, ROUTES.notices, ROUTES.noticeDetail, ROUTES.me, ROUTES.meeting];

function Home({ me }: { me: BoundMe }) {
  const { member, branch, group, committeeName } = me;
  const home = useHome();
  useEffect(() => prefetchPages(NEXT_PAGES), []);
  return (
    <>
      <View className="home-greeting">
        <Text className="home-greeting__hello">您好，</Text>
        <Text className="home-greeting__name me-name">{member.name}</Text>
        <Text className="home-greeting__sub">{committeeName}</Text>
      </View>

      <UnreadEntry unread={home.data?.inbox.unreadCount ?? 0} />

      {member.branchId !== null ? (
        <TodayLesson me={me} view={home.data?.today ?? null} error={home.data ? null : home.error} reload={() => void home.reload()} />
      ) : lessonAccess(member).committee ? <CommitteeStudyCard /> : null}

      {member.branchId !== null && <NextMeeting data={home.data?.meetings ?? null} />}

      {/* Officers' nudge, from its own call: below the lesson card, so arriving later never pushes the card a member is about to tap. */}
      {member.branchId !== null && canManageBranch(actorOf(member), member.branchId) && <MeetingsDue branchId={member.branchId} />}

      <Card title="我的组织" className="home-org">
        <InfoRow label="支部" value={branch?.name ?? '未加入支部'} valueClassName="me-branch" />
        <InfoRow label="党小组" value={group?.name ?? '未分组'} valueClassName="me-group" />
        <InfoRow label="角色" value={ROLE_LABELS[member.role]} valueClassName="me-role" />
        <InfoRow label="医院" value={committeeName} valueClassName="me-committee" />
      </Card>

    </>
  );
}

function Index() {
  return (
    <View className="page page-home">
      <MeGate fetchMe={meViaHome}>{(me) => <Home me={me} />}</MeGate>
    </View>
  );
}

export default withPageDisplay(Index);

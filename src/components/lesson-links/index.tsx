import { View, Text } from '@tarojs/components';
import { CellGroup } from '@nutui/nutui-react-taro';
import type { MemberView } from '../../domain/api/org';
import { lessonAccess } from '../../utils/lesson-access';
import './index.scss';
import { ROUTES, withQuery } from '../../utils/routes';
import { LinkCell } from '../link-cell';

/** 微党课 administration: the branch's for officers, the hospital's for committee admins. */
export function LessonAdminLinks({ member }: { member: MemberView }) {
  const access = lessonAccess(member);
  const branchId = access.officerOf;
  if (!access.committee && !branchId) return null;
  return (
    <View className="lesson-admin-links">
      <Text className="section-title">微党课</Text>
      <CellGroup>
        {access.committee ? (
          <>
            <LinkCell className="link-lesson-committee" title="全院学习情况" description="各支部每日完成率，导出报表" url={ROUTES.lessonCommittee} />
            <LinkCell className="link-lesson-plan" title="中心课表" description="为全院支部统一排课" url={ROUTES.lessonPlan} />
            <LinkCell className="link-lesson-library" title="课程库" description="院党委微党课：视频、音频、图文" url={ROUTES.lessonLibrary} />
          </>
        ) : (
          branchId && (
            <>
              <LinkCell className="link-lesson-stats" title="学习情况" description="今日完成情况、未学名单与提醒" url={withQuery(ROUTES.lessonStats, { branchId })} />
              <LinkCell className="link-lesson-plan" title="支部课表" description="调整本支部每日微党课" url={withQuery(ROUTES.lessonPlan, { branchId })} />
              <LinkCell className="link-lesson-library" title="课程库" description="院党委课程与本支部课程" url={withQuery(ROUTES.lessonLibrary, { branchId })} />
            </>
          )
        )}
      </CellGroup>
    </View>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, ScrollView } from '@tarojs/components';
import { Card } from '../../components/card';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import type { CommitteeMatrix } from '../../domain/lesson/stats';
import { useAsync } from '../../hooks/use-async';
import { useMe } from '../../hooks/use-me';
import { lessonsApi } from '../../platform/api';
import { lessonAccess } from '../../utils/lesson-access';
import { rateClass, rateText, shortDay } from '../../utils/lesson-format';
import { ROUTES, withQuery } from '../../utils/routes';
import { ExportButton } from '../lesson-shared/export-button';
import { RateBars } from '../lesson-shared/rate-bars';
import '../lesson-shared/index.scss';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

type Period = 7 | 30;

const unboundTotal = (m: CommitteeMatrix): number => m.rows.reduce((n, r) => n + r.unbound, 0);

/** Branches × days: cells coloured by rate, rows by branch name — never ranked by rate. */
function Matrix({ m }: { m: CommitteeMatrix }) {
  const rows = [...m.rows].sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh'));
  const open = (branchId: string) => void Taro.navigateTo({ url: withQuery(ROUTES.lessonStats, { branchId }) });
  return (
    <View className="committee-table">
      <View className="committee-table__names">
        <Text className="committee-head committee-head--name">支部</Text>
        {rows.map((r) => (
          <Text key={r.branchId} className="committee-branch" onClick={() => open(r.branchId)}>
            {r.branchName}
          </Text>
        ))}
        <Text className="committee-branch committee-branch--total">全院</Text>
      </View>
      <ScrollView className="committee-table__scroll" scrollX>
        <View className="committee-table__grid">
          <View className="committee-line committee-line--head">
            {m.dates.map((d) => (
              <Text key={d} className="committee-head">
                {shortDay(d)}
              </Text>
            ))}
            <Text className="committee-head committee-head--sum">合计</Text>
            <Text className="committee-head committee-head--unbound">未绑定</Text>
          </View>
          {rows.map((r) => (
            <View key={r.branchId} className="committee-row committee-line" data-branch={r.branchId}>
              {r.days.map((d) => (
                <Text key={d.date} className={`committee-cell ${rateClass(d.ratePercent)}`}>
                  {rateText(d.ratePercent)}
                </Text>
              ))}
              <Text className={`committee-cell committee-cell--sum ${rateClass(r.summary.ratePercent)}`}>{rateText(r.summary.ratePercent)}</Text>
              <Text className="committee-cell committee-cell--unbound committee-unbound">{r.unbound > 0 ? `${r.unbound} 人` : ''}</Text>
            </View>
          ))}
          <View className="committee-line committee-line--total">
            {m.totals.map((t) => (
              <Text key={t.date} className={`committee-cell ${rateClass(t.ratePercent)}`}>
                {rateText(t.ratePercent)}
              </Text>
            ))}
            <Text className={`committee-cell committee-cell--sum ${rateClass(m.summary.ratePercent)}`}>{rateText(m.summary.ratePercent)}</Text>
            <Text className="committee-cell committee-cell--unbound committee-unbound-total">{unboundTotal(m) > 0 ? `${unboundTotal(m)} 人` : ''}</Text>
          </View>
        </View>
      </ScrollView>
    </View>
  );
}

function Committee() {
  const [days, setDays] = useState<Period>(7);
  const state = useAsync(() => lessonsApi('stats.committee', { days }), [days]);
  const m = state.data;
  return (
    <>
      <View className="committee-period chips">
        {([7, 30] as const).map((p) => (
          <Text key={p} className={`chip committee-${p} ${days === p ? 'is-active' : ''}`} onClick={() => setDays(p)}>
            近 {p} 天
          </Text>
        ))}
      </View>
      {state.error && !m ? (
        <ErrorView message={state.error} onRetry={state.reload} />
      ) : !m || m.dates.length !== days ? (
        <LoadingView rows={8} />
      ) : (
        <>
          <Card title="全院每日完成率" className="committee-totals">
            <Text className="committee-summary">
              {m.rows.length} 个支部，应学 {m.summary.expected} 人次，完成 {m.summary.completed} 人次，完成率 {rateText(m.summary.ratePercent)}
            </Text>
            <RateBars className="committee-chart" barClassName="committee-total-bar" bars={m.totals} />
          </Card>
          <Card title="各支部每日完成率" className="committee-matrix">
            <Text className="muted committee-note">按支部名称排列；颜色：绿 ≥90%，橙 60–90%，红 &lt;60%，灰为当天无课。点支部名称查看详情。</Text>
            {unboundTotal(m) > 0 && (
              <Text className="muted committee-unbound-note">完成率不含尚未绑定微信的 {unboundTotal(m)} 名党员（见“未绑定”列），可在支部的邀请码页邀请他们绑定。</Text>
            )}
            {m.rows.length === 0 ? <EmptyView title="暂无支部" /> : <Matrix m={m} />}
          </Card>
          <View className="block-actions">
            <ExportButton className="committee-export" label={`导出近 ${days} 天（Excel）`} input={{ report: 'committee', days }} />
          </View>
        </>
      )}
    </>
  );
}

function LessonCommitteePage() {
  const { me, error, refresh } = useMe();
  const frame = (body: JSX.Element) => <View className="page page-lesson-committee">{body}</View>;
  if (error) return frame(<ErrorView message={error} onRetry={refresh} />);
  if (!me) return frame(<LoadingView rows={6} />);
  if (!lessonAccess(me.member).committee) return frame(<EmptyView title="没有权限" description="院党委管理员可以查看全院学习情况" />);
  return frame(<Committee />);
}

export default withPageDisplay(LessonCommitteePage);

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { MeGate } from '../../components/me-gate';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import type { MatrixCell, MatrixView } from '../../domain/api/meetings';
import { DUE_STATE_LABELS } from '../../domain/meeting/types';
import { meetingsApi } from '../../platform/api';
import { toast, toastSuccess } from '../../platform/feedback';
import { errorMessage } from '../../utils/error-message';
import { formatClock } from '../../utils/format-time';
import { ROUTES, withQuery } from '../../utils/routes';
import { YearChips, thisYear } from '../meeting-shared/year-chips';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

const SYMBOL: Record<MatrixCell['state'], string> = { held: '✓', due: '待', overdue: '逾', not_required: '' };

type BranchLine = MatrixView['branches'][number];

function RemindButton({ b, onSent }: { b: BranchLine; onSent: (at: number) => void }) {
  const [busy, setBusy] = useState(false);
  const cooling = b.remindAvailableAt !== null && b.remindAvailableAt > Date.now();
  if (b.due + b.overdue === 0) return <Text className="matrix-ok">无待办</Text>;
  const remind = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const r = await meetingsApi('remindBranch', { branchId: b.branchId });
      onSent(r.remindAvailableAt);
      toastSuccess(r.secretaryName ? `已提醒${r.secretaryName}` : '已提醒');
    } catch (e) {
      toast(errorMessage(e, '提醒失败，请重试'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button className="matrix-remind" size="small" type="primary" fill="outline" loading={busy} disabled={busy || cooling} onClick={() => void remind()}>
      {cooling ? `${formatClock(b.remindAvailableAt ?? 0)}后可再提醒` : '提醒书记'}
    </Button>
  );
}

function Matrix() {
  const [year, setYear] = useState(thisYear);
  const state = useAsync(() => meetingsApi('matrix', { year }), [year]);
  if (state.error) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingView rows={8} />;
  const data = state.data;
  const setRemind = (branchId: string, at: number) =>
    state.setData({ ...data, branches: data.branches.map((b) => (b.branchId === branchId ? { ...b, remindAvailableAt: at } : b)) });
  return (
    <>
      <View className="matrix-toolbar">
        <YearChips years={[thisYear() - 1, thisYear()]} value={year} onChange={setYear} chipClassName="matrix-year" />
        <View className="matrix-legend">
          {(['held', 'due', 'overdue'] as const).map((s) => (
            <Text key={s} className={`matrix-legend__item matrix-cell--${s}`}>
              {SYMBOL[s]} {DUE_STATE_LABELS[s]}
            </Text>
          ))}
        </View>
      </View>
      <View className="matrix-hospital">
        <Button className="schedule-hospital-meeting" type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.meetingSchedule, { scope: 'hospital' }) })}>
          安排全院会议
        </Button>
        <Text className="matrix-hospital__hint">全院党课等：全体党员参会，计入每个支部的台账</Text>
      </View>
      <Card className="matrix-card">
        {data.branches.length === 0 ? (
          <EmptyView title="还没有支部" />
        ) : (
          <View className="matrix-wrap">
            <View className="matrix">
              <View className="matrix-tr matrix-th">
                <Text className="matrix-name">支部</Text>
                {data.months.map((m) => (
                  <Text key={m} className="matrix-cell">
                    {Number(m.slice(5))}月
                  </Text>
                ))}
                <Text className="matrix-action">操作</Text>
              </View>
              {data.branches.map((b) => (
                <View key={b.branchId} className="matrix-tr matrix-branch">
                  <View className="matrix-name">
                    <Text className="matrix-branch-name">{b.branchName}</Text>
                    <Text className="matrix-branch-meta">
                      书记 {b.secretaryName ?? '未设置'}
                      {b.overdue > 0 ? ` · 逾期 ${b.overdue}` : ''}
                      {b.due > 0 ? ` · 待开 ${b.due}` : ''}
                    </Text>
                  </View>
                  {b.cells.map((c) => (
                    <View key={c.month} className={`matrix-cell matrix-cell--${c.state}`} role="img" aria-label={`${Number(c.month.slice(5))}月 ${DUE_STATE_LABELS[c.state]}，已开 ${c.held}，待开 ${c.due}，逾期 ${c.overdue}`}>
                      {SYMBOL[c.state]}
                    </View>
                  ))}
                  <View className="matrix-action">
                    <RemindButton b={b} onSent={(at) => setRemind(b.branchId, at)} />
                  </View>
                </View>
              ))}
            </View>
          </View>
        )}
      </Card>
    </>
  );
}

function MeetingMatrixPage() {
  return (
    <View className="page m-page page-meeting-matrix">
      <MeGate>{() => <Matrix />}</MeGate>
    </View>
  );
}

export default withPageDisplay(MeetingMatrixPage);

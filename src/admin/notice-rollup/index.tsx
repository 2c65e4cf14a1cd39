import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { noticesApi } from '../../platform/api';
import type { RollupView } from '../../domain/api/notices';
import { expectedReaders } from '../../domain/notice/rules';
import { ratio } from '../../utils/notice-labels';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

type Row = RollupView['branches'][number];

/** The latest reminder's reach under the branch name: who an outside channel reached, who only saw it in-app. */
const reachLine = (reach: Row['reach']): string | null =>
  reach && reach.reached + reach.unreached > 0 ? `提醒送达 ${reach.reached} 人${reach.unreached ? `，未送达 ${reach.unreached} 人` : ''}` : null;

function NameCell({ name, reach, className }: { name: string; reach: Row['reach']; className: string }) {
  const line = reachLine(reach);
  return (
    <View className={`rollup-cell rollup-cell--name ${className}`}>
      <Text className="rollup-name">{name}</Text>
      {line && <Text className={`rollup-reach${reach?.unreached ? ' rollup-reach--short' : ''}`}>{line}</Text>}
    </View>
  );
}

/**
 * By branch name, never by rate: a table sorted worst-first reads as a list of who to blame, and the
 * product promises rankings that do not shame.
 */
const byName = (a: Row, b: Row): number => a.branchName.localeCompare(b.branchName, 'zh-Hans-CN');

function Table({ view }: { view: RollupView }) {
  const rows = [...view.branches].sort(byName);
  return (
    <View className="rollup-table">
      <View className="rollup-head">
        <Text className="rollup-cell rollup-cell--name">支部</Text>
        <Text className="rollup-cell">已读 / 应读</Text>
        <Text className="rollup-cell rollup-cell--unbound">未绑定</Text>
        <Text className="rollup-cell rollup-cell--rate">阅读率</Text>
      </View>
      {rows.map((b) => (
        <View key={b.branchId} className="rollup-row">
          <NameCell name={b.branchName} reach={b.reach} className="rollup-branch" />
          <Text className="rollup-cell rollup-read">{ratio(b.read, expectedReaders(b))}</Text>
          <Text className="rollup-cell rollup-cell--unbound rollup-unbound">{b.unbound || ''}</Text>
          <Text className="rollup-cell rollup-cell--rate rollup-rate">{b.ratePercent}%</Text>
        </View>
      ))}
      <View className="rollup-total">
        <NameCell name="合计" reach={view.total.reach} className="rollup-total-name" />
        <Text className="rollup-cell rollup-total-read">{ratio(view.total.read, expectedReaders(view.total))}</Text>
        <Text className="rollup-cell rollup-cell--unbound rollup-total-unbound">{view.total.unbound || ''}</Text>
        <Text className="rollup-cell rollup-cell--rate rollup-total-rate">{view.total.ratePercent}%</Text>
      </View>
    </View>
  );
}

function NoticeRollupPage() {
  const noticeId = useRouter().params.noticeId ?? '';
  const state = useAsync(() => noticesApi('rollup', { noticeId }), [noticeId], noticeId !== '');
  return (
    <View className="page page-notice-rollup">
      {!noticeId ? (
        <EmptyView title="缺少通知参数" description="请从通知的阅读情况页进入" />
      ) : state.error ? (
        <ErrorView message={state.error} onRetry={state.reload} />
      ) : !state.data ? (
        <LoadingView rows={8} />
      ) : (
        <>
          <Text className="page-intro rollup-title">{state.data.title}</Text>
          <Text className="page-intro">按支部名称排列；阅读率不含请假和未绑定微信的党员（未绑定的可在各支部邀请码页邀请）。</Text>
          <Table view={state.data} />
        </>
      )}
    </View>
  );
}

export default withPageDisplay(NoticeRollupPage);

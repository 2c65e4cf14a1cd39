import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { MeGate } from '../../components/me-gate';
import { Paragraphs } from '../../components/minutes-view';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import type { LedgerRow } from '../../domain/api/meetings';
import { MEETING_LIMITS } from '../../domain/meeting/limits';
import { meetingsApi } from '../../platform/api';
import { toast } from '../../platform/feedback';
import { canPrint, printPage } from '../../platform/print-page';
import { saveBase64File } from '../../platform/save-file';
import { errorMessage } from '../../utils/error-message';
import { formatDate } from '../../utils/format-time';
import { nameList } from '../../utils/meeting-format';
import { pressable } from '../../utils/pressable';
import { YearChips, thisYear } from '../meeting-shared/year-chips';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

/** The names and minutes under a row: folded on screen, always printed. */
function RowDetail({ row, open }: { row: LedgerRow; open: boolean }) {
  return (
    <View className={`ledger-detail ${open ? 'is-open' : ''}`}>
      <Text className="ledger-detail__line">
        {formatDate(row.startAt)} {row.typeLabel}：{row.topic}
        {row.place ? ` · ${row.place}` : ''} · 召集人 {row.organizerName}
      </Text>
      <Text className="ledger-detail__line">出席：{nameList(row.present)}</Text>
      <Text className="ledger-detail__line">请假：{nameList(row.leave)}</Text>
      <Text className="ledger-detail__line">缺席：{nameList(row.absent)}</Text>
      <Text className="ledger-detail__line">补学：{nameList(row.madeUp)}</Text>
      {row.minutesStatus === 'published' ? (
        <>
          <Text className="ledger-detail__line">记录人：{row.recorderName ?? ''}</Text>
          <Paragraphs text={row.minutesContent} className="ledger-minutes" />
          {row.resolutions && <Paragraphs text={`决议：${row.resolutions}`} />}
        </>
      ) : (
        <Text className="ledger-detail__line muted">会议记录未发布</Text>
      )}
    </View>
  );
}

function Ledger({ branchId }: { branchId: string }) {
  const [year, setYear] = useState(thisYear);
  const [open, setOpen] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const state = useAsync(() => meetingsApi('ledger', { branchId, year }), [branchId, year]);
  const years = Array.from({ length: MEETING_LIMITS.ledgerYearsBack + 1 }, (_, i) => thisYear() - i);

  const exportXlsx = async () => {
    if (exporting) return;
    setExporting(true);
    try {
      const file = await meetingsApi('exportLedger', { branchId, year });
      await saveBase64File(file.fileName, file.base64);
    } catch (e) {
      toast(errorMessage(e, '导出失败，请重试'));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <View className="ledger-toolbar">
        <YearChips years={years} value={year} onChange={setYear} />
        <View className="ledger-buttons">
          <Button className="ledger-export" type="primary" size="small" loading={exporting} disabled={exporting} onClick={() => void exportXlsx()}>
            导出 Excel
          </Button>
          {canPrint && (
            <Button className="ledger-print" type="primary" fill="outline" size="small" onClick={printPage}>
              打印
            </Button>
          )}
        </View>
      </View>
      {state.error ? (
        <ErrorView message={state.error} onRetry={state.reload} />
      ) : !state.data ? (
        <LoadingView rows={8} />
      ) : (
        <>
          <Text className="ledger-title">
            {state.data.branchName} {state.data.year} 年三会一课台账
          </Text>
          <Card title="开展情况" className="ledger-summary">
            <View className="ledger-summary__grid">
              {state.data.summary.map((s) => (
                <View key={s.type} className={`ledger-summary__cell ${s.required > s.held ? 'is-short' : ''}`}>
                  <Text className="ledger-summary__type">{s.typeLabel}</Text>
                  <Text className="ledger-summary__n">
                    {s.held}
                    {s.required > 0 ? ` / ${s.required}` : ''}
                  </Text>
                </View>
              ))}
            </View>
            <Text className="muted ledger-summary__hint">已开 / 截至目前应开</Text>
          </Card>
          <Card title={`会议（${state.data.rows.length}）`} className="ledger-meetings">
            {state.data.rows.length === 0 ? (
              <EmptyView title="本年度还没有召开会议" />
            ) : (
              <View className="ledger-table-wrap">
                <View className="ledger-table">
                  <View className="ledger-tr ledger-th">
                    {['日期', '类型', '主题', '应到', '实到', '请假', '缺席', '补学', '记录'].map((h) => (
                      <Text key={h} className="ledger-td">
                        {h}
                      </Text>
                    ))}
                  </View>
                  {state.data.rows.map((r) => (
                    <View key={r.meetingId} className="ledger-row-group">
                      <View className={`ledger-tr ledger-row ${open === r.meetingId ? 'is-open' : ''}`} {...pressable(() => setOpen(open === r.meetingId ? null : r.meetingId))} aria-expanded={open === r.meetingId}>
                        <Text className="ledger-td">{formatDate(r.startAt).slice(5)}</Text>
                        <Text className="ledger-td">{r.typeLabel}</Text>
                        <Text className="ledger-td ledger-topic">{r.topic}</Text>
                        <Text className="ledger-td ledger-n">{r.counts.expected}</Text>
                        <Text className="ledger-td ledger-n">{r.counts.present}</Text>
                        <Text className="ledger-td ledger-n">{r.counts.leave}</Text>
                        <Text className="ledger-td ledger-n">{r.counts.absent}</Text>
                        <Text className="ledger-td ledger-n">{r.counts.madeUp}</Text>
                        <Text className="ledger-td">{r.minutesStatus === 'published' ? '已发布' : '—'}</Text>
                      </View>
                      <RowDetail row={r} open={open === r.meetingId} />
                    </View>
                  ))}
                </View>
              </View>
            )}
          </Card>
        </>
      )}
    </>
  );
}

function MeetingLedgerPage() {
  const params = useRouter().params;
  return (
    <View className="page m-page page-meeting-ledger">
      <MeGate>
        {(me) => {
          const branchId = params.branchId || me.member.branchId;
          return branchId ? <Ledger branchId={branchId} /> : <EmptyView title="缺少支部参数" description="请从支部的会议页进入" />;
        }}
      </MeGate>
    </View>
  );
}

export default withPageDisplay(MeetingLedgerPage);

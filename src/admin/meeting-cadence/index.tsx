import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { MeGate } from '../../components/me-gate';
import { ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { CADENCES, CADENCE_LABELS, MEETING_TYPES, MEETING_TYPE_LABELS, type CadenceTable } from '../../domain/meeting/types';
import { meetingsApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import { errorMessage } from '../../utils/error-message';
import { formatDateTime } from '../../utils/format-time';
import { pressable } from '../../utils/pressable';
import '../meeting-shared/form.scss';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

/** The committee office sets how often each meeting type is due; branches see due / overdue from it. */
function Cadence() {
  const state = useAsync(() => meetingsApi('cadence', {}), []);
  const [table, setTable] = useState<CadenceTable | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (state.data) setTable(state.data.table);
  }, [state.data]);
  if (state.error) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data || !table) return <LoadingView rows={7} />;
  const changed = MEETING_TYPES.some((t) => table[t] !== state.data?.table[t]);

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      state.setData(await meetingsApi('setCadence', { table }));
      toastSuccess('已保存');
    } catch (e) {
      setError(errorMessage(e, '保存失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Text className="page-intro">
        {state.data.isDefault ? '目前使用常见做法的默认频次。' : `上次修改：${formatDateTime(state.data.updatedAt ?? 0)}。`}各支部据此看到本月、本季度、本年度应开和逾期的会议。
      </Text>
      <Card className="cadence-card">
        {MEETING_TYPES.map((t) => (
          <View key={t} className={`cadence-row cadence-${t}`}>
            <Text className="cadence-row__type" id={`cadence-label-${t}`}>
              {MEETING_TYPE_LABELS[t]}
            </Text>
            <View className="cadence-row__options" role="radiogroup" aria-labelledby={`cadence-label-${t}`}>
              {CADENCES.map((c) => (
                <Text key={c} className={`cadence-option cadence-option-${c} ${table[t] === c ? 'is-on' : ''}`} aria-checked={table[t] === c} {...pressable(() => setTable({ ...table, [t]: c }), 'radio')}>
                  {CADENCE_LABELS[c]}
                </Text>
              ))}
            </View>
          </View>
        ))}
      </Card>
      {error && <Text className="form-error cadence-error">{error}</Text>}
      <View className="block-actions">
        <Button className="cadence-save" type="primary" size="large" block loading={busy} disabled={busy || !changed} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </>
  );
}

function MeetingCadencePage() {
  return (
    <View className="page m-page page-meeting-cadence">
      <MeGate>{() => <Cadence />}</MeGate>
    </View>
  );
}

export default withPageDisplay(MeetingCadencePage);

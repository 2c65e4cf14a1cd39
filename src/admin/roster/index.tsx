import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Progress } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { attachFileInput, type FilePicker, type PickedFile } from '../../platform/pick-file';
import { ORG_LIMITS } from '../../domain/org/limits';
import type { RosterRowError } from '../../domain/api/org';
import { formatBytes } from '../../utils/file-size';
import { ColumnsCard } from './columns-card';
import { useRosterImport, type RosterStep } from './use-roster-import';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

const rowErrorText = (e: RosterRowError): string => `第 ${e.row} 行 · ${e.column ?? '整行'}：${e.message}`;

function usePicker(onFile: (file: PickedFile) => void, onError: (message: string) => void): { open: () => void } {
  const picker = useRef<FilePicker | null>(null);
  const handlers = useRef({ onFile, onError });
  handlers.current = { onFile, onError };
  useEffect(() => {
    // Attached on mount so the H5 <input class="roster-file-input"> exists before any click.
    picker.current = attachFileInput({
      extensions: ['xlsx', 'csv'],
      maxBytes: ORG_LIMITS.rosterMaxBytes,
      tooLargeMessage: `文件过大（上限 ${formatBytes(ORG_LIMITS.rosterMaxBytes)}），请删去无关的工作表或列后再试`,
      className: 'roster-file-input',
      onFile: (f) => handlers.current.onFile(f),
      onError: (m) => handlers.current.onError(m),
    });
    return () => picker.current?.detach();
  }, []);
  return { open: () => picker.current?.open() };
}

function Result({ state, onApply }: { state: RosterStep; onApply: (jobId: string, total: number) => void }) {
  switch (state.step) {
    case 'idle':
      return null;
    case 'validating':
      return <Text className="roster-status">正在校验「{state.fileName}」…</Text>;
    case 'invalid': {
      const { result } = state;
      return (
        <View className="roster-invalid">
          <Text className="roster-invalid__title">「{state.fileName}」未通过校验，未导入任何数据</Text>
          {result.headerError && <Text className="roster-header-error">{result.headerError}</Text>}
          {result.errors.length > 0 && <Text className="muted">共 {result.errors.length} 处错误，请修改表格后重新选择：</Text>}
          {result.errors.map((e, i) => (
            <Text key={`${e.row}-${i}`} className="roster-error">
              {rowErrorText(e)}
            </Text>
          ))}
        </View>
      );
    }
    case 'valid': {
      const r = state.result;
      return (
        <View className="roster-valid">
          <Text className="roster-summary">
            共 {r.total} 行：新增 {r.creates}、更新 {r.updates}、调动 {r.moves}
          </Text>
          <Text className="muted">校验通过，确认后开始写入。</Text>
          <Button className="roster-apply" type="primary" size="large" block onClick={() => onApply(r.jobId, r.total)}>
            确认导入
          </Button>
        </View>
      );
    }
    case 'applying': {
      const applied = state.job?.applied ?? 0;
      const total = state.job?.total ?? state.total;
      return (
        <View className="roster-applying">
          <Text className="roster-status">
            正在导入 {applied}/{total}
          </Text>
          <Progress className="roster-progress" percent={total > 0 ? Math.round((applied / total) * 100) : 0} showText animated />
        </View>
      );
    }
    case 'done': {
      const j = state.job;
      return (
        <View className="roster-done">
          <Text className="roster-done__title">导入完成</Text>
          <Text className="roster-summary">
            共 {j.total} 行：新增 {j.creates}、更新 {j.updates}、调动 {j.moves}
          </Text>
        </View>
      );
    }
  }
}

function RosterPage() {
  const roster = useRosterImport();
  const picker = usePicker((f) => void roster.validate(f), roster.setError);
  const { state, error } = roster;
  const busy = state.step === 'validating' || (state.step === 'applying' && !error);

  return (
    <View className="page page-admin-roster">
      <ColumnsCard />
      <Card title="导入" className="roster-import">
        {state.step !== 'done' && (
          <Button className="roster-pick" type="primary" fill={state.step === 'valid' ? 'outline' : 'solid'} size="large" block disabled={busy} onClick={picker.open}>
            {state.step === 'idle' ? '选择花名册文件' : '重新选择文件'}
          </Button>
        )}
        <Result state={state} onApply={(jobId, total) => void roster.apply(jobId, state.step === 'valid' ? state.fileName : '', total)} />
        {error && <Text className="form-error">{error}</Text>}
        {error && state.step === 'applying' && (
          <Button className="roster-resume" type="primary" block onClick={() => void roster.apply(state.jobId, state.fileName, state.total)}>
            继续导入
          </Button>
        )}
        {state.step === 'done' && (
          <View className="actions">
            <Button className="roster-again" fill="outline" onClick={roster.reset}>
              再导入一个文件
            </Button>
            <Button className="roster-back" type="primary" onClick={() => void Taro.navigateBack()}>
              返回
            </Button>
          </View>
        )}
      </Card>
    </View>
  );
}

export default withPageDisplay(RosterPage);

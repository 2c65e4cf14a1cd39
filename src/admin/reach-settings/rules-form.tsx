import { useState } from 'react';
import * as v from 'valibot';
import { View, Text } from '@tarojs/components';
import { Button, Switch } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { TextField } from '../../components/text-field';
import { orgApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import type { ReachSettingsView } from '../../domain/api/org';
import { reachSettingsInput } from '../../domain/reach/settings';
import { errorMessage } from '../../utils/error-message';

type Rules = ReachSettingsView['settings'];

/** Text fields hold what was typed; numbers are parsed on save so the schema names what is wrong. */
const toNumber = (text: string): number | string => (/^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text);

/** The SMS cap, quiet hours and the optional second round; validated here and again by the function. */
export function RulesForm({ rules, onSaved }: { rules: Rules; onSaved: (view: ReachSettingsView) => void }) {
  const [cap, setCap] = useState(String(rules.smsMonthlyCap));
  const [quietStart, setQuietStart] = useState(rules.quietStart);
  const [quietEnd, setQuietEnd] = useState(rules.quietEnd);
  const [secondRound, setSecondRound] = useState(rules.secondRoundAfterHours !== null);
  const [hours, setHours] = useState(String(rules.secondRoundAfterHours ?? 4));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const parsed = v.safeParse(reachSettingsInput, {
      smsMonthlyCap: cap.trim() === '' ? undefined : toNumber(cap),
      quietStart,
      quietEnd,
      secondRoundAfterHours: secondRound ? (hours.trim() === '' ? undefined : toNumber(hours)) : null,
    });
    if (!parsed.success) return setError(parsed.issues[0]?.message ?? '请检查填写内容');
    setError(null);
    setBusy(true);
    try {
      onSaved(await orgApi('reach.saveSettings', parsed.output));
      toastSuccess('已保存');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="提醒规则" className="reach-rules">
      <TextField className="field-sms-cap" label="短信每月上限（条）" value={cap} onChange={setCap} maxLength={6} hint="仅用于紧急通知和会议提醒；填 0 不发短信" />
      <View className="reach-rules__pair">
        <TextField className="field-quiet-start" label="免打扰开始" value={quietStart} onChange={setQuietStart} maxLength={5} placeholder="22:00" />
        <TextField className="field-quiet-end" label="免打扰结束" value={quietEnd} onChange={setQuietEnd} maxLength={5} placeholder="07:00" />
      </View>
      <Text className="reach-rules__hint">免打扰时段内的普通提醒推迟到结束时发出，紧急通知不受限制（北京时间）。</Text>
      <View className="reach-rules__switch">
        <Text className="reach-rules__switch-label">未读者第二轮提醒</Text>
        <Switch className="second-round-switch" checked={secondRound} onChange={setSecondRound} />
      </View>
      {secondRound && <TextField className="field-second-round" label="首轮后间隔（小时）" value={hours} onChange={setHours} maxLength={2} hint="仍未读的党员将通过下一个可用通道再提醒一次" />}
      {error && <Text className="form-error reach-rules__error">{error}</Text>}
      <Button className="save-reach-rules" block type="primary" loading={busy} disabled={busy} onClick={save}>
        保存
      </Button>
    </Card>
  );
}

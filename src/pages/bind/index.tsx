import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Tabs } from '@nutui/nutui-react-taro';
import { TextField } from '../../components/text-field';
import { orgApi } from '../../platform/api';
import { useFormError } from '../../hooks/use-form-error';
import { primeMe } from '../../hooks/use-me';
import { ensureSession } from '../../platform/session';
import { inviteCodeFromQuery } from '../../domain/org/invite-link';
import { orgInput, type MeView } from '../../domain/api/org';
import { normaliseInviteCode } from '../../domain/org/invite';
import { errorMessage } from '../../utils/error-message';
import { firstIssue } from '../../utils/validate';
import { ROUTES } from '../../utils/routes';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

type Path = 'invite' | 'roster';

/** Submits one binding path; shows the server's message under the form on failure. */
function useBind(values: unknown) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useFormError(values);
  const submit = async (localIssue: string | null, call: () => Promise<MeView>) => {
    if (busy) return;
    if (localIssue) return setError(localIssue);
    setBusy(true);
    setError(null);
    try {
      await ensureSession();
      const me = await call();
      primeMe(me);
      await Taro.switchTab({ url: ROUTES.home });
    } catch (e) {
      setError(errorMessage(e, '绑定失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}

function InviteForm({ initialCode }: { initialCode: string }) {
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [employeeNo, setEmployeeNo] = useState('');
  const { busy, error, submit } = useBind([code, name, employeeNo]);
  const input = { code: normaliseInviteCode(code), name: name.trim(), employeeNo: employeeNo.trim() };
  return (
    <View className="bind-form bind-form--invite">
      <Text className="bind-form__purpose">支部书记发给您的邀请码，适合新加入或花名册中还没有您的情况。</Text>
      <TextField className="invite-code" label="邀请码" value={code} onChange={setCode} placeholder="8 位邀请码" maxLength={20} />
      <TextField className="invite-name" label="姓名" value={name} onChange={setName} />
      <TextField className="invite-employee-no" label="工号" value={employeeNo} onChange={setEmployeeNo} maxLength={20} />
      {error && <Text className="form-error">{error}</Text>}
      <Button
        className="submit-invite"
        type="primary"
        size="large"
        block
        loading={busy}
        onClick={() => void submit(firstIssue(orgInput['bind.invite'], input), () => orgApi('bind.invite', input))}
      >
        绑定
      </Button>
    </View>
  );
}

function RosterForm() {
  const [name, setName] = useState('');
  const [employeeNo, setEmployeeNo] = useState('');
  const { busy, error, submit } = useBind([name, employeeNo]);
  const input = { name: name.trim(), employeeNo: employeeNo.trim() };
  return (
    <View className="bind-form bind-form--roster">
      <Text className="bind-form__purpose">院党委已导入花名册时，填写姓名和工号即可直接匹配，无需邀请码。</Text>
      <TextField className="roster-name" label="姓名" value={name} onChange={setName} />
      <TextField className="roster-employee-no" label="工号" value={employeeNo} onChange={setEmployeeNo} maxLength={20} />
      {error && <Text className="form-error">{error}</Text>}
      <Button
        className="submit-roster"
        type="primary"
        size="large"
        block
        loading={busy}
        onClick={() => void submit(firstIssue(orgInput['bind.roster'], input), () => orgApi('bind.roster', input))}
      >
        匹配并绑定
      </Button>
    </View>
  );
}

function BindPage() {
  const [tab, setTab] = useState<Path>('invite');
  // From a share card, an invite link or a scanned code: the code is already filled in.
  const initialCode = inviteCodeFromQuery(useRouter().params);
  return (
    <View className="page page-bind">
      <View className="bind-intro">
        <Text className="bind-intro__title">首次使用，请绑定党员身份</Text>
        <Text className="bind-intro__text">绑定一次即可，之后打开小程序直接进入您的支部。</Text>
      </View>
      {/* Tabs only switch; the active form renders below so exactly one form (and one .form-error) exists. */}
      <Tabs className="bind-tabs" value={tab} onChange={(value) => setTab(value === 'roster' ? 'roster' : 'invite')}>
        <Tabs.TabPane title="邀请码" value="invite" />
        <Tabs.TabPane title="花名册匹配" value="roster" />
      </Tabs>
      {initialCode && tab === 'invite' && <Text className="bind-prefilled">已填入邀请码，请填写姓名和工号</Text>}
      {tab === 'invite' ? <InviteForm initialCode={initialCode} /> : <RosterForm />}
    </View>
  );
}

export default withPageDisplay(BindPage);

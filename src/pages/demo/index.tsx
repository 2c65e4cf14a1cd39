import { useLayoutEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { resetMe } from '../../hooks/use-me';
import { removeEntryShell } from '../../platform/entry-shell';
import { listDemoPersonas, signInAsNewUser, signInAsPersona, supportsDemoLogin, type DemoPersona } from '../../platform/session';
import { toast } from '../../platform/feedback';
import { groupPersonas } from '../../utils/personas';
import { ROUTES } from '../../utils/routes';
import { DEMO_HEADER_TEXT, DEMO_HEADER_TITLE } from './header-copy';
import './index.scss';
import { pressable } from '../../utils/pressable';
import { withPageDisplay } from '../../components/page-display';

const SIGN_IN_FAILED = '登录失败，请确认本地服务正在运行';

function PersonaRow({ persona, busy, onPick }: { persona: DemoPersona; busy: boolean; onPick: () => void }) {
  const where = [persona.branchName, persona.groupName].filter(Boolean).join(' · ') || '院党委';
  return (
    <View className={`persona ${busy ? 'persona--busy' : ''}`} {...pressable(onPick)}>
      <View className="persona__main">
        <Text className="persona-name">{persona.name}</Text>
        <Text className="persona__role">{persona.roleLabel}</Text>
      </View>
      <Text className="persona__where">{busy ? '正在进入…' : where}</Text>
    </View>
  );
}

function Personas() {
  const state = useAsync(listDemoPersonas, []);
  const [busyId, setBusyId] = useState<string | null>(null);

  const pick = async (memberId: string) => {
    if (busyId) return;
    setBusyId(memberId);
    try {
      await signInAsPersona(memberId);
      resetMe();
      await Taro.switchTab({ url: ROUTES.home });
    } catch {
      toast(SIGN_IN_FAILED);
    } finally {
      setBusyId(null);
    }
  };

  const asNewUser = async () => {
    if (busyId) return;
    setBusyId('new');
    try {
      await signInAsNewUser();
      resetMe();
      await Taro.redirectTo({ url: ROUTES.bind });
    } catch {
      toast(SIGN_IN_FAILED);
    } finally {
      setBusyId(null);
    }
  };

  if (state.error) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingView rows={6} />;
  if (state.data.length === 0) return <EmptyView title="没有演示身份" description="本地服务未加载演示数据" />;

  return (
    <>
      {groupPersonas(state.data).map((g) => (
        <View key={g.label} className="persona-group">
          <Text className="section-title">{g.label}</Text>
          {g.personas.map((p) => (
            <PersonaRow key={p.memberId} persona={p} busy={busyId === p.memberId} onPick={() => void pick(p.memberId)} />
          ))}
        </View>
      ))}
      <View className="block-actions">
        <Button className="sign-in-new" block size="large" fill="outline" type="primary" loading={busyId === 'new'} onClick={() => void asNewUser()}>
          以新用户身份体验绑定
        </Button>
        <Text className="demo-note">新用户尚未绑定党员身份，可体验邀请码或花名册匹配绑定。</Text>
      </View>
    </>
  );
}

function DemoPage() {
  // index.html painted this page's bar and header before the app ran; the page now takes their place.
  useLayoutEffect(removeEntryShell, []);
  return (
    <View className="page page-demo">
      <View className="demo-header">
        <Text className="demo-header__title">{DEMO_HEADER_TITLE}</Text>
        <Text className="demo-header__text">{DEMO_HEADER_TEXT}</Text>
      </View>
      {supportsDemoLogin ? <Personas /> : <EmptyView title="演示模式不可用" description="仅本地部署可用" />}
    </View>
  );
}

export default withPageDisplay(DemoPage);

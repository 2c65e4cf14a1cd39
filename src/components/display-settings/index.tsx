import { View, Text } from '@tarojs/components';
import { useDisplay } from '../../hooks/use-display';
import type { DisplayChoice } from '../../utils/display-settings';
import { pressable } from '../../utils/pressable';
import './index.scss';

const OPTIONS: Array<{ value: DisplayChoice; label: string }> = [
  { value: 'system', label: '跟随系统' },
  { value: 'on', label: '开启' },
  { value: 'off', label: '关闭' },
];

function ChoiceRow({ name, title, hint, value, onChange }: { name: string; title: string; hint: string; value: DisplayChoice; onChange: (v: DisplayChoice) => void }) {
  return (
    <View className={`display-row display-${name}`}>
      <View className="display-row__text">
        <Text className="display-row__title" id={`display-${name}-label`}>
          {title}
        </Text>
        <Text className="display-row__hint">{hint}</Text>
      </View>
      <View className="display-row__options" role="radiogroup" aria-labelledby={`display-${name}-label`}>
        {OPTIONS.map((o) => (
          <View
            key={o.value}
            className={`display-option display-${name}-${o.value} ${value === o.value ? 'display-option--active' : ''}`}
            aria-checked={value === o.value}
            {...pressable(() => onChange(o.value), 'radio')}
          >
            {o.label}
          </View>
        ))}
      </View>
    </View>
  );
}

/** 我的 → 显示设置: care mode and night theme, following WeChat / the system unless the member chooses. */
export function DisplaySettings() {
  const { prefs, display, update } = useDisplay();
  return (
    <View className="display-settings">
      <Text className="section-title">显示设置</Text>
      <View className="display-settings__card">
        <ChoiceRow
          name="large"
          title="大字模式"
          hint={display.largeText ? '当前：大字' : '当前：标准字号'}
          value={prefs.largeText}
          onChange={(largeText) => update({ largeText })}
        />
        <ChoiceRow name="dark" title="夜间模式" hint={display.dark ? '当前：夜间' : '当前：日间'} value={prefs.dark} onChange={(dark) => update({ dark })} />
      </View>
    </View>
  );
}

import { View, Text } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import './index.scss';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  /** e.g. `field-code`: tests fill `.field-code input`. */
  className?: string;
  hint?: string;
  disabled?: boolean;
}

/** A labelled single-line input, label above so long Chinese labels never squeeze the field. */
export function TextField({ label, value, onChange, placeholder, maxLength = 30, className, hint, disabled = false }: TextFieldProps) {
  return (
    <View className={`text-field ${className ?? ''}`}>
      <Text className="text-field__label">{label}</Text>
      <Input
        className="text-field__input"
        value={value}
        onChange={onChange}
        placeholder={placeholder ?? `请输入${label}`}
        maxLength={maxLength}
        clearable={!disabled}
        disabled={disabled}
      />
      {hint && <Text className="text-field__hint">{hint}</Text>}
    </View>
  );
}

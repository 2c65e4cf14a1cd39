/**
 * Props that make a plain View behave as a button (or link) for keyboards and screen readers on H5: a
 * role and a place in the tab order. Enter / Space then click it (src/platform/a11y.ts), as they would
 * a native button. The mini program ignores both.
 */
export interface PressableProps {
  role: 'button' | 'link' | 'radio' | 'checkbox';
  tabIndex: number;
  onClick: () => void;
}

export function pressable(onPress: () => void, role: PressableProps['role'] = 'button'): PressableProps {
  return { role, tabIndex: 0, onClick: onPress };
}

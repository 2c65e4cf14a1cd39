/**
 * Props that make a plain View behave as a button (or link) for keyboards and screen readers on H5:
 * a role, a place in the tab order, and Enter / Space to activate. The mini program ignores them.
 */
export interface PressableProps {
  role: 'button' | 'link' | 'radio' | 'checkbox';
  tabIndex: number;
  onClick: () => void;
  onKeyDown: (event: { key?: string; preventDefault?: () => void }) => void;
}

export function pressable(onPress: () => void, role: PressableProps['role'] = 'button'): PressableProps {
  return {
    role,
    tabIndex: 0,
    onClick: onPress,
    onKeyDown: (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault?.();
        onPress();
      }
    },
  };
}

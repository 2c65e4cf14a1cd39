import { useCallback, useRef, useState } from 'react';
import { Text } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';

interface Ask {
  title: string;
  content: string;
  confirmText: string;
}

/**
 * A promise-returning confirmation (the privacy guard, @全体成员, removal): `await confirm({...})`
 * resolves true on 确认. Rendered as a NutUI Dialog so it looks the same on both builds.
 */
export function useConfirm(): { confirm: (ask: Ask) => Promise<boolean>; dialog: JSX.Element } {
  const [ask, setAsk] = useState<Ask | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);

  const confirm = useCallback(
    (next: Ask) =>
      new Promise<boolean>((resolve) => {
        resolver.current?.(false);
        resolver.current = resolve;
        setAsk(next);
      }),
    [],
  );
  const answer = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setAsk(null);
  };

  const dialog = (
    <Dialog
      className="chat-confirm"
      visible={ask !== null}
      title={ask?.title ?? ''}
      confirmText={ask?.confirmText ?? '确定'}
      cancelText="取消"
      closeOnOverlayClick={false}
      onConfirm={() => answer(true)}
      onCancel={() => answer(false)}
      onClose={() => answer(false)}
    >
      <Text className="chat-confirm__content">{ask?.content ?? ''}</Text>
    </Dialog>
  );
  return { confirm, dialog };
}

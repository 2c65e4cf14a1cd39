import { useEffect, type ReactNode } from 'react';
import { useFormError } from '../../hooks/use-form-error';
import { View, Text } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import { errorMessage } from '../../utils/error-message';
import './index.scss';

interface FormDialogProps {
  visible: boolean;
  title: string;
  confirmText?: string;
  /** Runs the action; a thrown ApiError keeps the dialog open and shows its message under the form. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  children?: ReactNode;
  className?: string;
  /** The form's fields: an error clears as soon as they change (it no longer describes them). */
  values?: unknown;
}

/** A NutUI Dialog for short forms and confirmations: busy state on the button, inline server errors. */
export function FormDialog({ visible, title, confirmText = '确定', onConfirm, onClose, children, className, values }: FormDialogProps) {
  const [error, setError] = useFormError(values);
  useEffect(() => {
    if (visible) setError(null);
  }, [visible, setError]);

  const confirm = async () => {
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(errorMessage(e));
      throw e; // NutUI keeps the dialog open when onConfirm rejects
    }
  };

  return (
    <Dialog
      className={`form-dialog ${className ?? ''}`}
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText="取消"
      closeOnOverlayClick={false}
      onConfirm={confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className="form-dialog__body">
        {children}
        {error && <Text className="form-error">{error}</Text>}
      </View>
    </Dialog>
  );
}

import { useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import type { LessonsInput } from '../../domain/api/lessons';
import { lessonsApi } from '../../platform/api';
import { toast } from '../../platform/feedback';
import { saveBase64File } from '../../platform/save-file';
import { errorMessage } from '../../utils/error-message';

/** 导出 Excel: the function builds the sheet; the platform saves (H5 download) or opens it (WeChat). */
export function ExportButton({ input, label = '导出 Excel', className }: { input: LessonsInput<'stats.export'>; label?: string; className: string }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const file = await lessonsApi('stats.export', input);
      await saveBase64File(file.fileName, file.base64);
    } catch (e) {
      toast(errorMessage(e, '导出失败，请重试'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button className={`lesson-export ${className}`} fill="outline" type="primary" loading={busy} onClick={() => void run()}>
      {label}
    </Button>
  );
}

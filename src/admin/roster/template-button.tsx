import { useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { orgApi } from '../../platform/api';
import { toast } from '../../platform/feedback';
import { saveBase64File } from '../../platform/save-file';
import { errorMessage } from '../../utils/error-message';

/** 下载模板: an xlsx with the columns above and an example row, built by the org function. */
export function TemplateButton() {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const file = await orgApi('roster.template', {});
      await saveBase64File(file.fileName, file.base64);
    } catch (e) {
      toast(errorMessage(e, '模板下载失败，请重试'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button className="roster-template" type="primary" fill="outline" block loading={busy} onClick={() => void download()}>
      下载导入模板（xlsx）
    </Button>
  );
}

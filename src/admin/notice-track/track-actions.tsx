import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormDialog } from '../../components/form-dialog';
import { noticesApi } from '../../platform/api';
import { toast, toastSuccess } from '../../platform/feedback';
import { saveBase64File } from '../../platform/save-file';
import type { TrackingView } from '../../domain/api/notices';
import { errorMessage } from '../../utils/error-message';
import { ROUTES, withQuery } from '../../utils/routes';

/** Export, edit / correct, withdraw, and (committee notices) the per-branch rollup. */
export function TrackActions({ view, onChanged }: { view: TrackingView; onChanged: () => void }) {
  const { notice } = view;
  const [exporting, setExporting] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const withdrawn = notice.status === 'withdrawn';
  const go = (url: string) => void Taro.navigateTo({ url });

  const exportFile = async () => {
    if (exporting) return;
    setExporting(true);
    try {
      const file = await noticesApi('export', { noticeId: notice.noticeId });
      await saveBase64File(file.fileName, file.base64);
    } catch (e) {
      toast(errorMessage(e, '导出失败，请重试'));
    } finally {
      setExporting(false);
    }
  };

  const withdraw = async () => {
    await noticesApi('withdraw', { noticeId: notice.noticeId });
    setWithdrawing(false);
    toastSuccess('已撤回');
    onChanged();
  };

  return (
    <View className="track-actions">
      {view.isCommitteeNotice && (
        <Text className="rollup-link" onClick={() => go(withQuery(ROUTES.noticeRollup, { noticeId: notice.noticeId }))}>
          各支部阅读情况 ›
        </Text>
      )}
      <View className="actions">
        {notice.status !== 'scheduled' && (
          <Button className="export-button" fill="outline" type="primary" loading={exporting} onClick={() => void exportFile()}>
            导出 Excel
          </Button>
        )}
        {!withdrawn && (
          <Button className="edit-button" fill="outline" onClick={() => go(withQuery(ROUTES.noticeCompose, { noticeId: notice.noticeId }))}>
            {notice.editMode === 'correction' ? '更正' : '编辑'}
          </Button>
        )}
        {!withdrawn && (
          <Button className="withdraw-button" fill="outline" type="danger" onClick={() => setWithdrawing(true)}>
            撤回
          </Button>
        )}
      </View>
      <FormDialog visible={withdrawing} title="撤回通知" confirmText="撤回" onConfirm={withdraw} onClose={() => setWithdrawing(false)}>
        <Text>
          {notice.status === 'scheduled' ? '撤回后这条定时通知将不会发布。' : '撤回后党员将只看到“该通知已撤回”，不能再查看内容。'}此操作不能恢复。
        </Text>
      </FormDialog>
    </View>
  );
}

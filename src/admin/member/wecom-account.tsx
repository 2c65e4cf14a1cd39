import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormDialog } from '../../components/form-dialog';
import { TextField } from '../../components/text-field';
import { orgApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import type { MemberView } from '../../domain/api/org';

/**
 * 企业微信账号 on the member page: set it when the roster lacked it, or clear a wrong one (the next
 * WeCom reminder then looks the member up by mobile again).
 */
export function WecomAccountRow({ member, onChanged }: { member: MemberView; onChanged: (m: MemberView) => void }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const current = member.wecomUserId ?? null;
  const save = async () => {
    const next = value.trim() === '' ? null : value.trim();
    onChanged(await orgApi('member.setWecom', { memberId: member._id, wecomUserId: next }));
    setOpen(false);
    toastSuccess(next ? '已保存' : '已清除');
  };
  return (
    <View className="info-row wecom-account">
      <Text className="info-row__label">企业微信账号</Text>
      <View className="wecom-account__value">
        <Text className="info-row__value member-wecom">{current ?? '未填写'}</Text>
        <Button
          className="edit-wecom"
          size="small"
          fill="outline"
          onClick={() => {
            setValue(current ?? '');
            setOpen(true);
          }}
        >
          修改
        </Button>
      </View>
      <FormDialog visible={open} title="企业微信账号" confirmText="保存" onConfirm={save} onClose={() => setOpen(false)} values={value}>
        <TextField className="field-wecom" label="企业微信账号（UserID）" value={value} onChange={setValue} maxLength={64} placeholder="留空则按手机号匹配" hint="在企业微信管理后台“通讯录”成员详情中查看" />
      </FormDialog>
    </View>
  );
}

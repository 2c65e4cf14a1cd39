import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { FormDialog } from '../../components/form-dialog';
import { TextField } from '../../components/text-field';
import { useRequestId } from '../../hooks/use-request-id';
import { orgApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import type { BranchSummary } from '../../domain/api/org';
import './groups-card.scss';

type Group = BranchSummary['groups'][number];
type DialogState = { kind: 'create' } | { kind: 'rename'; group: Group } | { kind: 'archive'; group: Group } | null;

/** Party groups of one branch, with create / rename / archive for those who manage it. */
export function GroupsCard({ branch, canManage, onChanged }: { branch: BranchSummary; canManage: boolean; onChanged: (b: BranchSummary) => void }) {
  const [dialog, setDialog] = useState<DialogState>(null);
  const [name, setName] = useState('');
  // One id per opening of the create dialog: its retries (an error, a double tap) create one group.
  const createRequest = useRequestId();

  const open = (next: DialogState) => {
    setName(next?.kind === 'rename' ? next.group.name : '');
    if (next?.kind === 'create') createRequest.renew();
    setDialog(next);
  };
  const confirm = async () => {
    if (!dialog) return;
    const trimmed = name.trim();
    const result =
      dialog.kind === 'create'
        ? await orgApi('group.create', { branchId: branch._id, name: trimmed, requestId: createRequest.current() })
        : dialog.kind === 'rename'
          ? await orgApi('group.rename', { groupId: dialog.group._id, name: trimmed })
          : await orgApi('group.archive', { groupId: dialog.group._id });
    setDialog(null);
    onChanged(result);
    toastSuccess(dialog.kind === 'create' ? '党小组已创建' : dialog.kind === 'rename' ? '已改名' : '已归档');
  };

  return (
    <Card
      title="党小组"
      className="groups-card"
      extra={
        canManage && (
          <Button className="create-group" size="small" type="primary" fill="outline" onClick={() => open({ kind: 'create' })}>
            新建党小组
          </Button>
        )
      }
    >
      {branch.groups.length === 0 && <Text className="muted">暂未设立党小组。人数较多时可按班组或病区设立。</Text>}
      {branch.groups.map((g) => (
        <View key={g._id} className="group-row">
          <View className="group-row__text">
            <Text className="group-name">{g.name}</Text>
            <Text className="group-row__count">{g.memberCount} 人</Text>
          </View>
          {canManage && (
            <View className="group-row__actions">
              <Button className="rename-group" size="small" fill="outline" onClick={() => open({ kind: 'rename', group: g })}>
                改名
              </Button>
              <Button className="archive-group" size="small" fill="outline" type="danger" onClick={() => open({ kind: 'archive', group: g })}>
                归档
              </Button>
            </View>
          )}
        </View>
      ))}
      <FormDialog
        visible={dialog !== null}
        title={dialog?.kind === 'create' ? '新建党小组' : dialog?.kind === 'rename' ? '党小组改名' : '归档党小组'}
        confirmText={dialog?.kind === 'archive' ? '归档' : '保存'}
        onConfirm={confirm}
        onClose={() => setDialog(null)}
        values={name}
      >
        {dialog?.kind === 'archive' ? (
          <Text>确定归档「{dialog.group.name}」？组内党员将变为未分组，历史记录保留。</Text>
        ) : (
          <TextField className="field-group-name" label="党小组名称" value={name} onChange={setName} placeholder="如：第一党小组" />
        )}
      </FormDialog>
    </Card>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Switch, Tag } from '@nutui/nutui-react-taro';
import { FormDialog } from '../../components/form-dialog';
import { TextField } from '../../components/text-field';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { useRequestId } from '../../hooks/use-request-id';
import { orgApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import type { BranchSummary } from '../../domain/api/org';
import { ORG_LIMITS } from '../../domain/org/limits';
import { ROUTES, withQuery } from '../../utils/routes';
import './index.scss';
import { pressable } from '../../utils/pressable';
import { withPageDisplay } from '../../components/page-display';

type DialogState = { kind: 'create' } | { kind: 'rename'; branch: BranchSummary } | { kind: 'archive'; branch: BranchSummary } | null;

function BranchRow({ branch, onRename, onArchive }: { branch: BranchSummary; onRename: () => void; onArchive: () => void }) {
  const archived = branch.status === 'archived';
  const full = branch.memberCount >= ORG_LIMITS.branchMaxMembers;
  return (
    <View className={`org-branch ${archived ? 'org-branch--archived' : ''}`}>
      <View className="org-branch__main" {...pressable(() => void Taro.navigateTo({ url: withQuery(ROUTES.adminBranch, { branchId: branch._id }) }), 'link')}>
        <View className="org-branch__title">
          <Text className="org-branch-name">{branch.name}</Text>
          {archived && <Tag type="default">已归档</Tag>}
          <Text className="org-branch__arrow">›</Text>
        </View>
        <Text className="org-branch__line">科室：{branch.department}</Text>
        <View className="org-branch__line">
          <Text>书记：{branch.secretary?.name ?? '暂未设置'}</Text>
          <Text className={`org-branch-count ${full ? 'org-branch-count--full' : ''}`}>
            {branch.memberCount}/{ORG_LIMITS.branchMaxMembers} 人
          </Text>
        </View>
      </View>
      {!archived && (
        <View className="org-branch__actions">
          <Button className="rename-branch" size="small" fill="outline" onClick={onRename}>
            改名
          </Button>
          <Button className="archive-branch" size="small" fill="outline" type="danger" onClick={onArchive}>
            归档
          </Button>
        </View>
      )}
    </View>
  );
}

function OrgPage() {
  const [includeArchived, setIncludeArchived] = useState(false);
  const list = useAsync(() => orgApi('branches.list', { includeArchived }), [includeArchived]);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [name, setName] = useState('');
  const [department, setDepartment] = useState('');
  // One id per opening of the create dialog: its retries (an error, a double tap) create one branch.
  const createRequest = useRequestId();

  const open = (next: DialogState) => {
    setName(next?.kind === 'rename' ? next.branch.name : '');
    setDepartment('');
    if (next?.kind === 'create') createRequest.renew();
    setDialog(next);
  };
  const done = async (message: string) => {
    setDialog(null);
    toastSuccess(message);
    await list.reload();
  };
  const confirm = async () => {
    if (!dialog) return;
    if (dialog.kind === 'create') {
      await orgApi('branch.create', { name: name.trim(), department: department.trim(), requestId: createRequest.current() });
      await done('支部已创建');
    } else if (dialog.kind === 'rename') {
      await orgApi('branch.rename', { branchId: dialog.branch._id, name: name.trim() });
      await done('已改名');
    } else {
      await orgApi('branch.archive', { branchId: dialog.branch._id });
      await done('已归档');
    }
  };

  const branches = list.data?.branches ?? [];
  return (
    <View className="page page-admin-org">
      <View className="org-toolbar">
        <Text className="org-toolbar__title">{list.data?.committeeName ?? '院党委'} · 支部</Text>
        <Button className="create-branch" type="primary" size="small" onClick={() => open({ kind: 'create' })}>
          新建支部
        </Button>
      </View>
      <View className="org-filter">
        <Text>显示已归档支部</Text>
        <Switch className="toggle-archived" checked={includeArchived} onChange={setIncludeArchived} />
      </View>

      {list.error ? (
        <ErrorView message={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingView rows={6} />
      ) : branches.length === 0 ? (
        <EmptyView title="还没有支部" description="点右上角「新建支部」，按科室建立微支部" />
      ) : (
        branches.map((b) => (
          <BranchRow key={b._id} branch={b} onRename={() => open({ kind: 'rename', branch: b })} onArchive={() => open({ kind: 'archive', branch: b })} />
        ))
      )}

      <FormDialog
        visible={dialog !== null}
        title={dialog?.kind === 'create' ? '新建支部' : dialog?.kind === 'rename' ? '支部改名' : '归档支部'}
        confirmText={dialog?.kind === 'archive' ? '归档' : '保存'}
        onConfirm={confirm}
        onClose={() => setDialog(null)}
        values={[name, department]}
      >
        {dialog?.kind === 'archive' ? (
          <Text>
            确定归档「{dialog.branch.name}」？归档后不再接收新成员，历史记录保留。支部内仍有党员时无法归档，请先调往其他支部。
          </Text>
        ) : (
          <>
            <TextField className="field-branch-name" label="支部名称" value={name} onChange={setName} placeholder="如：心内科党支部" />
            {dialog?.kind === 'create' && (
              <TextField className="field-department" label="科室" value={department} onChange={setDepartment} placeholder="如：心血管内科" />
            )}
          </>
        )}
      </FormDialog>
    </View>
  );
}

export default withPageDisplay(OrgPage);

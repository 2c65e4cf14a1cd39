import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { ActionSheet } from '@nutui/nutui-react-taro';
import { ChoiceList } from '../../components/choice-list';
import { FormDialog } from '../../components/form-dialog';
import { useAsync } from '../../hooks/use-async';
import { orgApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import { FormError } from '../../utils/error-message';
import type { BranchSummary, MemberView } from '../../domain/api/org';
import { ROUTES, withQuery } from '../../utils/routes';
import { NO_GROUP, groupChoices, groupIdOf } from './group-choices';
import { MoveForm, type MoveDraft } from './move-form';

type Action = 'secretary' | 'branch_committee' | 'group' | 'move' | 'history';

interface MemberActionsProps {
  member: MemberView | null;
  branch: BranchSummary;
  isAdmin: boolean;
  canManage: boolean;
  onDone: () => void;
  onMemberChanged: (member: MemberView) => void;
  onMemberLeft: (memberId: string) => void;
  onBranchChanged: (branch: BranchSummary) => void;
}

const TITLES: Record<Action, string> = {
  secretary: '设为支部书记',
  branch_committee: '设为支委',
  group: '调整党小组',
  move: '调往其他支部',
  history: '查看调动记录',
};

/** The action sheet for one member and the dialog each action needs. */
export function MemberActions(props: MemberActionsProps) {
  const { member, branch, isAdmin, canManage } = props;
  const [action, setAction] = useState<Action | null>(null);
  // NutUI's popup reports "cancel" whenever it hides, including when we hide it to open a dialog.
  const actionRef = useRef<Action | null>(null);
  actionRef.current = action;
  const [groupChoice, setGroupChoice] = useState(NO_GROUP);
  const [move, setMove] = useState<MoveDraft>({ toBranchId: null, toGroupId: NO_GROUP, reason: '' });
  const branches = useAsync(() => orgApi('branches.list', {}), [], action === 'move');

  useEffect(() => {
    setAction(null);
    setGroupChoice(member?.partyGroupId ?? NO_GROUP);
    setMove({ toBranchId: null, toGroupId: NO_GROUP, reason: '' });
  }, [member]);

  if (!member) return null;

  const available: Action[] = [
    ...(isAdmin && member.role !== 'secretary' ? (['secretary'] as const) : []),
    ...(isAdmin && member.role !== 'branch_committee' ? (['branch_committee'] as const) : []),
    ...(canManage ? (['group'] as const) : []),
    ...(isAdmin ? (['move'] as const) : []),
    'history' as const,
  ];

  const choose = (key: Action) => {
    if (key === 'history') {
      props.onDone();
      void Taro.navigateTo({ url: withQuery(ROUTES.adminMember, { memberId: member._id }) });
      return;
    }
    setAction(key);
  };

  const confirm = async () => {
    if (action === 'secretary' || action === 'branch_committee') {
      props.onBranchChanged(await orgApi('branch.assignRole', { branchId: branch._id, memberId: member._id, role: action }));
      toastSuccess(action === 'secretary' ? '已设为支部书记' : '已设为支委');
    } else if (action === 'group') {
      props.onMemberChanged(await orgApi('member.setGroup', { memberId: member._id, groupId: groupIdOf(groupChoice) }));
      toastSuccess('党小组已调整');
    } else if (action === 'move') {
      if (!move.toBranchId) throw new FormError('请选择调入的支部');
      await orgApi('member.move', { memberId: member._id, toBranchId: move.toBranchId, toGroupId: groupIdOf(move.toGroupId), reason: move.reason.trim() || undefined });
      props.onMemberLeft(member._id);
      toastSuccess('调动完成');
    }
    props.onDone();
  };

  return (
    <>
      <ActionSheet
        className="member-actions"
        visible={action === null}
        title={`${member.name}（${member.employeeNo}）`}
        options={available.map((key) => ({ name: TITLES[key], key }))}
        cancelText="取消"
        onSelect={(item) => choose(item.key as Action)}
        onCancel={() => {
          if (actionRef.current === null) props.onDone();
        }}
      />
      <FormDialog
        visible={action !== null}
        title={action ? TITLES[action] : ''}
        confirmText={action === 'move' ? '确认调动' : '确定'}
        onConfirm={confirm}
        onClose={props.onDone}
        values={[groupChoice, move]}
      >
        {(action === 'secretary' || action === 'branch_committee') && (
          <Text>
            确定将 {member.name} 设为{action === 'secretary' ? `支部书记？原书记${branch.secretary ? `（${branch.secretary.name}）` : ''}将转为普通党员。` : '支委？'}
          </Text>
        )}
        {action === 'group' && <ChoiceList className="set-group-choices" choices={groupChoices(branch.groups)} value={groupChoice} onChange={setGroupChoice} />}
        {action === 'move' && (
          <MoveForm
            branches={branches.data?.branches ?? null}
            error={branches.error}
            onRetry={branches.reload}
            currentBranchId={branch._id}
            draft={move}
            onChange={setMove}
          />
        )}
      </FormDialog>
    </>
  );
}

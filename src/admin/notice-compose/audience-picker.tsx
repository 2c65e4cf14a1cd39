import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceList, type Choice } from '../../components/choice-list';
import { MultiChoiceList } from '../../components/multi-choice-list';
import { TextField } from '../../components/text-field';
import { ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { usePagedMembers } from '../../hooks/use-paged-members';
import { orgApi } from '../../platform/api';
import type { AudienceDraft, AudienceKind } from './audience';

interface PickerProps {
  draft: AudienceDraft;
  onChange: (draft: AudienceDraft) => void;
}

const BRANCH_KINDS: Array<Choice<AudienceKind>> = [
  { value: 'branch', label: '全支部', description: '本支部全体党员', className: 'audience-branch' },
  { value: 'groups', label: '按党小组', description: '选择一个或几个党小组', className: 'audience-groups' },
  { value: 'members', label: '指定党员', description: '逐个选择党员', className: 'audience-members' },
];

const COMMITTEE_KINDS: Array<Choice<AudienceKind>> = [
  { value: 'all', label: '全院', description: '所有支部的全体党员', className: 'audience-all' },
  { value: 'branches', label: '指定支部', description: '选择一个或多个支部', className: 'audience-branches' },
];

function GroupsChooser({ branchId, draft, onChange }: PickerProps & { branchId: string }) {
  const branch = useAsync(() => orgApi('branch.get', { branchId }), [branchId]);
  if (branch.error) return <ErrorView message={branch.error} onRetry={branch.reload} />;
  if (!branch.data) return <LoadingView rows={2} />;
  const groups = branch.data.groups.filter((g) => g.status === 'active');
  if (groups.length === 0) return <Text className="muted">本支部暂未设立党小组，请选择“全支部”或“指定党员”。</Text>;
  return (
    <View className="audience-sub">
      <Text className="audience-sub__label">选择党小组（可多选）</Text>
      <MultiChoiceList
        className="audience-group-list"
        itemClassName="audience-choice"
        choices={groups.map((g) => ({ value: g._id, label: g.name, description: `${g.memberCount} 人` }))}
        selected={draft.groupIds}
        onChange={(groupIds) => onChange({ ...draft, groupIds })}
      />
    </View>
  );
}

function MembersChooser({ branchId, draft, onChange }: PickerProps & { branchId: string }) {
  const paged = usePagedMembers(branchId);
  const [filter, setFilter] = useState('');
  // A branch has at most 50 members: load every page so the name filter sees everyone.
  const { hasMore, loadingMore, moreError, loadMore } = paged;
  useEffect(() => {
    if (hasMore && !loadingMore && !moreError) void loadMore();
  }, [hasMore, loadingMore, moreError, loadMore]);

  if (paged.error) return <ErrorView message={paged.error} onRetry={paged.reload} />;
  if (!paged.members) return <LoadingView rows={3} />;
  const keyword = filter.trim();
  const active = paged.members.filter((m) => m.status === 'active');
  const shown = keyword ? active.filter((m) => m.name.includes(keyword) || m.employeeNo.includes(keyword)) : active;
  return (
    <View className="audience-sub audience-members-chooser">
      <Text className="audience-sub__label">选择党员（可多选）</Text>
      <TextField className="audience-member-filter" label="按姓名查找" value={filter} onChange={setFilter} placeholder="输入姓名或工号" />
      <Text className="muted audience-selected-count">已选 {draft.memberIds.length} 人</Text>
      {shown.length === 0 ? (
        <Text className="muted">没有匹配的党员</Text>
      ) : (
        <MultiChoiceList
          className="audience-member-list"
          itemClassName="audience-choice"
          choices={shown.map((m) => ({ value: m._id, label: m.name, description: m.bound ? m.employeeNo : `${m.employeeNo} · 未绑定微信` }))}
          selected={draft.memberIds}
          onChange={(visibleSelection) => {
            // Selections hidden by the filter stay selected.
            const hidden = draft.memberIds.filter((id) => !shown.some((m) => m._id === id));
            onChange({ ...draft, memberIds: [...hidden, ...visibleSelection] });
          }}
        />
      )}
      {paged.moreError && (
        <Button className="load-more" fill="outline" onClick={() => void paged.loadMore()}>
          {paged.moreError}，点此重试
        </Button>
      )}
    </View>
  );
}

function BranchesChooser({ draft, onChange }: PickerProps) {
  const list = useAsync(() => orgApi('branches.list', {}), []);
  if (list.error) return <ErrorView message={list.error} onRetry={list.reload} />;
  if (!list.data) return <LoadingView rows={3} />;
  const branches = list.data.branches.filter((b) => b.status === 'active');
  return (
    <View className="audience-sub audience-branches-chooser">
      <Text className="audience-sub__label">选择支部（可多选）</Text>
      <Text className="muted audience-selected-count">已选 {draft.branchIds.length} 个支部</Text>
      <MultiChoiceList
        className="audience-branch-list"
        itemClassName="audience-choice"
        choices={branches.map((b) => ({ value: b._id, label: b.name, description: `${b.department} · ${b.memberCount} 人` }))}
        selected={draft.branchIds}
        onChange={(branchIds) => onChange({ ...draft, branchIds })}
      />
    </View>
  );
}

/** A branch officer addresses their own branch: all of it, some party groups, or chosen members. */
export function BranchAudiencePicker({ branchId, draft, onChange }: PickerProps & { branchId: string }) {
  return (
    <View className="compose-field audience-picker">
      <Text className="compose-field__label">通知对象</Text>
      <ChoiceList choices={BRANCH_KINDS} value={draft.kind} onChange={(kind) => onChange({ ...draft, kind })} />
      {draft.kind === 'groups' && <GroupsChooser branchId={branchId} draft={draft} onChange={onChange} />}
      {draft.kind === 'members' && <MembersChooser branchId={branchId} draft={draft} onChange={onChange} />}
    </View>
  );
}

/** The committee office addresses the whole hospital or chosen branches. */
export function CommitteeAudiencePicker({ draft, onChange }: PickerProps) {
  return (
    <View className="compose-field audience-picker">
      <Text className="compose-field__label">通知对象</Text>
      <ChoiceList choices={COMMITTEE_KINDS} value={draft.kind} onChange={(kind) => onChange({ ...draft, kind })} />
      {draft.kind === 'branches' && <BranchesChooser draft={draft} onChange={onChange} />}
    </View>
  );
}

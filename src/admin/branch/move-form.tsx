import { View, Text } from '@tarojs/components';
import { ChoiceList } from '../../components/choice-list';
import { TextField } from '../../components/text-field';
import { ErrorView, LoadingView } from '../../components/state-views';
import type { BranchSummary } from '../../domain/api/org';
import { ORG_LIMITS } from '../../domain/org/limits';
import { NO_GROUP, groupChoices } from './group-choices';

export interface MoveDraft {
  toBranchId: string | null;
  toGroupId: string;
  reason: string;
}

interface MoveFormProps {
  branches: BranchSummary[] | null;
  error: string | null;
  onRetry: () => void;
  currentBranchId: string;
  draft: MoveDraft;
  onChange: (draft: MoveDraft) => void;
}

/** Target branch, optional party group there, and a reason that goes into the member's history. */
export function MoveForm({ branches, error, onRetry, currentBranchId, draft, onChange }: MoveFormProps) {
  if (error) return <ErrorView message={error} onRetry={onRetry} />;
  if (!branches) return <LoadingView rows={3} />;
  const targets = branches.filter((b) => b._id !== currentBranchId && b.status === 'active');
  const target = targets.find((b) => b._id === draft.toBranchId) ?? null;
  return (
    <View className="move-form">
      <Text className="move-form__label">调往支部</Text>
      {targets.length === 0 ? (
        <Text className="muted">没有其他可调入的支部</Text>
      ) : (
        <ChoiceList
          className="move-branches"
          choices={targets.map((b) => ({ value: b._id, label: b.name, description: `${b.department} · ${b.memberCount}/${ORG_LIMITS.branchMaxMembers} 人` }))}
          value={draft.toBranchId}
          onChange={(toBranchId) => onChange({ ...draft, toBranchId, toGroupId: NO_GROUP })}
        />
      )}
      {target && target.groups.length > 0 && (
        <>
          <Text className="move-form__label">党小组（可选）</Text>
          <ChoiceList className="move-groups" choices={groupChoices(target.groups)} value={draft.toGroupId} onChange={(toGroupId) => onChange({ ...draft, toGroupId })} />
        </>
      )}
      <TextField className="field-reason" label="调动原因（可选）" value={draft.reason} onChange={(reason) => onChange({ ...draft, reason })} maxLength={100} placeholder="如：轮转至心内科" />
      <Text className="muted">调动后原支部书记、支委职务自动解除，调动记录将保留。</Text>
    </View>
  );
}

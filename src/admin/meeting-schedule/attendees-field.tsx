import { View, Text } from '@tarojs/components';
import { ChoiceList, type Choice } from '../../components/choice-list';
import { MultiChoiceList } from '../../components/multi-choice-list';
import { ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import type { MeetingAttendees } from '../../domain/meeting/types';
import { meetingsApi } from '../../platform/api';

export type AttendeesKind = MeetingAttendees['kind'];

export interface AttendeesDraft {
  kind: AttendeesKind;
  groupIds: string[];
  memberIds: string[];
}

/** The schedule payload's attendees; an empty choice is left for the schema to name. */
export const attendeesInput = (d: AttendeesDraft): MeetingAttendees =>
  d.kind === 'groups' ? { kind: 'groups', groupIds: d.groupIds } : d.kind === 'members' ? { kind: 'members', memberIds: d.memberIds } : { kind: d.kind };

const KINDS: Array<Choice<AttendeesKind>> = [
  { value: 'branch', label: '全支部', description: '本支部全体党员', className: 'attendees-branch' },
  { value: 'groups', label: '按党小组', description: '党小组会：选择一个或几个党小组', className: 'attendees-groups' },
  { value: 'members', label: '指定党员', description: '逐个选择参会党员', className: 'attendees-members' },
  { value: 'committee', label: '支部委员会', description: '书记与支委（支委会）', className: 'attendees-committee' },
];

/** Whole branch, party groups, chosen members or the branch committee, from the branch's own lists. */
export function AttendeesField({ branchId, draft, onChange }: { branchId: string; draft: AttendeesDraft; onChange: (d: AttendeesDraft) => void }) {
  const options = useAsync(() => meetingsApi('attendeeOptions', { branchId }), [branchId]);
  const o = options.data;
  return (
    <View className="m-field attendees-field">
      <Text className="m-field__label">参会人员</Text>
      <ChoiceList choices={KINDS} value={draft.kind} onChange={(kind) => onChange({ ...draft, kind })} />
      {(draft.kind === 'groups' || draft.kind === 'members' || draft.kind === 'committee') &&
        (options.error ? (
          <ErrorView message={options.error} onRetry={options.reload} />
        ) : !o ? (
          <LoadingView rows={2} />
        ) : draft.kind === 'groups' ? (
          o.groups.length === 0 ? (
            <Text className="muted">本支部暂未设立党小组</Text>
          ) : (
            <MultiChoiceList
              className="attendees-group-list"
              itemClassName="attendees-choice"
              choices={o.groups.map((g) => ({ value: g.groupId, label: g.name, description: `${g.memberCount} 人` }))}
              selected={draft.groupIds}
              onChange={(groupIds) => onChange({ ...draft, groupIds })}
            />
          )
        ) : draft.kind === 'members' ? (
          <>
            <Text className="muted attendees-count">已选 {draft.memberIds.length} 人</Text>
            <MultiChoiceList
              className="attendees-member-list"
              itemClassName="attendees-choice"
              choices={o.members.map((m) => ({ value: m.memberId, label: m.name }))}
              selected={draft.memberIds}
              onChange={(memberIds) => onChange({ ...draft, memberIds })}
            />
          </>
        ) : (
          <Text className="muted attendees-committee-names">{o.members.filter((m) => o.committee.includes(m.memberId)).map((m) => m.name).join('、') || '本支部暂未设置支委'}</Text>
        ))}
    </View>
  );
}

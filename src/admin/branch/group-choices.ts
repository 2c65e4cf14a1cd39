import type { Choice } from '../../components/choice-list';
import type { BranchSummary } from '../../domain/api/org';

/** ChoiceList needs a string for "no group"; the API takes null. */
export const NO_GROUP = '__none__';

export const groupChoices = (groups: BranchSummary['groups']): Array<Choice<string>> => [
  { value: NO_GROUP, label: '无（不分组）' },
  ...groups.map((g) => ({ value: g._id, label: g.name, description: `${g.memberCount} 人` })),
];

export const groupIdOf = (choice: string): string | null => (choice === NO_GROUP ? null : choice);

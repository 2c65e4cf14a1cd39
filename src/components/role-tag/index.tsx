import { Tag } from '@nutui/nutui-react-taro';
import { ROLE_LABELS, type Role } from '../../domain/org/types';

const TYPES: Record<Role, 'primary' | 'warning' | 'success' | 'default'> = {
  committee_admin: 'primary',
  secretary: 'primary',
  branch_committee: 'warning',
  member: 'default',
};

export function RoleTag({ role }: { role: Role }) {
  return (
    <Tag className={`role-tag role-tag--${role}`} type={TYPES[role]} plain={role === 'member'}>
      {ROLE_LABELS[role]}
    </Tag>
  );
}

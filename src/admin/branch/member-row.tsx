import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { RoleTag } from '../../components/role-tag';
import type { MemberView } from '../../domain/api/org';
import { pressable } from '../../utils/pressable';

/** One member in the branch roster; tapping opens the actions for that member. */
export function MemberRow({ member, groupName, onOpen }: { member: MemberView; groupName: string | null; onOpen: () => void }) {
  return (
    <View className="member-row" {...pressable(onOpen, 'link')}>
      <View className="member-row__top">
        <Text className="member-name">{member.name}</Text>
        <RoleTag role={member.role} />
        <Tag className={member.bound ? 'bound-tag' : 'unbound-tag'} type={member.bound ? 'success' : 'default'} plain>
          {member.bound ? '已绑定' : '未绑定'}
        </Tag>
      </View>
      <View className="member-row__meta">
        <Text>
          工号 <Text className="member-employee-no">{member.employeeNo}</Text>
        </Text>
        <Text className="member-group">{groupName ?? '未分组'}</Text>
      </View>
    </View>
  );
}

import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { FIELD_LABELS, REQUIRED_FIELDS, type RosterField } from '../../domain/org/roster';
import { ORG_LIMITS } from '../../domain/org/limits';
import { formatBytes } from '../../utils/file-size';
import { TemplateButton } from './template-button';

const ORDER: RosterField[] = ['name', 'employeeNo', 'department', 'branch', 'partyGroup', 'role', 'phone', 'wecomUserId'];

/** What the sheet must look like, and the all-or-nothing rule, before anyone picks a file. */
export function ColumnsCard() {
  return (
    <Card title="表格要求" className="roster-columns">
      <Text className="roster-columns__text">第一行为表头，支持 xlsx 或 csv，文件不超过 {formatBytes(ORG_LIMITS.rosterMaxBytes)}、最多 {ORG_LIMITS.rosterMaxRows} 行。</Text>
      <View className="roster-columns__list">
        {ORDER.map((f) => {
          const required = REQUIRED_FIELDS.includes(f);
          return (
            <View key={f} className="roster-column">
              <Text className="roster-column__name">{FIELD_LABELS[f]}</Text>
              <Tag type={required ? 'primary' : 'default'} plain={!required}>
                {required ? '必填' : '选填'}
              </Tag>
            </View>
          );
        })}
      </View>
      <Text className="roster-columns__text">角色可填：党员、支部书记、支委、院党委管理员（留空为党员）。支部、党小组须先在组织管理中建好。</Text>
      <Text className="roster-rule">整表校验，有任何错误则不导入任何数据；再次导入会按工号更新而非重复。</Text>
      <View className="roster-template-row">
        <TemplateButton />
      </View>
    </Card>
  );
}

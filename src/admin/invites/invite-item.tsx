import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { InviteView } from '../../domain/api/org';
import { formatDateTime } from '../../utils/format-time';

const STATE: Record<InviteView['state'], { label: string; type: 'success' | 'default' | 'danger' }> = {
  active: { label: '有效', type: 'success' },
  expired: { label: '已过期', type: 'default' },
  revoked: { label: '已撤销', type: 'danger' },
};

export function InviteItem({ invite, onCopy, onRevoke, share }: { invite: InviteView; onCopy: () => void; onRevoke: () => void; share?: ReactNode }) {
  const state = STATE[invite.state];
  return (
    <View className={`invite-item invite-item--${invite.state}`}>
      <View className="invite-item__top">
        <Text className="invite-item-code">{invite.code}</Text>
        <Tag className="invite-state" type={state.type} plain={invite.state !== 'active'}>
          {state.label}
        </Tag>
      </View>
      <Text className="invite-item__line">
        已使用 <Text className="invite-uses">{invite.uses}</Text> 次 · 有效期至 {formatDateTime(invite.expiresAt)}
      </Text>
      <Text className="invite-item__line muted">
        {invite.createdByName} 生成于 {formatDateTime(invite.createdAt)}
        {invite.revokedAt !== null ? ` · 撤销于 ${formatDateTime(invite.revokedAt)}` : ''}
      </Text>
      {invite.state === 'active' && (
        <View className="actions">
          <Button className="copy-invite" size="small" fill="outline" onClick={onCopy}>
            复制
          </Button>
          <Button className="revoke-invite" size="small" fill="outline" type="danger" onClick={onRevoke}>
            撤销
          </Button>
        </View>
      )}
      {share}
    </View>
  );
}

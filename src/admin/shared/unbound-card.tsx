import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Card } from '../../components/card';
import { ROUTES, withQuery } from '../../utils/routes';
import './unbound-card.scss';

export type UnboundPerson = { memberId: string; name: string };

interface UnboundCardProps {
  people: ReadonlyArray<UnboundPerson>;
  /** The branch to invite into; null (hospital-wide views) shows the names without the shortcut. */
  branchId: string | null;
  /** What they are left out of, e.g. “阅读率” or “完成率”. */
  leftOutOf: string;
  /** They are never reminded: say so where there is a remind button. */
  remindable?: boolean;
}

/**
 * Members on the roster who never bound WeChat cannot open the app: listed apart, outside the rate
 * (and reminders), with one tap to the branch's invites page to bring them in.
 */
export function UnboundCard({ people, branchId, leftOutOf, remindable = true }: UnboundCardProps) {
  if (people.length === 0) return null;
  const invite = () => branchId && void Taro.navigateTo({ url: withQuery(ROUTES.adminInvites, { branchId }) });
  return (
    <Card title={`未绑定 ${people.length} 人`} className="unbound-card">
      <Text className="unbound-card__tip">
        尚未绑定微信，无法打开小程序，不计入{leftOutOf}
        {remindable ? '，也不会收到提醒' : ''}。
      </Text>
      <View className="unbound-card__names">
        {people.map((p) => (
          <Text key={p.memberId} className="unbound-name">
            {p.name}
          </Text>
        ))}
      </View>
      {branchId && (
        <View className="unbound-invite" role="link" onClick={invite}>
          <Text>邀请他们绑定 ›</Text>
        </View>
      )}
    </Card>
  );
}

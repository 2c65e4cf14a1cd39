import type { ReachAddress, ReachChannel, ReachChannels, ReachMessage } from '../../cloudfunctions/_runtime/reach/port';
import type { ReachDeps } from '../../cloudfunctions/_runtime/reach/remind-round';
import type { DeliveryOutcome, ExternalChannel, FailureReason } from '../../src/domain/reach/types';
import type { Member } from '../../src/domain/org/types';

/** One recorded `send` call. */
export interface SentCall {
  channel: ExternalChannel;
  message: ReachMessage;
  to: string[];
}

/**
 * Channels that record every call and answer from a rule (delivered unless the rule names a failure).
 * The engine's tests use these; the adapters themselves are tested against loopback fake servers.
 */
export function recordingChannels(options: { configured?: Partial<Record<ExternalChannel, boolean>>; fail?: (channel: ExternalChannel, a: ReachAddress) => FailureReason | null } = {}) {
  const calls: SentCall[] = [];
  const make = (name: ExternalChannel): ReachChannel => ({
    name,
    configured: options.configured?.[name] ?? true,
    async send(message, to) {
      calls.push({ channel: name, message, to: to.map((a) => a.memberId) });
      return to.map((a): DeliveryOutcome => {
        const reason = options.fail?.(name, a) ?? null;
        return reason ? { memberId: a.memberId, delivered: false, reason, retryable: false } : { memberId: a.memberId, delivered: true };
      });
    },
  });
  const channels: ReachChannels = { wechat: make('wechat'), wecom: make('wecom'), sms: make('sms'), status: () => [] };
  /** How many messages each member received, by channel. */
  const received = (memberId: string) => calls.filter((c) => c.to.includes(memberId)).map((c) => c.channel);
  return { channels, calls, received };
}

export function depsWith(channels: ReachChannels, smsLeft = Infinity): ReachDeps & { smsReserved: () => number } {
  let left = smsLeft;
  let reserved = 0;
  return {
    channels,
    async reserveSms(count) {
      const n = Math.max(0, Math.min(count, left));
      left -= n;
      reserved += n;
      return n;
    },
    smsReserved: () => reserved,
  };
}

export function reachMember(id: string, over: Partial<Member> = {}): Member {
  return {
    _id: id,
    name: `成员${id}`,
    employeeNo: id,
    department: '内科',
    branchId: 'b1',
    partyGroupId: null,
    role: 'member',
    phone: null,
    openid: null,
    boundAt: null,
    status: 'active',
    createdAt: 0,
    updatedAt: 0,
    ...over,
  };
}

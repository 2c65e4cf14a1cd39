import type { DeliveryOutcome, ExternalChannel } from '../../../src/domain/reach/types';
import { delivered, failed } from './outcome';
import type { ReachAddress, ReachChannel, ReachChannels, ReachMessage } from './port';

/**
 * A recording in-memory channel set for tests and benchmarks: no network, every send kept in order.
 * By default a channel delivers to whoever has the address it needs (WeChat: openid; WeCom: account,
 * or a mobile it "resolves" to `wecom:<mobile>`; SMS: mobile, urgent messages only); `respond` overrides
 * any recipient's outcome to exercise failures.
 */
export interface RecordedSend {
  channel: ExternalChannel;
  message: ReachMessage;
  to: ReachAddress[];
  outcomes: DeliveryOutcome[];
}

export interface MemoryReachOptions {
  /** Which channels count as configured; default WeChat only, like the local host without env vars. */
  configured?: Partial<Record<ExternalChannel, boolean>>;
  /** Return an outcome to override the default for this recipient, or undefined to keep it. */
  respond?: (channel: ExternalChannel, to: ReachAddress, message: ReachMessage) => DeliveryOutcome | undefined;
}

export interface MemoryReachChannels extends ReachChannels {
  /** Every `send` call so far, oldest first. */
  readonly sent: RecordedSend[];
  /** Member ids delivered on `channel`, in send order (repeats kept, so double sends show). */
  deliveredTo(channel: ExternalChannel): string[];
  clear(): void;
}

function defaultOutcome(channel: ExternalChannel, to: ReachAddress, message: ReachMessage): DeliveryOutcome {
  switch (channel) {
    case 'wechat':
      return to.openid ? delivered(to) : failed(to, 'not_bound');
    case 'wecom':
      if (to.wecomUserId) return delivered(to);
      return to.mobile ? delivered(to, `wecom:${to.mobile}`) : failed(to, 'no_address');
    case 'sms':
      if (!message.urgent) return failed(to, 'not_urgent');
      return to.mobile ? delivered(to) : failed(to, 'no_address');
  }
}

export function memoryReachChannels(options: MemoryReachOptions = {}): MemoryReachChannels {
  const configured = { wechat: true, wecom: false, sms: false, ...options.configured };
  const sent: RecordedSend[] = [];
  const make = (name: ExternalChannel): ReachChannel => ({
    name,
    configured: configured[name],
    async send(message, to) {
      const outcomes = to.map((address) =>
        configured[name] ? (options.respond?.(name, address, message) ?? defaultOutcome(name, address, message)) : failed(address, 'not_configured'),
      );
      sent.push({ channel: name, message: { ...message }, to: to.map((a) => ({ ...a })), outcomes: outcomes.map((o) => ({ ...o })) });
      return outcomes;
    },
  });
  return {
    wechat: make('wechat'),
    wecom: make('wecom'),
    sms: make('sms'),
    status: () =>
      (['wechat', 'wecom', 'sms'] as const).map((name) => ({ name, configured: configured[name], detail: configured[name] ? '测试通道（内存）' : '未配置' })),
    sent,
    deliveredTo: (channel) => sent.filter((s) => s.channel === channel).flatMap((s) => s.outcomes.filter((o) => o.delivered).map((o) => o.memberId)),
    clear: () => {
      sent.length = 0;
    },
  };
}

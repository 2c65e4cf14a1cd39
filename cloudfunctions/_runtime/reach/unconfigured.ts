import type { ExternalChannel } from '../../../src/domain/reach/types';
import { failed } from './outcome';
import type { ChannelStatus, ReachChannel } from './port';

/** A channel this deployment has not configured: answers `not_configured` for everyone, no network. */
export function unconfiguredChannel(name: ExternalChannel): ReachChannel {
  return {
    name,
    configured: false,
    send: async (_message, to) => to.map((address) => failed(address, 'not_configured')),
  };
}

/** A channel plus what the settings page may show about it (masked, never a secret). */
export interface DescribedChannel {
  channel: ReachChannel;
  status: ChannelStatus;
}

import type { FileStore } from './files/port';
import type { ReachChannels } from './reach/port';
import type { Storage } from './storage/port';
import type { WeChatGateway } from './wechat/port';

/**
 * Everything a handler may touch, injected by the entry point: the cloud entry wires CloudBase, the
 * local host wires SQLite and its session identity. Handlers never reach for globals.
 */
export interface FunctionContext {
  /** The platform-verified caller identity (CloudBase OPENID or local session); null for timers. */
  openid: string | null;
  storage: Storage;
  now(): number;
  randomBytes(n: number): Uint8Array;
  /** True only on the local host with demo data: enables demo-only actions. */
  demo: boolean;
  wechat: WeChatGateway;
  files: FileStore;
  /** Reminder channels (WeChat subscribe messages, WeCom, SMS); WeCom and SMS only where configured. */
  channels: ReachChannels;
}

/** The event a function receives on every transport. */
export interface FunctionEvent {
  action?: unknown;
  data?: unknown;
}

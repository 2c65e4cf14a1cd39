import Taro from '@tarojs/taro';
import type { OutboxEntry, OutboxStore } from '../utils/chat-outbox';

const KEY = 'wzb.chatOutbox';

/**
 * The chat outbox on the phone (wx storage / localStorage), written synchronously so an entry is on
 * disk before its request leaves. A full storage throws: the caller then cannot promise survival, so
 * the error is not swallowed here.
 */
export const outboxStore: OutboxStore = {
  load(): OutboxEntry[] {
    try {
      const value: unknown = Taro.getStorageSync(KEY);
      return Array.isArray(value) ? (value as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  },
  save(entries: OutboxEntry[]): void {
    if (entries.length === 0) Taro.removeStorageSync(KEY);
    else Taro.setStorageSync(KEY, entries);
  },
};

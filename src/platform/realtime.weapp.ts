import Taro from '@tarojs/taro';
import { CHAT_HEAD_COLLECTION } from '../domain/api/chat';
import { watchHead, type WatchableDb } from './head-watch';
import type { ChatSubscription, Ring } from './realtime-types';

export type { BranchHead, ChatSubscription, Ring } from './realtime-types';


/** Mini program: a CloudBase database watch on the branch's head document, a doorbell without content. */
export function subscribeBranch(branchId: string, onRing: (ring: Ring) => void): ChatSubscription {
  const db = typeof Taro.cloud?.database === 'function' ? (Taro.cloud.database() as unknown as WatchableDb) : undefined;
  if (!db) {
    // No cloud (a build without an environment): the page still re-syncs on show and after sends.
    onRing({ reason: 'error', head: null });
    return { resync: () => onRing({ reason: 'resync', head: null }), close: () => undefined };
  }
  return watchHead(db, CHAT_HEAD_COLLECTION, branchId, onRing);
}

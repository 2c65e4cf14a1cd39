import { randomBytes } from 'node:crypto';
import { chatFunction } from '../../cloudfunctions/chat/src/handler';
import { newClientMsgId } from '../../src/domain/chat/client-id';
import type { ChatOutput } from '../../src/domain/api/chat';
import { cast } from './notices-fixtures';
import { openidOf, type FunctionWorld } from './harness';

export { cast };

/** Chat test helpers: who is who in a demo branch, and one-line calls. */
export async function chatCast(world: FunctionWorld, branchId = 'b_demo01') {
  const c = await cast(world, branchId);
  const [a, b, d] = c.members;
  return {
    ...c,
    secretaryId: openidOf(c.secretary._id),
    committeeId: openidOf(c.committee._id),
    a: { member: a, openid: openidOf(a._id) },
    b: { member: b, openid: openidOf(b._id) },
    d: { member: d, openid: openidOf(d._id) },
  };
}

export const cid = () => newClientMsgId(Date.now(), (n) => randomBytes(n));

export const chat = {
  ok: <A extends keyof ChatOutput>(world: FunctionWorld, openid: string | null, action: A, data: unknown = {}) =>
    world.ok<ChatOutput[A]>(chatFunction, openid, action, data),
  call: (world: FunctionWorld, openid: string | null, action: string, data: unknown = {}) => world.call(chatFunction, openid, action, data),
  say: (world: FunctionWorld, openid: string, text: string, over: Record<string, unknown> = {}) =>
    world.ok<ChatOutput['send']>(chatFunction, openid, 'send', { clientMsgId: cid(), text, ...over }),
};

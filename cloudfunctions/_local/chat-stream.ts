import type { IncomingMessage, ServerResponse } from 'node:http';
import { CHAT_STREAM_HEARTBEAT_MS, type ChatDoorbell } from '../../src/domain/api/chat';
import { canReadChat } from '../../src/domain/chat/policies';
import type { Member } from '../../src/domain/org/types';
import type { DoorbellBus } from '../_runtime/realtime/port';
import type { Storage } from '../_runtime/storage/port';

export interface ChatStreamDeps {
  storage: Storage;
  bus: DoorbellBus;
  /** The openid of a valid session token, or null. */
  verify(token: string): string | null;
  heartbeatMs?: number;
  /** Membership is re-checked on a ring at most this often (a moved member's stream closes). */
  recheckMs?: number;
  now(): number;
}

const json = (res: ServerResponse, status: number, code: string, message: string) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ ok: false, code, message }));
};

async function memberFor(storage: Storage, openid: string): Promise<Member | null> {
  const [m] = await storage.collection<Member>('members').find({ openid, status: 'active' }, { limit: 1 });
  return m ?? null;
}

/** One ring reaches every listener of the branch with the same bell: serialise it once, not once per connection. */
const events = new WeakMap<ChatDoorbell, string>();
function eventOf(bell: ChatDoorbell): string {
  let text = events.get(bell);
  if (text === undefined) events.set(bell, (text = `data: ${JSON.stringify({ branchId: bell.branchId, seq: bell.seq, rev: bell.rev })}\n\n`));
  return text;
}

const allowed = (m: Member | null, branchId: string): boolean => !!m && canReadChat({ memberId: m._id, role: m.role, branchId: m.branchId }, branchId);

/**
 * `GET /api/chat/stream?branchId=…&token=…`: the H5 doorbell as Server-Sent Events. EventSource cannot
 * send headers, so the session token comes in the query (or an Authorization header for other
 * clients). Only a member of that branch (or a committee admin) may listen; membership is re-checked
 * as rings arrive, so a member moved to another branch stops hearing the old one. Each ring is an
 * unnamed event with {branchId, seq, rev}; `: ping` comments keep idle connections open; everything
 * is released when the client goes away.
 */
export async function serveChatStream(req: IncomingMessage, res: ServerResponse, url: URL, deps: ChatStreamDeps): Promise<void> {
  const header = req.headers.authorization ?? '';
  const token = url.searchParams.get('token') ?? (header.startsWith('Bearer ') ? header.slice(7) : '');
  const openid = token ? deps.verify(token) : null;
  if (!openid) return json(res, 401, 'UNAUTHENTICATED', '请先登录');
  const member = await memberFor(deps.storage, openid);
  if (!member) return json(res, 403, 'NOT_BOUND', '请先绑定身份');
  const branchId = url.searchParams.get('branchId') || member.branchId;
  if (!branchId) return json(res, 403, 'CHAT_NO_BRANCH', '你还没有加入支部，暂无支部交流');
  if (!allowed(member, branchId)) return json(res, 403, 'FORBIDDEN', '只能查看本支部的交流');

  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.socket?.setNoDelay(true);
  res.socket?.setKeepAlive(true);
  const send = (bell: ChatDoorbell) => res.write(eventOf(bell));

  let closed = false;
  let checkedAt = deps.now();
  let checking = false;
  const recheckMs = deps.recheckMs ?? 5000;
  const stop = deps.bus.listen(branchId, (bell) => {
    if (closed) return;
    send(bell);
    if (deps.now() - checkedAt < recheckMs || checking) return;
    checking = true;
    memberFor(deps.storage, openid)
      .then((m) => {
        checkedAt = deps.now();
        if (!allowed(m, branchId)) end();
      })
      .catch(() => undefined)
      .finally(() => (checking = false));
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), deps.heartbeatMs ?? CHAT_STREAM_HEARTBEAT_MS);
  heartbeat.unref();
  function end() {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    stop();
    res.end();
  }
  req.on('close', end);
  res.on('error', end);

  res.write('retry: 3000\n\n');
  const head = await deps.storage.collection('chatHeads').get(branchId);
  if (!closed) send({ branchId, seq: typeof head?.seq === 'number' ? head.seq : 0, rev: typeof head?.rev === 'number' ? head.rev : 0 });
}

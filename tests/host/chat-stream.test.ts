import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_FUNCTIONS } from '../../cloudfunctions/_local/functions';
import { createLocalHost } from '../../cloudfunctions/_local/server';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import { localFileStore } from '../../cloudfunctions/_runtime/files/local';
import { localDoorbellBus, ringingStorage } from '../../cloudfunctions/_runtime/realtime/local';
import { issueSessionToken } from '../../cloudfunctions/_runtime/session-token';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import { newClientMsgId } from '../../src/domain/chat/client-id';
import type { Member } from '../../src/domain/org/types';

/** The H5 doorbell: Server-Sent Events from the local host, rung by chat head writes. */
const secret = 'test-secret-for-chat-stream';
const bus = localDoorbellBus();
const storage = ringingStorage(openSqliteStorage(':memory:'), bus);
let server: http.Server;
let base = '';
const tokenOf = (memberId: string) => issueSessionToken(`demo:${memberId}`, secret, Date.now());

beforeAll(async () => {
  await seedDemoHospital(storage, Date.now());
  server = createLocalHost({
    storage,
    functions: LOCAL_FUNCTIONS,
    sessionSecret: secret,
    h5Dir: tmpdir(),
    demo: true,
    files: localFileStore(path.join(tmpdir(), `wzb-chat-files-${randomBytes(4).toString('hex')}`)),
    wechat: localWeChatGateway(),
    doorbells: bus,
    chatStream: { heartbeatMs: 200, recheckMs: 0 },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function memberOf(branchId: string, role: Member['role'] = 'member'): Promise<Member> {
  const [m] = await storage.collection<Member>('members').find({ branchId, role, openid: { $ne: null } }, { limit: 1, orderBy: [['employeeNo', 'asc']] });
  return m;
}

/** An SSE client that records each `data:` payload and comment. */
function listen(query: string): Promise<{ status: number; events: any[]; comments: string[]; close(): void; onEnd(f: () => void): void; next(n: number, ms?: number): Promise<any[]> }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/chat/stream?${query}`, (res) => {
      const events: any[] = [];
      const comments: string[] = [];
      let buffer = '';
      const waiters: Array<() => void> = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          for (const line of block.split('\n')) {
            if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
            else if (line.startsWith(':')) comments.push(line);
          }
          waiters.splice(0).forEach((w) => w());
        }
      });
      const next = (n: number, ms = 2000) =>
        new Promise<any[]>((ok, fail) => {
          const timer = setTimeout(() => fail(new Error(`waited for ${n} events, have ${JSON.stringify(events)}`)), ms);
          const check = () => (events.length >= n ? (clearTimeout(timer), ok(events)) : waiters.push(check));
          check();
        });
      resolve({ status: res.statusCode ?? 0, events, comments, close: () => req.destroy(), onEnd: (f) => res.on('end', f), next });
    });
    req.on('error', reject);
  });
}

async function send(memberId: string, text: string, branchId?: string) {
  const res = await fetch(`${base}/api/fn/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(memberId)}` },
    body: JSON.stringify({ action: 'send', data: { clientMsgId: newClientMsgId(Date.now(), (n) => randomBytes(n)), text, ...(branchId ? { branchId } : {}) } }),
  });
  return (await res.json()) as any;
}

describe('chat stream (SSE)', () => {
  it("rings a branch's listeners with {branchId, seq, rev} and never another branch's", async () => {
    const a = await memberOf('b_demo03');
    const b = await memberOf('b_demo04');
    const streamA = await listen(`branchId=b_demo03&token=${encodeURIComponent(tokenOf(a._id))}`);
    const streamB = await listen(`token=${encodeURIComponent(tokenOf(b._id))}`); // default: own branch
    expect(streamA.status).toBe(200);
    await streamA.next(1);
    await streamB.next(1);
    expect(streamA.events[0]).toEqual({ branchId: 'b_demo03', seq: 0, rev: 0 });
    const sent = await send(b._id, 'B 支部的消息');
    expect(sent.ok).toBe(true);
    await streamB.next(2);
    expect(streamB.events[1]).toEqual({ branchId: 'b_demo04', seq: 1, rev: 1 });
    await send(a._id, 'A 支部的消息');
    await streamA.next(2);
    expect(streamA.events).toEqual([
      { branchId: 'b_demo03', seq: 0, rev: 0 },
      { branchId: 'b_demo03', seq: 1, rev: 1 },
    ]);
    expect(streamB.events.every((e) => e.branchId === 'b_demo04')).toBe(true);
    expect(streamB.events).toHaveLength(2);
    streamA.close();
    streamB.close();
  });

  it("refuses a missing or forged token (401) and another branch's stream (403)", async () => {
    const a = await memberOf('b_demo05');
    expect((await listen('branchId=b_demo05')).status).toBe(401);
    expect((await listen(`branchId=b_demo05&token=${encodeURIComponent(tokenOf(a._id))}x`)).status).toBe(401);
    const refused = await listen(`branchId=b_demo06&token=${encodeURIComponent(tokenOf(a._id))}`);
    expect(refused.status).toBe(403);
    const admin = await listen(`branchId=b_demo06&token=${encodeURIComponent(tokenOf('m_H01001'))}`);
    expect(admin.status).toBe(200);
    admin.close();
  });

  it('releases listeners when clients go away', async () => {
    const a = await memberOf('b_demo07');
    for (let i = 0; i < 50 && bus.size() > 0; i++) await new Promise((r) => setTimeout(r, 20)); // earlier tests' streams
    const before = bus.size();
    expect(before).toBe(0);
    const streams = await Promise.all(Array.from({ length: 5 }, () => listen(`token=${encodeURIComponent(tokenOf(a._id))}`)));
    await Promise.all(streams.map((s) => s.next(1)));
    expect(bus.size()).toBe(before + 5);
    streams.forEach((s) => s.close());
    for (let i = 0; i < 50 && bus.size() > before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(bus.size()).toBe(before);
  });

  it('sends heartbeat comments', async () => {
    const a = await memberOf('b_demo10');
    const stream = await listen(`token=${encodeURIComponent(tokenOf(a._id))}`);
    await new Promise((r) => setTimeout(r, 450));
    expect(stream.comments.filter((c) => c === ': ping').length).toBeGreaterThanOrEqual(1);
    stream.close();
  });

  it('a member moved to another branch loses the old chat and its doorbell', async () => {
    const m = await memberOf('b_demo08');
    const secretary = await memberOf('b_demo08', 'secretary');
    const stream = await listen(`token=${encodeURIComponent(tokenOf(m._id))}`);
    await stream.next(1);
    const ended = new Promise<void>((r) => stream.onEnd(r));
    await storage.collection<Member>('members').updateById(m._id, { $set: { branchId: 'b_demo09' } });
    const refused = await fetch(`${base}/api/fn/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(m._id)}` },
      body: JSON.stringify({ action: 'list', data: { branchId: 'b_demo08' } }),
    });
    expect(await refused.json()).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await send(secretary._id, '调走之后的消息');
    await ended; // the stream re-checks membership on the ring and ends
    expect(stream.events.length).toBeLessThanOrEqual(2);
    const reopened = await listen(`branchId=b_demo08&token=${encodeURIComponent(tokenOf(m._id))}`);
    expect(reopened.status).toBe(403);
  });
});

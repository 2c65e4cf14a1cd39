import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chatFunction } from '../../cloudfunctions/chat/src/handler';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import { localFileStore } from '../../cloudfunctions/_runtime/files/local';
import { issueSessionToken } from '../../cloudfunctions/_runtime/session-token';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import { newClientMsgId } from '../../src/domain/chat/client-id';
import type { Member } from '../../src/domain/org/types';
import { fillBranch } from './chat-fill';
import { countingStorage } from './counting-storage';
import { percentiles } from './measure';
import { memoryReachChannels } from '../../cloudfunctions/_runtime/reach/memory';

/**
 * `npm run bench -- chat`:
 * 1. realtime on the local host (a separate process): BRANCHES × MEMBERS SSE connections, each a client
 *    that calls `chat.sync` after a ring (one in flight, coalescing rings); RATE messages a second in total
 *    for WZB_BENCH_CHAT_SECONDS (default 60). Delivery = send start → every member of the branch has
 *    fetched it. Lost and duplicated deliveries are counted; memory per connection from the host's RSS/heap.
 * 2. badge reads at 10 and 100,000 messages; a history page of 30 at 100,000 (time, reads).
 * 3. function calls per member-day for a typical chat user.
 */
const SECONDS = Number(process.env.WZB_BENCH_CHAT_SECONDS ?? 60);
const RATE = Number(process.env.WZB_BENCH_CHAT_RATE ?? 10);

type Ready = { type: 'ready'; url: string; secret: string; branches: string[]; membersPerBranch: number };
type MemoryMsg = { type: 'memory'; memory: NodeJS.MemoryUsage; cpu: NodeJS.CpuUsage; listeners: number };

export async function realtime() {
  const host = fork(path.join(__dirname, 'chat-host.ts'), [], { execArgv: ['--import', 'tsx', '--expose-gc', ...(process.env.WZB_BENCH_HOST_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.WZB_BENCH_HOST_PROF}`] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Ready>((resolve) => host.on('message', (m: Ready) => m.type === 'ready' && resolve(m)));
  const memory = () =>
    new Promise<MemoryMsg>((resolve) => {
      const on = (m: MemoryMsg) => m.type === 'memory' && (host.off('message', on), resolve(m));
      host.on('message', on);
      host.send({ type: 'memory' });
    });
  const token = (openid: string) => issueSessionToken(openid, ready.secret, Date.now());
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const post = (tok: string, action: string, data: unknown) =>
    new Promise<any>((resolve, reject) => {
      const body = JSON.stringify({ action, data });
      const req = http.request(`${ready.url}/api/fn/chat`, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
        let out = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (out += d));
        res.on('end', () => resolve(JSON.parse(out)));
      });
      req.on('error', reject);
      req.end(body);
    });

  interface Client {
    branchId: string;
    token: string;
    lastRev: number;
    inFlight: boolean;
    dirty: boolean;
    got: Map<number, number>;
    dup: number;
    req?: http.ClientRequest;
  }
  const clients: Client[] = [];
  const before = await memory();
  const deliveredAt = new Map<string, number[]>(); // `${branch}:${seq}` → fetch times
  const sync = async (c: Client): Promise<void> => {
    c.inFlight = true;
    try {
      for (;;) {
        c.dirty = false;
        const res = await post(c.token, 'sync', { afterRev: c.lastRev });
        const t = performance.now();
        for (const m of res.data.messages as Array<{ seq: number; rev: number }>) {
          if (c.got.has(m.seq)) c.dup++;
          else {
            c.got.set(m.seq, t);
            const key = `${c.branchId}:${m.seq}`;
            (deliveredAt.get(key) ?? deliveredAt.set(key, []).get(key)!).push(t);
          }
        }
        c.lastRev = Math.max(c.lastRev, res.data.syncedRev);
        if (!c.dirty && !res.data.more) break;
      }
    } finally {
      c.inFlight = false;
    }
  };
  const connect = (c: Client) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(`${ready.url}/api/chat/stream?token=${encodeURIComponent(c.token)}`, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream ${res.statusCode}`));
        let buf = '';
        let first = true;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buf += chunk;
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const line = block.split('\n').find((l) => l.startsWith('data: '));
            if (!line) continue;
            const bell = JSON.parse(line.slice(6)) as { rev: number };
            if (first) {
              first = false;
              c.lastRev = bell.rev;
              resolve();
              continue;
            }
            if (bell.rev <= c.lastRev) continue;
            if (c.inFlight) c.dirty = true;
            else void sync(c).catch((err) => console.error('sync failed', err));
          }
        });
      });
      c.req = req;
      req.on('error', reject);
    });

  for (const [b, branchId] of ready.branches.entries()) {
    for (let i = 0; i < ready.membersPerBranch; i++) clients.push({ branchId, token: token(`bench:${b}:${i}`), lastRev: 0, inFlight: false, dirty: false, got: new Map(), dup: 0 });
  }
  for (let i = 0; i < clients.length; i += 50) await Promise.all(clients.slice(i, i + 50).map(connect));
  const connected = await memory();

  // Senders: RATE messages a second, round robin over branches, each member sending rarely (rate limit 20/min).
  const sent: Array<{ key: string; startedAt: number; ackMs: number; branch: number }> = [];
  const total = SECONDS * RATE;
  const started = performance.now();
  const sends: Promise<void>[] = [];
  for (let k = 0; k < total; k++) {
    const due = started + (k * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const b = k % ready.branches.length;
    const i = Math.floor(k / ready.branches.length) % ready.membersPerBranch;
    const t0 = performance.now();
    sends.push(
      post(token(`bench:${b}:${i}`), 'send', { clientMsgId: newClientMsgId(Date.now(), (n) => randomBytes(n)), text: `压测消息 ${k}` }).then((res) => {
        if (!res.ok) throw new Error(`send: ${res.code}`);
        sent.push({ key: `${ready.branches[b]}:${res.data.message.seq}`, startedAt: t0, ackMs: performance.now() - t0, branch: b });
      }),
    );
  }
  await Promise.all(sends);
  // Let the last rings land.
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline && sent.some((s) => (deliveredAt.get(s.key)?.length ?? 0) < ready.membersPerBranch)) await new Promise((r) => setTimeout(r, 100));

  const delivery: number[] = [];
  let lost = 0;
  for (const s of sent) {
    const times = deliveredAt.get(s.key) ?? [];
    lost += ready.membersPerBranch - times.length;
    if (times.length) delivery.push(Math.max(...times) - s.startedAt);
  }
  const duplicated = clients.reduce((n, c) => n + c.dup, 0);
  const done = await memory();
  const hostCpuMs = (done.cpu.user + done.cpu.system - connected.cpu.user - connected.cpu.system) / 1000;
  clients.forEach((c) => c.req?.destroy());
  agent.destroy();
  host.send({ type: 'stop' });
  const perConn = (a: number, b: number) => Math.round(((b - a) / clients.length / 1024) * 10) / 10;
  return {
    connections: clients.length,
    listenersOnHost: connected.listeners,
    seconds: SECONDS,
    messages: sent.length,
    deliveriesExpected: sent.length * ready.membersPerBranch,
    deliveryMs: percentiles(delivery),
    sendMs: percentiles(sent.map((s) => s.ackMs)),
    lost,
    duplicated,
    // Load-independent: host CPU spent per message (its send, 50 rings and 50 syncs) and per second of traffic.
    hostCpuMsPerMessage: Math.round((hostCpuMs / Math.max(1, sent.length)) * 100) / 100,
    hostCpuShareOfOneCore: Math.round((hostCpuMs / 1000 / SECONDS) * 100) / 100,
    memoryPerConnectionKB: { rss: perConn(before.memory.rss, connected.memory.rss), heap: perConn(before.memory.heapUsed, connected.memory.heapUsed) },
  };
}

async function storageCosts() {
  const storage = openSqliteStorage(path.join(tmpdir(), `wzb-bench-chat-${randomBytes(4).toString('hex')}.db`));
  const now = Date.now();
  await seedDemoHospital(storage, now);
  const counting = countingStorage(storage);
  const files = localFileStore(path.join(tmpdir(), 'wzb-bench-chat-files'));
  const wechat = localWeChatGateway();
  const channels = memoryReachChannels();
  const ctx = (openid: string): FunctionContext => ({ openid, storage: counting.storage, now: () => Date.now(), randomBytes: (n) => randomBytes(n), demo: true, wechat, files, channels });
  const memberOf = async (branchId: string) =>
    (await storage.collection<Member>('members').find({ branchId, role: 'member', openid: { $ne: null } }, { limit: 2, orderBy: [['employeeNo', 'asc']] }));
  const [small1, small2] = await memberOf('b_demo01');
  const [big1, big2] = await memberOf('b_demo02');
  await fillBranch(storage, 'b_demo01', small1._id, 10, now);
  await fillBranch(storage, 'b_demo02', big1._id, 100_000, now);
  const call = async (openid: string, action: string, data: unknown = {}) => {
    const res = await chatFunction({ action, data }, ctx(openid));
    if (!res.ok) throw new Error(`${action}: ${res.code}`);
    return res.data as any;
  };
  const measure = async (openid: string, action: string, data: unknown, n: number) => {
    const times: number[] = [];
    let reads = 0;
    for (let i = 0; i < n; i++) {
      counting.reset();
      const t0 = performance.now();
      await call(openid, action, data);
      times.push(performance.now() - t0);
      reads = counting.reads();
    }
    return { ms: percentiles(times), reads };
  };
  const badge10 = await measure(small2.openid!, 'badge', {}, 200);
  const badge100k = await measure(big2.openid!, 'badge', {}, 200);
  const page100k = await measure(big2.openid!, 'list', { beforeSeq: 50_000 }, 20);
  const latest100k = await measure(big2.openid!, 'list', {}, 20);
  const open100k = await measure(big2.openid!, 'open', {}, 10);

  // A typical member-day in a branch: others write 46 messages; the 支部 tab is shown 4 times; the chat is
  // opened twice (20 waiting each time, 3 more arriving while open → a ring and a sync each); 3 sends; a
  // read when leaving. The doorbell subscription itself is not a function call. Only U's calls count.
  const roster = await storage.collection<Member>('members').find({ branchId: 'b_demo03', openid: { $ne: null } }, { limit: 50, orderBy: [['employeeNo', 'asc']] });
  const u = roster[0];
  const others = roster.slice(1);
  let mine = 0;
  let r = 0;
  const as = async (openid: string, action: string, data: unknown = {}) => {
    if (openid === u.openid) mine++;
    const res = await chatFunction({ action, data }, ctx(openid));
    if (!res.ok) throw new Error(`${action}: ${res.code}`);
    return res.data as any;
  };
  const say = (openid: string, text: string) => as(openid, 'send', { clientMsgId: newClientMsgId(Date.now(), (n) => randomBytes(n)), text });
  const other = () => others[r++ % others.length].openid!;
  counting.reset();
  let readsBefore = 0;
  let writesBefore = 0;
  let uReads = 0;
  let uWrites = 0;
  const track = async <T>(work: () => Promise<T>) => {
    readsBefore = counting.reads();
    writesBefore = counting.writes();
    const out = await work();
    uReads += counting.reads() - readsBefore;
    uWrites += counting.writes() - writesBefore;
    return out;
  };
  for (let visit = 0; visit < 2; visit++) {
    await track(() => as(u.openid!, 'badge'));
    for (let i = 0; i < 20; i++) await say(other(), `白天的消息 ${visit}-${i}`);
    await track(() => as(u.openid!, 'badge'));
    const opened = await track(() => as(u.openid!, 'open'));
    let rev = opened.head.rev;
    for (let i = 0; i < 3; i++) {
      await say(other(), `打开时收到 ${visit}-${i}`);
      rev = (await track(() => as(u.openid!, 'sync', { afterRev: rev }))).head.rev;
    }
    for (let i = 0; i < (visit === 0 ? 2 : 1); i++) rev = (await track(() => say(u.openid!, `我的回复 ${visit}-${i}`))).head.rev;
    await track(() => as(u.openid!, 'read', { seq: 1_000_000 }));
  }
  const day = { calls: mine, storageReads: uReads, storageWrites: uWrites, messagesFromOthers: 46, pattern: '2 × (badge, badge, open, 3 syncs, read) + 3 sends' };
  await storage.close();
  return { badgeAt10: badge10, badgeAt100k: badge100k, historyPageOf30At100k: page100k, latestPageAt100k: latest100k, openAt100k: open100k, typicalMemberDay: day };
}

export async function benchChat() {
  const live = await realtime();
  const costs = await storageCosts();
  return { realtime: live, ...costs };
}

if (require.main === module) {
  benchChat()
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}

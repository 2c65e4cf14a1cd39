import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_FUNCTIONS } from '../../cloudfunctions/_local/functions';
import { createLocalHost } from '../../cloudfunctions/_local/server';
import { localFileStore } from '../../cloudfunctions/_runtime/files/local';
import { localDoorbellBus, ringingStorage } from '../../cloudfunctions/_runtime/realtime/local';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import type { Branch, Member } from '../../src/domain/org/types';

/**
 * The chat bench's host, in its own process (forked by chat.ts) so its memory per connection is not
 * mixed with the clients': the local host as `npm start` wires it (SQLite file, doorbell bus, SSE),
 * with BRANCHES × MEMBERS bench members bound as `bench:<branch>:<n>`.
 */
const BRANCHES = Number(process.env.BENCH_BRANCHES ?? 14);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 50);

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'wzb-bench-chat-'));
  const bus = localDoorbellBus();
  const storage = ringingStorage(openSqliteStorage(path.join(dir, 'bench.db')), bus);
  const now = Date.now();
  const branches: Branch[] = [];
  const members: Member[] = [];
  for (let b = 0; b < BRANCHES; b++) {
    const id = `b_chat${String(b).padStart(2, '0')}`;
    branches.push({ _id: id, name: `压测${b}党支部`, department: `压测${b}`, status: 'active', releaseTime: '07:00', timeZone: 'Asia/Shanghai', createdAt: now, updatedAt: now });
    for (let i = 0; i < MEMBERS; i++) {
      members.push({
        _id: `m_C${b}_${i}`,
        name: `压测${b}号${i}`,
        employeeNo: `C${b}_${i}`,
        department: `压测${b}`,
        branchId: id,
        partyGroupId: null,
        role: i === 0 ? 'secretary' : 'member',
        phone: null,
        openid: `bench:${b}:${i}`,
        boundAt: now,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  await storage.collection<Branch>('branches').insertMany(branches);
  await storage.collection<Member>('members').insertMany(members);
  const secret = randomBytes(16).toString('hex');
  const server = createLocalHost({ storage, functions: LOCAL_FUNCTIONS, sessionSecret: secret, h5Dir: dir, demo: false, files: localFileStore(path.join(dir, 'files')), wechat: localWeChatGateway(), doorbells: bus });
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.on('message', (msg: { type: string }) => {
    if (msg.type === 'memory') {
      (globalThis as { gc?: () => void }).gc?.();
      process.send!({ type: 'memory', memory: process.memoryUsage(), cpu: process.cpuUsage(), listeners: bus.size() });
    }
    if (msg.type === 'stop') {
      server.closeAllConnections();
      server.close(() => storage.close().finally(() => process.exit(0)));
    }
  });
  process.send!({ type: 'ready', url, secret, branches: branches.map((b) => b._id), membersPerBranch: MEMBERS });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

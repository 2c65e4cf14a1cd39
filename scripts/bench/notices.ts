import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_FUNCTIONS } from '../../cloudfunctions/_local/functions';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import { createLocalHost } from '../../cloudfunctions/_local/server';
import { localFileStore } from '../../cloudfunctions/_runtime/files/local';
import { issueSessionToken } from '../../cloudfunctions/_runtime/session-token';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import type { Notice, Receipt } from '../../src/domain/notice/types';
import type { Branch, Member } from '../../src/domain/org/types';
import { countingStorage } from './counting-storage';
import { percentiles, timeIt } from './measure';

/**
 * Notices at hospital scale on the local host, over real HTTP: a hospital-wide notice to 5,000+
 * recipients; 5,000 members opening it within a minute (a fixed arrival rate, not a burst); the
 * publisher's read/unread roster.
 */
const MEMBERS = 5000;
const ARRIVAL_WINDOW_MS = 60_000;

async function addMembers(storage: ReturnType<typeof openSqliteStorage>, now: number) {
  const branches: Branch[] = [];
  const members: Member[] = [];
  for (let b = 0; b < MEMBERS / 50; b++) {
    const id = `b_bench${b}`;
    branches.push({ _id: id, name: `压测${b}党支部`, department: `压测${b}`, status: 'active', releaseTime: '07:00', timeZone: 'Asia/Shanghai', createdAt: now, updatedAt: now });
    for (let i = 0; i < 50; i++) {
      const n = b * 50 + i;
      members.push({ _id: `m_B${n}`, name: `压测${n}`, employeeNo: `B${n}`, department: `压测${b}`, branchId: id, partyGroupId: null, role: 'member', phone: null, openid: `bench:${n}`, boundAt: now, status: 'active', createdAt: now, updatedAt: now });
    }
  }
  await storage.collection<Branch>('branches').insertMany(branches);
  await storage.collection<Member>('members').insertMany(members);
  return members;
}

export async function benchNotices() {
  const dir = mkdtempSync(path.join(tmpdir(), 'wzb-bench-notices-'));
  const raw = openSqliteStorage(path.join(dir, 'bench.db'));
  const now = Date.now();
  await seedDemoHospital(raw, now);
  const members = await addMembers(raw, now);
  const counter = countingStorage(raw);
  const secret = randomBytes(16).toString('hex');
  const server = createLocalHost({ storage: counter.storage, functions: LOCAL_FUNCTIONS, sessionSecret: secret, h5Dir: dir, demo: true, files: localFileStore(path.join(dir, 'files')), wechat: localWeChatGateway() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokenOf = (openid: string) => issueSessionToken(openid, secret, Date.now());
  const call = async (openid: string, fn: string, action: string, data: unknown) => {
    const res = await fetch(`${base}/api/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(openid)}` }, body: JSON.stringify({ action, data }) });
    const body = (await res.json()) as { ok: boolean; data?: any; code?: string };
    if (!body.ok) throw new Error(`${action}: ${body.code}`);
    return body.data;
  };

  const admin = 'demo:m_H01001';
  counter.reset();
  const publish = await timeIt(() => call(admin, 'notices', 'publish', { title: '压测：全院通知', body: '请全体党员阅读。', audience: { kind: 'all' }, requestId: 'bench-notice-first-0001' }));
  const noticeId = publish.value.noticeId as string;
  const publishWrites = counter.writes();

  // 5,000 members arrive evenly over one minute; each opens the notice (some open it twice).
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    members.map(async (m, i) => {
      await new Promise((r) => setTimeout(r, (i / members.length) * ARRIVAL_WINDOW_MS));
      const t = await timeIt(() => call(m.openid!, 'notices', 'open', { noticeId }));
      latencies.push(t.ms);
      if (i % 10 === 0) await call(m.openid!, 'notices', 'open', { noticeId });
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  const receipts = await raw.collection<Receipt>('receipts').findAll({ noticeId }, 1000);
  const read = receipts.filter((r) => r.readAt !== null && r.memberId.startsWith('m_B')).length;
  const notice = (await raw.collection<Notice>('notices').get(noticeId))!;

  // Capacity: a second notice, 5,000 opens as fast as 50 concurrent clients can go.
  const second = await call(admin, 'notices', 'publish', { title: '压测：全院通知二', body: '请全体党员阅读。', audience: { kind: 'all' }, requestId: 'bench-notice-second-0001' });
  const burstLatencies: number[] = [];
  let next = 0;
  const burst = await timeIt(() =>
    Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < members.length) {
          const m = members[next++];
          burstLatencies.push((await timeIt(() => call(m.openid!, 'notices', 'open', { noticeId: second.noticeId }))).ms);
        }
      }),
    ),
  );
  const secondNotice = (await raw.collection<Notice>('notices').get(second.noticeId))!;

  counter.reset();
  const roster = await timeIt(() => call(admin, 'notices', 'track', { noticeId }));
  const rosterReads = counter.reads();
  counter.reset();
  const inbox = await timeIt(() => call(members[0].openid!, 'notices', 'inbox', {}));
  const inboxReads = counter.reads();

  server.closeAllConnections();
  server.close();
  await raw.close();
  return {
    recipients: publish.value.recipientCount,
    publishFanOutMs: Math.round(publish.ms),
    publishWrites,
    marks: {
      members: members.length,
      elapsedS: Math.round(elapsedS * 10) / 10,
      marksPerSecond: Math.round(members.length / elapsedS),
      latencyMs: percentiles(latencies),
      lost: members.length - read,
      duplicated: notice.readCount - receipts.filter((r) => r.readAt !== null).length,
      readCountOnNotice: notice.readCount,
    },
    burst: {
      concurrency: 50,
      marksPerSecond: Math.round(members.length / (burst.ms / 1000)),
      latencyMs: percentiles(burstLatencies),
      readCountOnNotice: secondNotice.readCount,
    },
    publisherRoster: { ms: Math.round(roster.ms), storageReads: rosterReads, rows: roster.value.counts.recipients },
    inboxOneCall: { ms: Math.round(inbox.ms * 10) / 10, storageReads: inboxReads, functionCalls: 1 },
  };
}

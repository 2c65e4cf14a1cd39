/**
 * Durability of the embedded default: the real host process (`tsx cloudfunctions/_local/main.ts`) takes
 * a burst of writes over HTTP — a secretary publishing notices to the whole branch (notice + one receipt
 * per member), members opening them (receipt + the notice's read counter) — and is killed with SIGKILL in
 * the middle. After a restart every acknowledged write is there, and nothing is half-written: every notice
 * is published with all its receipts (an interrupted fan-out is finished by the scheduler) and every read
 * counter equals its read receipts.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import type { Member } from '../../src/domain/org/types';
import type { Notice, Receipt } from '../../src/domain/notice/types';
import { requestId } from '../functions/harness';
import { localHostFolder, postJson } from './host-process';

jest.setTimeout(60_000);

const host = localHostFolder('wzb-durable-');
const { dataDir } = host;
afterAll(() => {
  host.killAll();
  host.remove();
});
const start = (env: Record<string, string> = {}) => host.start({ WZB_SCHEDULER_MS: '3600000', ...env });

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve())));

interface Persona {
  memberId: string;
  role: string;
  branchName: string | null;
}

describe('kill -9 during a write burst', () => {
  it('keeps every acknowledged write and leaves nothing half-written', async () => {
    const first = await start();
    const { personas } = (await (await fetch(`${first.url}/api/demo/personas`)).json()) as { personas: Persona[] };
    const secretary = personas.find((p) => p.role === 'secretary')!;
    const readers = personas.filter((p) => p.role === 'member' && p.branchName === secretary.branchName);
    expect(readers.length).toBeGreaterThanOrEqual(2);
    const token = async (memberId: string) => ((await postJson(`${first.url}/api/session/demo`, { memberId })) as { token: string }).token;
    const secretaryToken = await token(secretary.memberId);
    const readerTokens = await Promise.all(readers.map((r) => token(r.memberId)));
    const me = await postJson(`${first.url}/api/fn/org`, { action: 'me', data: {} }, secretaryToken);
    const branchId: string = me.data.member.branchId;

    const published: string[] = [];
    const reads: Array<{ noticeId: string; memberId: string }> = [];
    let stopped = false;
    let n = 0;
    const publisher = async () => {
      while (!stopped) {
        const title = `耐久测试-${n++}`;
        try {
          const res = await postJson(`${first.url}/api/fn/notices`, { action: 'publish', data: { title, body: '写入压力测试', audience: { kind: 'branch', branchId }, requestId: requestId() } }, secretaryToken);
          if (res.ok) published.push(res.data.noticeId);
          else throw new Error(`publish refused: ${res.code} ${res.message}`);
        } catch (err) {
          if (!stopped) throw err;
        }
      }
    };
    const reader = async (i: number) => {
      while (!stopped) {
        const noticeId = published[published.length - 1 - (i % 3)];
        if (!noticeId) {
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        try {
          const res = await postJson(`${first.url}/api/fn/notices`, { action: 'open', data: { noticeId } }, readerTokens[i]);
          if (res.ok) reads.push({ noticeId, memberId: readers[i].memberId });
        } catch (err) {
          if (!stopped) throw err;
        }
      }
    };
    const burst = Promise.all([publisher(), publisher(), publisher(), ...readerTokens.map((_, i) => reader(i))]);
    // Kill mid-burst, once a fair number of writes were acknowledged (or after 8 s at most).
    const t0 = Date.now();
    while (published.length < 40 && Date.now() - t0 < 8_000) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    stopped = true;
    await exited(first.child);
    await burst;
    expect(published.length).toBeGreaterThan(0);
    expect(reads.length).toBeGreaterThan(0);

    // Restart: the host opens the same data folder; its scheduler finishes any interrupted fan-out at once.
    const second = await start({ WZB_SCHEDULER_MS: '200' });
    expect((await postJson(`${second.url}/api/fn/org`, { action: 'me', data: {} }, secretaryToken)).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 800));
    second.child.kill('SIGINT');
    await exited(second.child);

    const storage = openSqliteStorage(path.join(dataDir, 'weizhibu.db'));
    try {
      // The publisher is not her own recipient.
      const members = (await storage.collection<Member>('members').findAll({ branchId, status: 'active' })).filter((m) => m._id !== secretary.memberId);
      const notices = await storage.collection<Notice>('notices').findAll({ authorId: secretary.memberId });
      const receipts = await storage.collection<Receipt>('receipts').findAll({ noticeId: { $in: notices.map((x) => x._id) } });
      const byNotice = new Map<string, Receipt[]>();
      for (const r of receipts) byNotice.set(r.noticeId, [...(byNotice.get(r.noticeId) ?? []), r]);

      // Every acknowledged publish is there.
      const stored = new Set(notices.map((x) => x._id));
      expect(published.filter((id) => !stored.has(id))).toEqual([]);
      if (process.env.WZB_DURABILITY_LOG) console.log(`acknowledged: ${published.length} notices, ${reads.length} reads; stored: ${notices.length} notices, ${receipts.length} receipts`);
    // Nothing half-written: every notice (acknowledged or cut off mid-flight) is published with one receipt per member but its author.
      for (const notice of notices.filter((x) => x.title.startsWith('耐久测试-'))) {
        const mine = byNotice.get(notice._id) ?? [];
        expect({ id: notice._id, status: notice.status, receipts: mine.length, recipientCount: notice.recipientCount }).toEqual({
          id: notice._id,
          status: 'published',
          receipts: members.length,
          recipientCount: members.length,
        });
        expect({ id: notice._id, readCount: notice.readCount }).toEqual({ id: notice._id, readCount: mine.filter((r) => r.readAt !== null).length });
      }
      // Every acknowledged read is there.
      const readIds = new Set(receipts.filter((r) => r.readAt !== null).map((r) => `${r.noticeId}:${r.memberId}`));
      expect(reads.filter((r) => !readIds.has(`${r.noticeId}:${r.memberId}`))).toEqual([]);
    } finally {
      await storage.close();
    }
  });
});

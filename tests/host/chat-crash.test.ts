import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newClientMsgId } from '../../src/domain/chat/client-id';

/**
 * kill -9 the real local host during a burst of chat sends, restart it on the same data folder, and
 * retry every send with its client message id (as the phone's outbox does): every acknowledged
 * message is still there with the same seq, nothing is stored twice, and the order has no duplicates.
 */
const root = path.resolve(__dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'wzb-chat-crash-'));
const h5Dir = path.join(dataDir, 'h5');
mkdirSync(h5Dir);
writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>微支部</title>');

const running = new Set<ChildProcess>();
afterAll(() => running.forEach((c) => c.kill('SIGKILL')));

function start(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cloudfunctions/_local/main.ts'], {
    cwd: root,
    env: { ...process.env, WZB_PORT: '0', WZB_DATA_DIR: dataDir, WZB_H5_DIR: h5Dir, WZB_SCHEDULER_MS: '3600000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 30000);
    child.stdout!.on('data', () => {
      const m = out.match(/local host: (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
  });
}

async function post(url: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return res.json();
}

describe('chat survives kill -9 of the local host', () => {
  it('keeps every acknowledged message; retries create no duplicates; order recovers', async () => {
    const first = await start();
    const { personas } = (await (await fetch(`${first.url}/api/demo/personas`)).json()) as { personas: Array<{ memberId: string; role: string; branchName: string | null }> };
    const senders = personas.filter((p) => p.branchName === '心血管内科党支部').slice(0, 6);
    expect(senders.length).toBeGreaterThanOrEqual(2);
    const tokens = new Map<string, string>();
    for (const s of senders) tokens.set(s.memberId, (await post(`${first.url}/api/session/demo`, { memberId: s.memberId })).token);
    const baseline = (await post(`${first.url}/api/fn/chat`, { action: 'badge', data: {} }, tokens.get(senders[0].memberId))).data.seq as number;

    // The phones' outboxes: every message has its client id before the first attempt.
    const outbox = senders.flatMap((s) => Array.from({ length: 15 }, (_, i) => ({ memberId: s.memberId, clientMsgId: newClientMsgId(Date.now(), (n) => randomBytes(n)), text: `压力测试 ${s.memberId} 第 ${i + 1} 条` })));
    const acked = new Map<string, number>();
    let next = 0;
    const worker = async (url: string) => {
      while (next < outbox.length) {
        const m = outbox[next++];
        try {
          const res = await post(`${url}/api/fn/chat`, { action: 'send', data: { clientMsgId: m.clientMsgId, text: m.text } }, tokens.get(m.memberId));
          if (res.ok) acked.set(m.clientMsgId, res.data.message.seq);
        } catch {
          return; // the host is gone
        }
      }
    };
    const burst = Promise.all(Array.from({ length: 6 }, () => worker(first.url)));
    while (acked.size < 25) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    await burst;
    expect(acked.size).toBeGreaterThanOrEqual(25);
    expect(acked.size).toBeLessThan(outbox.length);

    const second = await start();
    // Every phone retries its whole outbox with the same ids.
    for (const m of outbox) {
      const res = await post(`${second.url}/api/fn/chat`, { action: 'send', data: { clientMsgId: m.clientMsgId, text: m.text } }, tokens.get(m.memberId));
      expect(res.ok).toBe(true);
      if (acked.has(m.clientMsgId)) expect(res.data).toMatchObject({ duplicate: true, message: { seq: acked.get(m.clientMsgId) } });
    }
    const token = tokens.get(senders[0].memberId)!;
    const seen: Array<{ seq: number; clientMsgId: string }> = [];
    let afterSeq = baseline;
    for (;;) {
      const page = await post(`${second.url}/api/fn/chat`, { action: 'list', data: { afterSeq } }, token);
      seen.push(...page.data.messages);
      if (!page.data.hasMore) break;
      afterSeq = page.data.messages[page.data.messages.length - 1].seq;
    }
    const ids = seen.map((m) => m.clientMsgId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(outbox.map((m) => m.clientMsgId)));
    const seqs = seen.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    second.child.kill('SIGKILL');
  }, 90000);
});

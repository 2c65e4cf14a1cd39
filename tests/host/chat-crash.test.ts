import { randomBytes } from 'node:crypto';
import { newClientMsgId } from '../../src/domain/chat/client-id';
import { localHostFolder, postJson } from './host-process';

/**
 * kill -9 the real local host during a burst of chat sends, restart it on the same data folder, and
 * retry every send with its client message id (as the phone's outbox does): every acknowledged
 * message is still there with the same seq, nothing is stored twice, and the order has no duplicates.
 */
const host = localHostFolder('wzb-chat-crash-');
afterAll(host.killAll);
const start = () => host.start({ WZB_SCHEDULER_MS: '3600000' });

describe('chat survives kill -9 of the local host', () => {
  it('keeps every acknowledged message; retries create no duplicates; order recovers', async () => {
    const first = await start();
    const { personas } = (await (await fetch(`${first.url}/api/demo/personas`)).json()) as { personas: Array<{ memberId: string; role: string; branchName: string | null }> };
    const senders = personas.filter((p) => p.branchName === '心血管内科党支部').slice(0, 6);
    expect(senders.length).toBeGreaterThanOrEqual(2);
    const tokens = new Map<string, string>();
    for (const s of senders) tokens.set(s.memberId, (await postJson(`${first.url}/api/session/demo`, { memberId: s.memberId })).token);
    const baseline = (await postJson(`${first.url}/api/fn/chat`, { action: 'badge', data: {} }, tokens.get(senders[0].memberId))).data.seq as number;

    // The phones' outboxes: every message has its client id before the first attempt.
    const outbox = senders.flatMap((s) => Array.from({ length: 15 }, (_, i) => ({ memberId: s.memberId, clientMsgId: newClientMsgId(Date.now(), (n) => randomBytes(n)), text: `压力测试 ${s.memberId} 第 ${i + 1} 条` })));
    const acked = new Map<string, number>();
    let next = 0;
    const worker = async (url: string) => {
      while (next < outbox.length) {
        const m = outbox[next++];
        try {
          const res = await postJson(`${url}/api/fn/chat`, { action: 'send', data: { clientMsgId: m.clientMsgId, text: m.text } }, tokens.get(m.memberId));
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
      const res = await postJson(`${second.url}/api/fn/chat`, { action: 'send', data: { clientMsgId: m.clientMsgId, text: m.text } }, tokens.get(m.memberId));
      expect(res.ok).toBe(true);
      if (acked.has(m.clientMsgId)) expect(res.data).toMatchObject({ duplicate: true, message: { seq: acked.get(m.clientMsgId) } });
    }
    const token = tokens.get(senders[0].memberId)!;
    const seen: Array<{ seq: number; clientMsgId: string }> = [];
    let afterSeq = baseline;
    for (;;) {
      const page = await postJson(`${second.url}/api/fn/chat`, { action: 'list', data: { afterSeq } }, token);
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

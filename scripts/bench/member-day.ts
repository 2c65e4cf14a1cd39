import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_FUNCTIONS } from '../../cloudfunctions/_local/functions';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import { releaseDueLessons } from '../../cloudfunctions/lessons/src/release';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import type { DirtyReason, MediaBeat, SavedProgressSummary } from '../../src/domain/lesson/progress';
import { planSave } from '../../src/domain/lesson/save-plan';
import { countingStorage } from './counting-storage';
import { plannedLesson, world } from './lessons';

/**
 * A typical member's day, counted as CloudBase bills it: every function call the app makes, with the
 * storage reads and writes each one does (the counting storage adapter), for
 *   open the app (me, today's card, unread notices) → today's 15-minute video lesson played to the
 *   end with one pause, saved by the client's policy → the check → back home → the notices tab →
 *   open one notice → back to the list.
 * The calls are the ones the pages make (src/pages/index, lesson, notices, notice-detail); the saves
 * follow the client's policy (src/domain/lesson/save-plan.ts, used by src/hooks/use-progress-saver.ts):
 * a beat every 10 s of play, a save at most once a minute, always on pause and at a chapter's end,
 * early when the beats may complete the lesson, none when such a save is under 30 s of play away.
 */

/**
 * CloudBase pay-as-you-go prices (CNY), from Tencent Cloud's price page 产品定价 (按量计费), as stored in
 * github.com/tencentyun/qcloud-documents, product/移动与通信/应用服务平台/购买指南/产品定价.md
 * (commit 1a421bcb6c093a659d20c16754844220b166dcc6). Free quotas are ignored (a real hospital exceeds them).
 */
export const CLOUDBASE_PRICES_CNY = {
  source: 'Tencent Cloud 云开发 CloudBase 产品定价 · 按量计费 (tencentyun/qcloud-documents 产品定价.md @1a421bc)',
  dbReadsPer10k: 0.015,
  dbWritesPer10k: 0.05,
  functionCallsPer10k: 0.0133,
  functionGBs: 0.00011108,
  /** Assumed: functions configured at 256 MB, each call billed 200 ms (100 ms granularity; ours run well under). */
  assumedGBsPerCall: (256 / 1024) * 0.2,
  assumedDaysPerMonth: 30,
};

const SH = (date: string, clock: string) => Date.parse(`${date}T${clock}:00+08:00`);
const ADMIN = 'demo:m_H01001';
const ME = 'demo:m_H01002';
/** Another member of the same branch (H01). */
const COLLEAGUE = 'demo:m_H01003';
const CHAPTER_SEC = 300;
const CHAPTERS = 3;

type Step = { step: string; fn: string; action: string; reads: number; writes: number };

export async function benchMemberDay() {
  const dir = mkdtempSync(path.join(tmpdir(), 'wzb-bench-day-'));
  const raw = openSqliteStorage(path.join(dir, 'bench.db'));
  const start = SH('2026-11-23', '06:00');
  await seedDemoHospital(raw, start - 30 * 24 * 3600 * 1000);
  const counter = countingStorage(raw);
  const w = world(counter.storage, dir, start);
  const lessonId = await plannedLesson(w, '2026-11-23', CHAPTERS);
  w.clock.t = SH('2026-11-23', '07:00');
  await releaseDueLessons(w.ctx(null));
  const published = await callAs(ADMIN, 'notices', 'publish', { title: '关于开展主题党日活动的通知', body: '请各支部党员按时参加。', audience: { kind: 'all' }, requestId: 'bench-member-day-notice' });
  const noticeId = (published as { noticeId: string }).noticeId;
  // 20 messages from a colleague since the member last read the chat.
  for (let i = 0; i < 20; i++) {
    w.clock.t += 60_000;
    await callAs(COLLEAGUE, 'chat', 'send', { clientMsgId: `cbenchcolleague${String(i).padStart(5, '0')}`, text: `第 ${i + 1} 条：今天的学习大家交流一下。` });
  }

  const steps: Step[] = [];
  async function callAs(openid: string, fn: string, action: string, data: unknown = {}): Promise<unknown> {
    const res = await LOCAL_FUNCTIONS[fn]({ action, data }, w.ctx(openid));
    if (!res.ok) throw new Error(`${fn}.${action}: ${res.code} ${res.message}`);
    return res.data;
  }
  const call = async (step: string, fn: string, action: string, data: unknown = {}) => {
    counter.reset();
    const out = await callAs(ME, fn, action, data);
    steps.push({ step, fn, action, reads: counter.reads(), writes: counter.writes() });
    if (process.env.WZB_BENCH_TRACE) console.error(`${step}: ${fn}.${action} ${counter.reads()} reads ${counter.writes()} writes`);
    return out as any;
  };

  // Open the app at 12:30: the home page asks who I am, today's lesson card and the unread count.
  w.clock.t = SH('2026-11-23', '12:30');
  // One call: who I am, today's lesson card, unread notices and the chat badge (src/pages/index).
  await call('open the app (home, with the chat badge)', 'org', 'home', { me: true });

  // Today's lesson: the player, then 15 minutes of video with a 30-second pause in the first chapter.
  const player = await call('open the lesson', 'lessons', 'get', { lessonId });
  const questionIds = (player.lesson.questions as Array<{ id: string }>).map((q) => q.id);
  let saved: SavedProgressSummary = player.progress;
  let queue: MediaBeat[] = [];
  // Opening the lesson created the progress: the saver counts it as the first save (use-progress-saver.ts).
  let lastSavedAt: number | null = w.clock.t;
  const savesBy: Record<DirtyReason, number> = { none: 0, tick: 0, pause: 0, ended: 0, leave: 0 };
  const save = async (asked: DirtyReason, chapter: number, position: number) => {
    const now = w.clock.t;
    const reason = planSave({ asked, lastSavedAt, now, saved, queue, mediaTotalSec: CHAPTERS * CHAPTER_SEC, untilChapterEndSec: CHAPTER_SEC - position });
    if (queue.length === 0 || reason === null) return;
    const out = await call('study (progress saves)', 'lessons', 'progress', { lessonId, beats: queue, resume: { chapter, position, at: now } });
    saved = out.progress;
    queue = [];
    lastSavedAt = now;
    savesBy[reason]++;
    if (process.env.WZB_BENCH_TRACE) console.error(`save ${reason} chapter ${chapter} at ${position} s`);
  };
  for (let c = 0; c < CHAPTERS; c++) {
    for (let pos = 0; pos < CHAPTER_SEC; pos += 10) {
      w.clock.t += 10_000;
      queue.push({ chapter: c, from: pos, to: pos + 10, playedMs: 10_000 });
      if (c === 0 && pos + 10 === 150) {
        await save('pause', c, pos + 10);
        w.clock.t += 30_000;
      } else await save(pos + 10 >= CHAPTER_SEC ? 'ended' : 'tick', c, pos + 10);
    }
  }
  const completed = (saved as { completed: boolean }).completed;
  // The check's questions came with the player (`get`); answering is one call.
  const answers = Object.fromEntries(questionIds.map((id) => [id, [0]]));
  await call('the check', 'lessons', 'answer', { lessonId, answers });

  // Back home (the card, the notices list and the chat badge refresh), the notices tab, one notice, back to the list.
  // The 通知 tab opens from the list the home just fetched, and back from the notice it patches the row the
  // member read (src/utils/inbox-store.ts): neither calls while that list is under 2 minutes old.
  const homeBack = await call('back home', 'org', 'home', { me: false });
  if (!(homeBack.inbox.items as Array<{ noticeId: string }>).some((i) => i.noticeId === noticeId)) throw new Error('home: the notice is not in the list');
  await call('open a notice', 'notices', 'open', { noticeId });

  // Chat (its badge came with home): open on the 20 unread messages — the first screen shows them all and
  // opening marks them read — and send one. The send's answer carries the message; the doorbell that rings
  // for it finds nothing newer (src/pages/chat/use-chat-room.ts), so no sync follows.
  const opened = await call('read 20 chat messages', 'chat', 'open');
  if ((opened.messages as unknown[]).length !== 20 || opened.readUpTo !== opened.head.seq) throw new Error('chat open: expected the 20 unread, marked read');
  const sent = await call('send one', 'chat', 'send', { clientMsgId: 'cbenchday00000000001', text: '收到，今天的微党课已学完。' });
  if (sent.message.rev !== opened.syncedRev + 1) throw new Error('chat send: another change came in between; the client would sync');
  await raw.close();

  const totals = steps.reduce((t, s) => ({ calls: t.calls + 1, reads: t.reads + s.reads, writes: t.writes + s.writes }), { calls: 0, reads: 0, writes: 0 });
  const byStep: Record<string, { calls: number; reads: number; writes: number }> = {};
  for (const s of steps) {
    const b = (byStep[s.step] ??= { calls: 0, reads: 0, writes: 0 });
    b.calls++;
    b.reads += s.reads;
    b.writes += s.writes;
  }
  const p = CLOUDBASE_PRICES_CNY;
  const perMonth = 1000 * p.assumedDaysPerMonth;
  const cost = {
    functionCalls: ((totals.calls * perMonth) / 10_000) * p.functionCallsPer10k,
    functionGBs: totals.calls * perMonth * p.assumedGBsPerCall * p.functionGBs,
    dbReads: ((totals.reads * perMonth) / 10_000) * p.dbReadsPer10k,
    dbWrites: ((totals.writes * perMonth) / 10_000) * p.dbWritesPer10k,
  };
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return {
    scenario: 'open the app (with the chat badge); 15-minute video lesson (3 × 5 min, one 30 s pause) to completion; the check; back home; notices tab; open one notice; back; open the chat on 20 unread messages; send one',
    perMemberDay: totals,
    targets: { calls: 25, reads: 80, writes: 25, met: totals.calls <= 25 && totals.reads <= 80 && totals.writes <= 25 },
    lesson: { completed, progressSaves: steps.filter((s) => s.action === 'progress').length, savesBy: { tick: savesBy.tick, pause: savesBy.pause, ended: savesBy.ended, leave: savesBy.leave } },
    byStep,
    costCnyPer1000MembersPerMonth: {
      functionCalls: r2(cost.functionCalls),
      functionResourceGBs: r2(cost.functionGBs),
      dbReads: r2(cost.dbReads),
      dbWrites: r2(cost.dbWrites),
      total: r2(cost.functionCalls + cost.functionGBs + cost.dbReads + cost.dbWrites),
    },
    prices: p,
  };
}

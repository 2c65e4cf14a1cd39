import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import { lessonsFunction } from '../../cloudfunctions/lessons/src/handler';
import { releaseDueLessons } from '../../cloudfunctions/lessons/src/release';
import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import { localFileStore } from '../../cloudfunctions/_runtime/files/local';
import type { Storage } from '../../cloudfunctions/_runtime/storage/port';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import { shouldSave, type DirtyReason, type MediaBeat } from '../../src/domain/lesson/progress';
import type { Branch, Member } from '../../src/domain/org/types';
import { countingStorage } from './counting-storage';
import { percentiles, timeIt } from './measure';
import { memoryReachChannels } from '../../cloudfunctions/_runtime/reach/memory';

/**
 * Lessons on the embedded default: (1) the home card `today` in one function call — latency and
 * storage reads; (2) the scheduler's daily release for 100, 300 and 1,000 branches, and its catch-up
 * after a week down — time, reads and writes; (3) a member playing 10 minutes with the client's save
 * policy (`shouldSave`) — saves and storage writes per 10 s (the policy now saves at most once a minute).
 */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const ADMIN = 'demo:m_H01001';
const SH = (date: string, clock: string) => Date.parse(`${date}T${clock}:00+08:00`);
const DAY = 24 * 3600 * 1000;
const questions = [
  { kind: 'single', prompt: '党的根本宗旨是什么？', options: ['全心全意为人民服务', '发展经济'], correct: [0], explanation: '党章总纲。' },
  { kind: 'multiple', prompt: '三会包括哪些？', options: ['党员大会', '支委会', '党小组会'], correct: [0, 1, 2], explanation: '三会一课。' },
];

export function world(storage: Storage, dir: string, start: number) {
  const clock = { t: start };
  const wechat = localWeChatGateway();
  const channels = memoryReachChannels();
  const files = localFileStore(path.join(dir, 'files'));
  const ctx = (openid: string | null): FunctionContext => ({ openid, storage, now: () => clock.t, randomBytes: (n) => randomBytes(n), demo: true, wechat, files, channels });
  const call = async (openid: string, action: string, data: unknown = {}) => {
    const res = await lessonsFunction({ action, data }, ctx(openid));
    if (!res.ok) throw new Error(`${action}: ${res.code} ${res.message}`);
    return res.data as any;
  };
  return { clock, files, ctx, call };
}

/** A central video lesson of 5-minute chapters (two unless told), planned for `date`. */
export async function plannedLesson(w: ReturnType<typeof world>, date: string, chapterCount = 2): Promise<string> {
  const fileId = await w.files.save(PNG, 'image/png');
  const chapters = Array.from({ length: chapterCount }, (_, i) => ({ title: `第${i + 1}节`, fileId, durationSec: 300 }));
  const lesson = await w.call(ADMIN, 'library.create', { branchId: null, kind: 'video', title: '压测微党课', chapters, questions, requestId: `bench-lesson-${date}` });
  await w.call(ADMIN, 'plan.set', { scope: 'central', date, lessonId: lesson._id });
  return lesson._id;
}

/** (1) The home card on the demo hospital (14 branches, 279 members), the day released and partly studied. */
async function benchToday() {
  const dir = mkdtempSync(path.join(tmpdir(), 'wzb-bench-lessons-'));
  const raw = openSqliteStorage(path.join(dir, 'bench.db'));
  // Planned a week ahead: a lesson every day from the 16th to the 23rd (today), so catch-up has work.
  const start = SH('2026-11-16', '06:00');
  await seedDemoHospital(raw, start - 30 * DAY);
  const counter = countingStorage(raw);
  const w = world(counter.storage, dir, start);
  let lessonId = '';
  for (let d = 16; d <= 23; d++) lessonId = await plannedLesson(w, `2026-11-${d}`);
  w.clock.t = SH('2026-11-23', '07:00');
  await releaseDueLessons(w.ctx(null));
  w.clock.t = SH('2026-11-23', '09:00');
  const members = (await raw.collection<Member>('members').findAll({ status: 'active' })).filter((m) => m.openid && m.branchId);
  // A third have opened today's lesson.
  for (const m of members.slice(0, Math.floor(members.length / 3))) await w.call(m.openid!, 'get', { lessonId });

  const times: number[] = [];
  const reads: number[] = [];
  for (let i = 0; i < 600; i++) {
    const m = members[i % members.length];
    counter.reset();
    times.push((await timeIt(() => w.call(m.openid!, 'today'))).ms);
    reads.push(counter.reads());
  }
  await raw.close();
  return { functionCalls: 1, samples: times.length, latencyMs: percentiles(times), storageReads: { min: Math.min(...reads), max: Math.max(...reads) } };
}

/** (2) N branches of 25 members; one tick at 07:00:30 after yesterday was released, an idle tick, and a catch-up after 7 days down. */
async function benchRelease(branchCount: number) {
  const dir = mkdtempSync(path.join(tmpdir(), `wzb-bench-release-${branchCount}-`));
  const raw = openSqliteStorage(path.join(dir, 'bench.db'));
  const created = SH('2026-11-10', '08:00');
  const branches: Branch[] = [];
  const members: Member[] = [];
  for (let b = 0; b < branchCount; b++) {
    const id = `b_r${String(b).padStart(4, '0')}`;
    branches.push({ _id: id, name: `压测${b}党支部`, department: `压测${b}`, status: 'active', releaseTime: '07:00', timeZone: 'Asia/Shanghai', createdAt: created, updatedAt: created });
    for (let i = 0; i < 25; i++) {
      const n = b * 25 + i;
      members.push({ _id: `m_R${n}`, name: `压测${n}`, employeeNo: `R${n}`, department: `压测${b}`, branchId: id, partyGroupId: null, role: 'member', phone: null, openid: `bench:${n}`, boundAt: created, status: 'active', createdAt: created, updatedAt: created });
    }
  }
  await seedDemoHospital(raw, created);
  await raw.collection<Branch>('branches').insertMany(branches);
  await raw.collection<Member>('members').insertMany(members);
  const counter = countingStorage(raw);
  const w = world(counter.storage, dir, SH('2026-11-15', '09:00'));
  for (const date of ['2026-11-22', '2026-11-23']) await plannedLesson(w, date);

  // A week down: the first tick on the 22nd catches up 8 days per branch.
  w.clock.t = SH('2026-11-22', '07:00') + 30_000;
  counter.reset();
  const catchUp = await timeIt(() => releaseDueLessons(w.ctx(null)));
  const catchUpIo = { reads: counter.reads(), writes: counter.writes() };

  // The ordinary morning: yesterday is recorded, today's 07:00 tick releases one day per branch.
  w.clock.t = SH('2026-11-23', '07:00') + 30_000;
  counter.reset();
  const daily = await timeIt(() => releaseDueLessons(w.ctx(null)));
  const dailyIo = { reads: counter.reads(), writes: counter.writes() };
  // The next minute's tick: nothing due.
  w.clock.t += 60_000;
  counter.reset();
  const idle = await timeIt(() => releaseDueLessons(w.ctx(null)));
  const idleIo = { reads: counter.reads(), writes: counter.writes() };
  await raw.close();
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    branches: branchCount + 14,
    members: members.length + 279,
    daily: { released: daily.value.released, ms: round(daily.ms), msPerBranch: round(daily.ms / (branchCount + 14)), ...dailyIo },
    idleTick: { released: idle.value.released, ms: round(idle.ms), ...idleIo },
    catchUpAfterWeekDown: { released: catchUp.value.released, late: catchUp.value.late, ms: round(catchUp.ms), ...catchUpIo },
  };
}

/**
 * (3) 10 minutes of a video (two 5-minute chapters) played through, with a 30 s pause at 2:30; the
 * player reports `timeupdate` every 250 ms and saves when `shouldSave` says so (at most once a minute
 * while playing, always at a pause, a chapter end and on leaving).
 */
async function benchSaving() {
  const dir = mkdtempSync(path.join(tmpdir(), 'wzb-bench-saving-'));
  const raw = openSqliteStorage(path.join(dir, 'bench.db'));
  const start = SH('2026-11-23', '09:00');
  await seedDemoHospital(raw, start - DAY);
  const counter = countingStorage(raw);
  const w = world(counter.storage, dir, start);
  const lessonId = await plannedLesson(w, '2026-11-23');
  const me = 'demo:m_H01002';
  await w.call(me, 'get', { lessonId });

  const STEP_MS = 250;
  const chapters = [300, 300];
  let lastSavedAt: number | null = null;
  let pending: MediaBeat | null = null;
  const reasons: Record<DirtyReason, number> = { none: 0, tick: 0, pause: 0, ended: 0, leave: 0 };
  const latencies: number[] = [];
  let writes = 0;
  let reads = 0;
  let saves = 0;
  const playStarted = w.clock.t;
  const save = async (reason: DirtyReason, chapter: number, position: number) => {
    if (!shouldSave(lastSavedAt, w.clock.t, reason)) return;
    counter.reset();
    const beats = pending ? [pending] : [];
    latencies.push((await timeIt(() => w.call(me, 'progress', { lessonId, beats, resume: { chapter, position, at: w.clock.t } }))).ms);
    writes += counter.writes();
    reads += counter.reads();
    saves++;
    reasons[reason]++;
    pending = null;
    lastSavedAt = w.clock.t;
  };
  for (let c = 0; c < chapters.length; c++) {
    for (let pos = 0; pos < chapters[c]; ) {
      const next = Math.min(chapters[c], pos + STEP_MS / 1000);
      w.clock.t += STEP_MS;
      const open = pending as MediaBeat | null; // also reset by save()
      pending = open ? { ...open, to: next, playedMs: open.playedMs + STEP_MS } : { chapter: c, from: pos, to: next, playedMs: STEP_MS };
      pos = next;
      if (c === 0 && pos === 150) {
        await save('pause', c, pos);
        w.clock.t += 30_000; // paused: nothing to save
      } else if (pos >= chapters[c]) await save('ended', c, pos);
      else await save('tick', c, pos);
    }
  }
  await save('leave', 1, 300);
  const result = await w.call(me, 'today');
  const wallS = (w.clock.t - playStarted) / 1000;
  await raw.close();
  return {
    mediaSeconds: 600,
    wallSeconds: wallS,
    saves,
    savesBy: { tick: reasons.tick, pause: reasons.pause, ended: reasons.ended, leave: reasons.leave },
    savesPer10s: Math.round((saves / (wallS / 10)) * 100) / 100,
    storageWrites: writes,
    storageWritesPer10s: Math.round((writes / (wallS / 10)) * 100) / 100,
    storageReadsPerSave: Math.round((reads / saves) * 100) / 100,
    storageWritesPerSave: Math.round((writes / saves) * 100) / 100,
    saveLatencyMs: percentiles(latencies),
    completed: result.progress.completed,
    percent: result.progress.percent,
  };
}

export async function benchLessons() {
  const today = await benchToday();
  const release = [];
  for (const n of [100, 300, 1000]) release.push(await benchRelease(n));
  const saving = await benchSaving();
  return { today, schedulerRelease: release, progressSaving: saving };
}

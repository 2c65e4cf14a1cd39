/**
 * Seeding the demo lessons into the embedded database and the local file store: counts, plan coverage,
 * the branch override, audio files that exist, are served as audio/wav and last exactly as declared,
 * and idempotency.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_FUNCTIONS } from '../../cloudfunctions/_local/functions';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import {
  DEMO_LESSON_COLLECTIONS,
  DEMO_OVERRIDE_BRANCH,
  DEMO_PLAN_DAYS_AFTER,
  DEMO_PLAN_DAYS_BEFORE,
  demoLessonId,
  isDemoHospital,
  seedDemoLessons,
} from '../../cloudfunctions/_local/seed/demo-lessons';
import { DEMO_LESSON_TEXTS } from '../../cloudfunctions/_local/seed/lesson-texts';
import { demoToneSamples, demoToneWav, readWavInfo, WAV_SAMPLE_RATE } from '../../cloudfunctions/_local/seed/wav';
import { createLocalHost } from '../../cloudfunctions/_local/server';
import { localFileStore, type LocalFileStore } from '../../cloudfunctions/_runtime/files/local';
import { localMediaStore, sniffMediaType } from '../../cloudfunctions/_runtime/files/local-media';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import type { Storage } from '../../cloudfunctions/_runtime/storage/port';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import { resolveDay, planEntryId } from '../../src/domain/lesson/calendar';
import { addDays, dateRange } from '../../src/domain/lesson/dates';
import type { Lesson, PlanEntry } from '../../src/domain/lesson/lesson';
import { assertLessonContent } from '../../src/domain/lesson/library';
import { AppError } from '../../src/domain/shared/errors';
import { PNG_1PX } from '../contract/images';

/** Monday 2026-11-23 10:00 in Shanghai. */
const NOW = Date.parse('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';

let dir: string;
let storage: Storage;
let files: LocalFileStore;
let result: { lessons: number; planned: number };

const lessonsCol = () => storage.collection<Lesson>(DEMO_LESSON_COLLECTIONS.lessons);
const planCol = () => storage.collection<PlanEntry>(DEMO_LESSON_COLLECTIONS.plan);
const fileCount = () => readdirSync(path.join(dir, 'files')).length;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'wzb-demo-lessons-'));
  storage = openSqliteStorage(':memory:');
  await seedDemoHospital(storage, NOW);
  files = localFileStore(path.join(dir, 'files'));
  result = await seedDemoLessons(storage, localMediaStore(path.join(dir, 'files')), NOW);
});

afterAll(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('seedDemoLessons', () => {
  it('creates every demo lesson in the central library, authored by the committee admin', async () => {
    const lessons = await lessonsCol().findAll({});
    expect(result.lessons).toBe(DEMO_LESSON_TEXTS.length);
    expect(lessons).toHaveLength(DEMO_LESSON_TEXTS.length);
    expect(lessons.length).toBeGreaterThanOrEqual(20);
    for (const l of lessons) {
      expect(l).toMatchObject({ branchId: null, status: 'active', startedAt: null, createdBy: 'm_H01001', createdByName: '周立群', createdAt: NOW });
      expect(() => assertLessonContent(l)).not.toThrow();
    }
    expect(lessons.filter((l) => l.kind === 'audio')).toHaveLength(3);
    expect((await lessonsCol().get(demoLessonId(0)))!.title).toBe(DEMO_LESSON_TEXTS[0].title);
    expect(await isDemoHospital(storage)).toBe(true);
  });

  it('plans every day, weekends too (nurses work weekends), from the history window before today to 30 days after, cycling through the lessons', async () => {
    const central = await planCol().findAll({ scope: 'central' });
    const days = dateRange(addDays(TODAY, -DEMO_PLAN_DAYS_BEFORE), addDays(TODAY, DEMO_PLAN_DAYS_AFTER));
    expect(result.planned).toBe(days.length);
    expect(central.map((e) => e.date).sort()).toEqual(days);
    const ids = new Set((await lessonsCol().findAll({})).map((l) => l._id));
    for (const e of central) {
      expect(e).toMatchObject({ _id: planEntryId('central', null, e.date), branchId: null, setBy: 'm_H01001', setAt: NOW });
      expect(ids.has(e.lessonId!)).toBe(true);
    }
    const byDate = new Map(central.map((e) => [e.date, e.lessonId]));
    expect(byDate.get(TODAY)).toBe(demoLessonId(0));
    // Every lesson is planned at least once within the window.
    expect(new Set(central.map((e) => e.lessonId)).size).toBe(ids.size);
  });

  it('overrides tomorrow for one branch with a different (audio) lesson', async () => {
    const tomorrow = addDays(TODAY, 1);
    const overrides = await planCol().findAll({ scope: 'branch' });
    expect(overrides).toHaveLength(1);
    const [o] = overrides;
    expect(o).toMatchObject({ _id: planEntryId('branch', DEMO_OVERRIDE_BRANCH, tomorrow), branchId: DEMO_OVERRIDE_BRANCH, date: tomorrow });
    const central = await planCol().get(planEntryId('central', null, tomorrow));
    const day = resolveDay(tomorrow, central, o);
    expect(day.source).toBe('branch');
    expect(day.lessonId).not.toBe(day.centralLessonId);
    expect((await lessonsCol().get(o.lessonId!))!.kind).toBe('audio');
  });

  it('stores each audio chapter as a WAV file that the file store serves, lasting exactly the declared duration', async () => {
    const audio = (await lessonsCol().findAll({ kind: 'audio' })).flatMap((l) => l.chapters);
    expect(audio.length).toBeGreaterThanOrEqual(6);
    const urls = await files.urls(audio.map((c) => c.fileId));
    expect(urls).toEqual(audio.map((c) => `/api/files/${c.fileId}`));
    let bytes = 0;
    for (const ch of audio) {
      const file = await files.read(ch.fileId);
      expect(file?.contentType).toBe('audio/wav');
      const info = readWavInfo(file!.bytes);
      expect(info).toEqual({ format: 1, channels: 1, sampleRate: 8000, bitsPerSample: 8, dataBytes: ch.durationSec * 8000, durationSec: ch.durationSec });
      expect(ch.durationSec).toBeGreaterThanOrEqual(20);
      expect(ch.durationSec).toBeLessThanOrEqual(40);
      bytes += file!.bytes.length;
    }
    // Small: 8 kB a second.
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
    expect(fileCount()).toBe(audio.length * 2); // bytes + sidecar
  });

  it('is idempotent: a second run creates nothing, in the database or the file store', async () => {
    const before = { lessons: await lessonsCol().count({}), plan: await planCol().count({}), files: fileCount() };
    expect(await seedDemoLessons(storage, localMediaStore(path.join(dir, 'files')), NOW + 86_400_000)).toEqual({ lessons: 0, planned: 0 });
    expect({ lessons: await lessonsCol().count({}), plan: await planCol().count({}), files: fileCount() }).toEqual(before);
  });

  it('is served over HTTP as audio/wav by the local host', async () => {
    const server = createLocalHost({
      storage,
      functions: LOCAL_FUNCTIONS,
      sessionSecret: randomBytes(16).toString('hex'),
      h5Dir: dir,
      demo: true,
      files,
      wechat: localWeChatGateway(),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const [chapter] = (await lessonsCol().findAll({ kind: 'audio' }))[0].chapters;
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/files/${chapter.fileId}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('audio/wav');
      expect(readWavInfo(new Uint8Array(await res.arrayBuffer()))?.durationSec).toBe(chapter.durationSec);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('demo audio and the media store', () => {
  it('generates a quiet, deterministic tone track of exactly the requested length', () => {
    const wav = demoToneWav(24, 1);
    expect(wav.length).toBe(44 + 24 * WAV_SAMPLE_RATE);
    expect(readWavInfo(wav)?.durationSec).toBe(24);
    // (Buffer.equals: jest's deep equality is slow on 200 kB arrays.)
    expect(Buffer.from(demoToneWav(24, 1)).equals(wav)).toBe(true);
    expect(Buffer.from(demoToneWav(24, 2)).equals(wav)).toBe(false);
    const samples = demoToneSamples(24, 1);
    const peak = samples.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
    expect(peak).toBeGreaterThan(0.1);
    expect(peak).toBeLessThan(0.8);
    // Silent at both ends (fades), and mostly quiet: gentle tones with gaps, not a constant drone.
    expect(Math.abs(samples[0])).toBe(0);
    expect(Math.abs(samples[samples.length - 1])).toBeLessThan(1e-6);
    expect(samples.filter((s) => Math.abs(s) < 0.02).length / samples.length).toBeGreaterThan(0.2);
    expect(() => demoToneSamples(2.5)).toThrow();
  });

  it('refuses bytes that are not the declared audio type', async () => {
    const media = localMediaStore(path.join(dir, 'other'));
    expect(sniffMediaType(demoToneWav(5))).toBe('audio/wav');
    expect(sniffMediaType(PNG_1PX)).toBeNull();
    await expect(media.saveMedia(PNG_1PX, 'audio/wav')).rejects.toMatchObject({ code: 'FILE_TYPE' });
    await expect(media.saveMedia(demoToneWav(5), 'audio/mpeg')).rejects.toBeInstanceOf(AppError);
    const id = await media.saveMedia(demoToneWav(5), 'audio/wav');
    expect(id).toMatch(/^f_[0-9a-z]{24}$/);
    expect((await localFileStore(path.join(dir, 'other')).read(id))?.contentType).toBe('audio/wav');
  });
});

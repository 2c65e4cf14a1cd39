import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { orgFunction } from '../../cloudfunctions/org/src/handler';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import { localFileStore } from '../../cloudfunctions/_runtime/files/local';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import { folderBytes, kb, percentiles, timeIt } from './measure';
import { benchChat } from './chat';
import { benchReach } from './reach';
import { benchLessons } from './lessons';
import { benchLighthouse } from './lighthouse';
import { benchNotices } from './notices';
import { benchStorage } from './storage';
import { benchFunctions } from './functions';
import { benchH5Load } from './h5-load';
import { benchMemberDay } from './member-day';
import { benchMeetings } from './meetings';
import { machine, markdown, medianOfRuns, type Json } from './report';
import { memoryReachChannels } from '../../cloudfunctions/_runtime/reach/memory';

/**
 * `npm run bench [-- section,section]`: sizes of what we ship, timings of the hot paths on the embedded
 * default, the H5 app's load, a member's day in calls and CNY, and the functions' cold start. Writes
 * `.tmp/bench/report.json` and `.tmp/bench/report.md` (machine, date, medians of WZB_BENCH_RUNS runs
 * for repeated sections, default 3). Reported in notes and the README, not enforced by tests.
 * Build first (`npm run build:h5`, `npm run build:weapp`) for the sizes, Lighthouse and H5 sections.
 */
const root = path.resolve(__dirname, '../..');

function sizes() {
  const weapp = path.join(root, 'dist/weapp');
  // Subpackage roots as built (dist/weapp/app.json); the rest is the main package.
  const appJson = path.join(weapp, 'app.json');
  const built = existsSync(appJson) ? (JSON.parse(readFileSync(appJson, 'utf8')) as { subPackages?: Array<{ root: string }> }) : {};
  const subpackageRoots = (built.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  return {
    weappTotalKB: kb(folderBytes(weapp, (f) => !f.endsWith('.LICENSE.txt'))),
    weappAdminSubpackageKB: kb(folderBytes(path.join(weapp, 'admin'), (f) => !f.endsWith('.LICENSE.txt'))),
    // What WeChat downloads before the first page: everything outside the subpackage roots (limit 2 MB; ours ≤ 700 KB).
    weappMainPackageKB: kb(folderBytes(weapp, (f) => !f.endsWith('.LICENSE.txt') && !subpackageRoots.some((r) => f.startsWith(path.join(weapp, r) + path.sep)))),
    h5TotalKB: kb(folderBytes(path.join(root, 'dist/h5'), (f) => !f.endsWith('.LICENSE.txt'))),
    orgFunctionBundleKB: kb(folderBytes(path.join(root, 'cloudfunctions/org'), (f) => f.endsWith('index.js'))),
    lessonsFunctionBundleKB: kb(folderBytes(path.join(root, 'cloudfunctions/lessons'), (f) => f.endsWith('index.js'))),
    noticesFunctionBundleKB: kb(folderBytes(path.join(root, 'cloudfunctions/notices'), (f) => f.endsWith('index.js'))),
    chatFunctionBundleKB: kb(folderBytes(path.join(root, 'cloudfunctions/chat'), (f) => f.endsWith('index.js'))),
    meetingsFunctionBundleKB: kb(folderBytes(path.join(root, 'cloudfunctions/meetings'), (f) => f.endsWith('index.js'))),
    schedulerFunctionBundleKB: kb(folderBytes(path.join(root, 'cloudfunctions/scheduler'), (f) => f.endsWith('index.js'))),
  };
}

async function orgTimings() {
  const dir = mkdtempSync(path.join(tmpdir(), 'wzb-bench-'));
  const storage = openSqliteStorage(path.join(dir, 'bench.db'));
  await seedDemoHospital(storage, Date.now());
  const wechat = localWeChatGateway();
  const channels = memoryReachChannels();
  const files = localFileStore(path.join(dir, 'files'));
  const ctx = (openid: string): FunctionContext => ({ openid, storage, now: () => Date.now(), randomBytes: (n) => randomBytes(n), demo: true, wechat, files, channels });
  const call = async (openid: string, action: string, data: unknown = {}) => {
    const res = await orgFunction({ action, data }, ctx(openid));
    if (!res.ok) throw new Error(`${action}: ${res.code}`);
    return res.data as any;
  };
  const sample = async (n: number, fn: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push((await timeIt(fn)).ms);
    return percentiles(times);
  };
  const me = await sample(300, () => call('demo:m_H01002', 'me'));
  const branchesAdmin = await sample(100, () => call('demo:m_H01001', 'branches.list'));

  // A 5,000-row roster (the limit) over 100 new branches of 50.
  for (let b = 0; b < 100; b++) await call('demo:m_H01001', 'branch.create', { name: `压测${b}党支部`, department: `压测${b}`, requestId: `bench-branch-create-${b}` });
  const rows = ['姓名,工号,科室,支部'];
  for (let i = 0; i < 5000; i++) rows.push(`压测${i},B${100000 + i},压测,压测${i % 100}党支部`);
  const content = Buffer.from(rows.join('\n')).toString('base64');
  const validate = await timeIt(() => call('demo:m_H01001', 'roster.validate', { fileName: 'bench.csv', contentBase64: content }));
  let calls = 0;
  const apply = await timeIt(async () => {
    let job;
    do {
      job = await call('demo:m_H01001', 'roster.apply', { jobId: validate.value.jobId });
      calls++;
    } while (job.status !== 'done');
  });
  await storage.close();
  return {
    meMs: me,
    branchesListAdminMs: branchesAdmin,
    roster5000: { validateMs: Math.round(validate.ms), applyMs: Math.round(apply.ms), applyCalls: calls, rowsPerSecond: Math.round(5000 / ((validate.ms + apply.ms) / 1000)) },
  };
}

/** Sections by name (`npm run bench -- lighthouse,memberDay`); all when none is named. */
const SECTIONS: Record<string, { run: () => Promise<unknown>; repeat?: boolean }> = {
  sizes: { run: async () => sizes() },
  org: { run: orgTimings },
  notices: { run: benchNotices },
  lighthouse: { run: benchLighthouse, repeat: true },
  h5Load: { run: () => benchH5Load() },
  lessons: { run: benchLessons },
  memberDay: { run: benchMemberDay },
  functions: { run: benchFunctions },
  storage: { run: benchStorage },
  chat: { run: benchChat },
  meetings: { run: benchMeetings },
  reach: { run: benchReach },
};

async function main() {
  const asked = (process.argv[2] ?? '').split(',').filter(Boolean);
  const unknown = asked.filter((n) => !SECTIONS[n]);
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  const runs = Number(process.env.WZB_BENCH_RUNS ?? 3);
  const sections: Record<string, Json> = {};
  for (const name of asked.length ? asked : Object.keys(SECTIONS)) {
    const { run, repeat } = SECTIONS[name];
    const results: Json[] = [];
    for (let i = 0; i < (repeat ? runs : 1); i++) {
      results.push((await run()) as Json);
      // Each run of a repeated section, to see the spread behind the median.
      if (repeat) console.error(`bench: ${name} run ${i + 1}/${runs} ${JSON.stringify(results[i])}`);
    }
    sections[name] = medianOfRuns(results);
    console.error(`bench: ${name} done`);
  }
  const report = { at: new Date().toISOString(), machine: machine(), runs, sections };
  const out = path.join(root, '.tmp/bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'report.json'), JSON.stringify(report, null, 2));
  writeFileSync(path.join(out, 'report.md'), markdown(report));
  console.log(JSON.stringify(report, null, 2));
  console.error(`bench: wrote ${path.relative(root, out)}/report.json and report.md`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

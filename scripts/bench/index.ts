import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
import { benchLessons } from './lessons';
import { benchLighthouse } from './lighthouse';
import { benchNotices } from './notices';

/**
 * `npm run bench`: sizes of what we ship and timings of the hot paths on the embedded default.
 * Reported in notes and the README, not enforced by tests. Build first (`npm test` or the build scripts).
 */
const root = path.resolve(__dirname, '../..');

function sizes() {
  const weapp = path.join(root, 'dist/weapp');
  return {
    weappTotalKB: kb(folderBytes(weapp, (f) => !f.endsWith('.LICENSE.txt'))),
    weappAdminSubpackageKB: kb(folderBytes(path.join(weapp, 'admin'), (f) => !f.endsWith('.LICENSE.txt'))),
    h5TotalKB: kb(folderBytes(path.join(root, 'dist/h5'), (f) => !f.endsWith('.LICENSE.txt'))),
    orgFunctionBundleKB: kb(folderBytes(path.join(root, 'cloudfunctions/org'), (f) => f.endsWith('index.js'))),
    lessonsFunctionBundleKB: kb(folderBytes(path.join(root, 'cloudfunctions/lessons'), (f) => f.endsWith('index.js'))),
    chatFunctionBundleKB: kb(folderBytes(path.join(root, 'cloudfunctions/chat'), (f) => f.endsWith('index.js'))),
    schedulerFunctionBundleKB: kb(folderBytes(path.join(root, 'cloudfunctions/scheduler'), (f) => f.endsWith('index.js'))),
  };
}

async function orgTimings() {
  const dir = mkdtempSync(path.join(tmpdir(), 'wzb-bench-'));
  const storage = openSqliteStorage(path.join(dir, 'bench.db'));
  await seedDemoHospital(storage, Date.now());
  const wechat = localWeChatGateway();
  const files = localFileStore(path.join(dir, 'files'));
  const ctx = (openid: string): FunctionContext => ({ openid, storage, now: () => Date.now(), randomBytes: (n) => randomBytes(n), demo: true, wechat, files });
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
  for (let b = 0; b < 100; b++) await call('demo:m_H01001', 'branch.create', { name: `压测${b}党支部`, department: `压测${b}` });
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

async function main() {
  const only = process.argv[2];
  const result = {
    at: new Date().toISOString(),
    sizes: sizes(),
    ...(only && only !== 'org' ? {} : { org: await orgTimings() }),
    ...(only && only !== 'notices' ? {} : { notices: await benchNotices() }),
    ...(only && only !== 'lighthouse' ? {} : { lighthouse: await benchLighthouse() }),
    ...(only && only !== 'lessons' ? {} : { lessons: await benchLessons() }),
    ...(only && only !== 'chat' ? {} : { chat: await benchChat() }),
  };
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  writeFileSync(path.join(root, '.tmp/bench.json'), JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

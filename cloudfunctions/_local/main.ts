import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import { localFileStore } from '../_runtime/files/local';
import { localMediaStore } from '../_runtime/files/local-media';
import { localDoorbellBus, ringingStorage } from '../_runtime/realtime/local';
import { openSqliteStorage } from '../_runtime/storage/sqlite';
import { localWeChatGateway } from '../_runtime/wechat/local';
import { reachChannelsFromEnv } from '../_runtime/reach/channels';
import { loadSmsSdk } from '../_runtime/reach/sms-sdk';
import { LOCAL_FUNCTIONS } from './functions';
import { isSeeded, seedDemoHospital } from './seed/demo-hospital';
import { isChatSeeded, seedDemoChat } from './seed/demo-chat';
import { isDemoHospital, seedDemoLessons } from './seed/demo-lessons';
import { isMeetingsSeeded, seedDemoMeetings } from './seed/demo-meetings';
import { DEMO_HISTORY_DAYS, seedDemoHistory } from './seed/demo-history';
import { startLocalScheduler } from './scheduler-loop';
import { createLocalHost } from './server';
import { precompressStatic } from './static-files';

/**
 * `npm start` ends here: one process serving the H5 app and the cloud functions on 127.0.0.1 with an
 * embedded SQLite database in a data folder (uploaded images in `<data>/files`), seeded with the demo
 * hospital and its demo micro-lessons (generated audio in `<data>/files`) on first start.
 *
 * Environment: WZB_PORT (default 8787; 0 picks a free port), WZB_DATA_DIR (default ./.data),
 * WZB_H5_DIR (default ./dist/h5), WZB_DEMO=0 to start empty without demo personas.
 */
async function main(): Promise<void> {
  const root = process.cwd();
  const dataDir = path.resolve(root, process.env.WZB_DATA_DIR ?? '.data');
  const h5Dir = path.resolve(root, process.env.WZB_H5_DIR ?? 'dist/h5');
  const port = Number(process.env.WZB_PORT ?? 8787);
  const demo = process.env.WZB_DEMO !== '0';
  mkdirSync(dataDir, { recursive: true });

  // The session secret lives with the data so sign-ins survive restarts.
  const secretFile = path.join(dataDir, 'session-secret');
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  const sessionSecret = readFileSync(secretFile, 'utf8').trim();
  // Meeting check-in codes are signed with a secret derived from it (the cloud sets WZB_MEETING_SECRET).
  process.env.WZB_MEETING_SECRET ||= createHmac('sha256', sessionSecret).update('meetings-checkin').digest('hex');

  // Chat head writes ring the doorbell (served as Server-Sent Events at /api/chat/stream).
  const doorbells = localDoorbellBus();
  const storage = ringingStorage(openSqliteStorage(path.join(dataDir, 'weizhibu.db')), doorbells);
  if (demo && !(await isSeeded(storage))) {
    const seeded = await seedDemoHospital(storage, Date.now());
    console.log(`已创建演示医院：${seeded.branches} 个支部，${seeded.members} 名党员`);
  }
  // Demo lessons (with generated audio in the file store) once per demo hospital: also fills a data
  // folder seeded before lessons existed; never a real organisation's.
  if (demo && (await isDemoHospital(storage))) {
    const lessons = await seedDemoLessons(storage, localMediaStore(path.join(dataDir, 'files')), Date.now());
    if (lessons.lessons) console.log(`已创建示例微党课：${lessons.lessons} 课，排课 ${lessons.planned} 天`);
    // A month of history (study, notices) so every view has data at once; only with fresh demo lessons.
    if (lessons.lessons) {
      const history = await seedDemoHistory(storage, Date.now());
      console.log(`已生成近 ${DEMO_HISTORY_DAYS} 天的演示记录：学习 ${history.progress} 条，通知 ${history.notices} 条`);
    }
  }
  // A year of 三会一课 with attendance, minutes and make-ups, once per demo hospital.
  if (demo && (await isDemoHospital(storage)) && !(await isMeetingsSeeded(storage))) {
    const meetings = await seedDemoMeetings(storage, Date.now());
    console.log(`已生成一年的三会一课记录：${meetings.meetings} 次会议，${meetings.attendance} 条考勤`);
  }
  // A week of branch chat, once per demo hospital.
  if (demo && (await isDemoHospital(storage)) && !(await isChatSeeded(storage))) {
    const chat = await seedDemoChat(storage, Date.now());
    console.log(`已创建支部交流示例：${chat.branches} 个支部，${chat.messages} 条消息`);
  }

  const files = localFileStore(path.join(dataDir, 'files'));
  // No WeChat here: reminders land in the gateway's outbox and are echoed on the console.
  const wechat = localWeChatGateway({ onSend: (m) => console.log(`[订阅消息] → ${m.toOpenid}：${m.fields.title}（${m.page}）`) });
  const media = localMediaStore(path.join(dataDir, 'files'));
  // WeChat reminders go to the outbox; WeCom and SMS only when WZB_WECOM_* / WZB_SMS_* are set.
  const channels = reachChannelsFromEnv(process.env, { wechat, wechatMode: 'local', smsSdk: loadSmsSdk });
  const server = createLocalHost({ storage, functions: LOCAL_FUNCTIONS, sessionSecret, h5Dir, demo, files, media, wechat, channels, doorbells });
  // The CloudBase timer's local stand-in: same scheduler code, no caller identity.
  const scheduler = startLocalScheduler(
    () => ({ openid: null, storage, now: () => Date.now(), randomBytes: (n) => randomBytes(n), demo, wechat, files, channels }),
    Number(process.env.WZB_SCHEDULER_MS ?? 30_000),
  );
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    // One write, so a supervisor reading the URL line also has the data folder.
    console.log(`data folder: ${dataDir}\n微支部 local host: http://127.0.0.1:${actual}\n按 Ctrl-C 停止`);
  });
  // Brotli and gzip the H5 build once, in the background: the first visitor gets compressed files.
  precompressStatic(h5Dir).catch((err) => console.error('[local host] precompress failed', err));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    scheduler.stop();
    server.close();
    server.closeAllConnections();
    storage.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_FUNCTIONS } from '../../cloudfunctions/_local/functions';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import { seedDemoMeetings } from '../../cloudfunctions/_local/seed/demo-meetings';
import { createLocalHost } from '../../cloudfunctions/_local/server';
import { localFileStore } from '../../cloudfunctions/_runtime/files/local';
import { issueSessionToken } from '../../cloudfunctions/_runtime/session-token';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import type { Attendance, Meeting } from '../../src/domain/meeting/types';
import type { Branch, Member } from '../../src/domain/org/types';
import { percentiles, timeIt } from './measure';

/**
 * Meetings on the local host over real HTTP: 50 members of one branch checking in within a minute,
 * 500 members checking in to a hospital-wide 党课 within a minute (arrivals spread evenly; one in ten
 * taps twice; the officer's screen refreshes the rotating code every 5 s), then the 台账 export of
 * each of the 14 demo branches over a seeded year. Reports latency, lost and doubled check-ins, and
 * the export's time and size.
 */
const WINDOW_MS = 60_000;
const MIN = 60_000;

async function addBenchMembers(storage: ReturnType<typeof openSqliteStorage>, now: number, branches: number): Promise<Member[]> {
  const bs: Branch[] = [];
  const ms: Member[] = [];
  for (let b = 0; b < branches; b++) {
    const id = `b_mbench${b}`;
    bs.push({ _id: id, name: `会议压测${b}党支部`, department: `压测${b}`, status: 'active', releaseTime: '07:00', timeZone: 'Asia/Shanghai', createdAt: now, updatedAt: now });
    for (let i = 0; i < 50; i++) {
      const n = b * 50 + i;
      ms.push({ _id: `m_MB${n}`, name: `压测${n}`, employeeNo: `MB${n}`, department: `压测${b}`, branchId: id, partyGroupId: null, role: i === 0 ? 'secretary' : 'member', phone: null, openid: `mbench:${n}`, boundAt: now, status: 'active', createdAt: now, updatedAt: now });
    }
  }
  await storage.collection<Branch>('branches').insertMany(bs);
  await storage.collection<Member>('members').insertMany(ms);
  return ms;
}

export async function benchMeetings() {
  const dir = mkdtempSync(path.join(tmpdir(), 'wzb-bench-meetings-'));
  const storage = openSqliteStorage(path.join(dir, 'bench.db'));
  const now = Date.now();
  await seedDemoHospital(storage, now);
  const bench = await addBenchMembers(storage, now, 6);
  const secret = randomBytes(16).toString('hex');
  process.env.WZB_MEETING_SECRET ||= randomBytes(16).toString('hex');
  const server = createLocalHost({ storage, functions: LOCAL_FUNCTIONS, sessionSecret: secret, h5Dir: dir, demo: true, files: localFileStore(path.join(dir, 'files')), wechat: localWeChatGateway() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (openid: string, action: string, data: unknown) => {
    const res = await fetch(`${base}/api/fn/meetings`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${issueSessionToken(openid, secret, Date.now())}` }, body: JSON.stringify({ action, data }) });
    return (await res.json()) as { ok: boolean; data?: any; code?: string; message?: string };
  };

  /** Schedules a meeting starting in 10 minutes, then `members` check in evenly over one minute. */
  async function checkinRun(organizer: string, attendees: unknown, branchId: string | undefined, members: Member[]) {
    const scheduled = await call(organizer, 'schedule', { requestId: `bench-${randomBytes(8).toString('hex')}`, ...(branchId ? { branchId } : {}), type: 'party_lesson', topic: '压测党课', startAt: Date.now() + 10 * MIN, durationMin: 90, place: '报告厅', attendees });
    if (!scheduled.ok) throw new Error(`schedule: ${scheduled.code} ${scheduled.message}`);
    const meetingId = scheduled.data.meetingId as string;
    let token = (await call(organizer, 'checkinCode', { meetingId })).data.token as string;
    const screen = setInterval(() => {
      void call(organizer, 'checkinCode', { meetingId }).then((r) => {
        if (r.ok) token = r.data.token;
      });
    }, 5000);
    const latencies: number[] = [];
    const outcomes = { ok: 0, refused: 0, secondTapOk: 0, secondTapRefused: 0 };
    const refusals: Record<string, number> = {};
    const started = performance.now();
    await Promise.all(
      members.map(async (m, i) => {
        await new Promise((r) => setTimeout(r, (i / members.length) * WINDOW_MS));
        const t = await timeIt(() => call(m.openid!, 'checkin', { token }));
        latencies.push(t.ms);
        if (t.value.ok) outcomes.ok++;
        else {
          outcomes.refused++;
          refusals[t.value.code ?? '?'] = (refusals[t.value.code ?? '?'] ?? 0) + 1;
        }
        if (i % 10 === 0) {
          const again = await call(m.openid!, 'checkin', { token });
          if (again.ok) outcomes.secondTapOk++;
          else outcomes.secondTapRefused++;
        }
      }),
    );
    clearInterval(screen);
    const elapsedS = Math.round((performance.now() - started) / 100) / 10;
    const rows = await storage.collection<Attendance>('meetingAttendance').findAll({ meetingId }, 1000);
    const recorded = rows.filter((r) => r.checkinAt !== null).length;
    const meeting = (await storage.collection<Meeting>('meetings').get(meetingId))!;
    return {
      members: members.length,
      elapsedS,
      latencyMs: percentiles(latencies),
      accepted: outcomes.ok,
      refused: outcomes.refused,
      refusals,
      recorded,
      lost: outcomes.ok - recorded,
      checkedInTwice: outcomes.secondTapOk,
      secondTapsRefused: outcomes.secondTapRefused,
      counterMatches: meeting.checkedIn === recorded,
    };
  }

  const branch = bench.filter((m) => m.branchId === 'b_mbench0');
  const branch50 = await checkinRun(branch[0].openid!, { kind: 'branch' }, 'b_mbench0', branch);
  // Bound members only (unbound ones cannot open the app): the demo hospital's and the bench branches'.
  const everyone = (await storage.collection<Member>('members').findAll({ status: 'active', branchId: { $ne: null } }, 1000)).filter((m) => m.openid !== null);
  const hospital500 = await checkinRun('demo:m_H01001', { kind: 'hospital' }, undefined, everyone.slice(0, 500));

  // The 台账 export: 14 demo branches, a seeded year each.
  const seeded = await seedDemoMeetings(storage, Date.now());
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  const times: number[] = [];
  let bytes = 0;
  let rows = 0;
  for (let b = 1; b <= 14; b++) {
    const branchId = `b_demo${String(b).padStart(2, '0')}`;
    const ledger = await call('demo:m_H01001', 'ledger', { branchId, year });
    rows += ledger.data.rows.length;
    const t = await timeIt(() => call('demo:m_H01001', 'exportLedger', { branchId, year }));
    if (!t.value.ok) throw new Error(`exportLedger: ${t.value.code}`);
    times.push(t.ms);
    bytes += Buffer.from(t.value.data.base64, 'base64').length;
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await storage.close();
  return {
    checkin50Branch: branch50,
    checkin500Hospital: hospital500,
    ledgerExport14Branches: { seededMeetings: seeded.meetings, seededAttendance: seeded.attendance, year, ledgerRows: rows, perBranchMs: percentiles(times), totalMs: Math.round(times.reduce((a, b) => a + b, 0)), totalKB: Math.round(bytes / 1024), meanKB: Math.round(bytes / 14 / 1024) },
  };
}

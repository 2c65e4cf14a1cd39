/**
 * Bad requests over real HTTP against an in-process local host: prototype names as function names, bad
 * demo-session bodies, arrays for objects. Always an envelope with a Chinese message, never a 5xx.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_FUNCTIONS } from '../../cloudfunctions/_local/functions';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import { createLocalHost } from '../../cloudfunctions/_local/server';
import { localFileStore } from '../../cloudfunctions/_runtime/files/local';
import { issueSessionToken } from '../../cloudfunctions/_runtime/session-token';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import type { Storage } from '../../cloudfunctions/_runtime/storage/port';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import { databaseSnapshot } from '../functions/snapshot';

const CJK = /[\u4e00-\u9fff]/;
const secret = randomBytes(16).toString('hex');
const dir = mkdtempSync(path.join(tmpdir(), 'wzb-host-bad-'));
let storage: Storage;
let server: ReturnType<typeof createLocalHost>;
let base = '';
const admin = () => issueSessionToken('demo:m_H01001', secret, Date.now());

beforeAll(async () => {
  storage = openSqliteStorage(':memory:');
  await seedDemoHospital(storage, Date.now());
  server = createLocalHost({ storage, functions: LOCAL_FUNCTIONS, sessionSecret: secret, h5Dir: dir, demo: true, files: localFileStore(path.join(dir, 'files')), wechat: localWeChatGateway() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(pathname: string, body: string, token?: string) {
  const res = await fetch(`${base}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
  return { status: res.status, body: (await res.json()) as { ok: boolean; code?: string; message?: string } };
}

describe('function names', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'meetingz', 'ORG', 'scheduler', '%E5%85%9A'])('POST /api/fn/%s → 404 envelope', async (name) => {
    const before = await databaseSnapshot(storage);
    const res = await post(`/api/fn/${name}`, JSON.stringify({ action: 'me', data: {} }), admin());
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    expect(res.body.message).toMatch(CJK);
    expect(await databaseSnapshot(storage)).toEqual(before);
  });

  it('known functions still answer', async () => {
    expect((await post('/api/fn/org', JSON.stringify({ action: 'me', data: {} }), admin())).body).toMatchObject({ ok: true, data: { bound: true } });
  });

  it.each(['constructor', '__proto__', 'toString'])('action %s → UNKNOWN_ACTION envelope', async (action) => {
    expect((await post('/api/fn/org', JSON.stringify({ action, data: {} }), admin())).body).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' });
  });

  it('data [] over HTTP is refused with a Chinese message', async () => {
    const res = await post('/api/fn/lessons', JSON.stringify({ action: 'today', data: [] }), admin());
    expect(res).toEqual({ status: 200, body: { ok: false, code: 'BAD_REQUEST', message: '请求内容格式不正确，应为对象', details: { path: '' } } });
  });
});

describe('demo session', () => {
  it.each(['{}', '{"memberId":""}', 'null', '[]', '"m_H01001"', '{"memberId":5}', '{"memberId":["m_H01001"]}', '{"memberId":"' + 'x'.repeat(80) + '"}', 'not json', ''])('%s → 400 envelope', async (body) => {
    const res = await post('/api/session/demo', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(res.body.message).toMatch(CJK);
  });

  it('an unknown persona is 404, a real one gets a token', async () => {
    expect(await post('/api/session/demo', '{"memberId":"m_nobody"}')).toMatchObject({ status: 404, body: { ok: false, code: 'NOT_FOUND' } });
    expect(await post('/api/session/demo', '{"memberId":"m_H01001"}')).toMatchObject({ status: 200, body: { token: expect.any(String) } });
  });
});

import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GIF_1PX } from '../contract/images';
import { localHostFolder, postJson } from './host-process';

/**
 * The embedded default as `npm run serve` starts it: a real process, a real data folder. Checks the
 * printed URL and data folder, the seed, sessions, uploaded images in `<data>/files`, persistence across
 * a restart and a clean Ctrl-C.
 */
const host = localHostFolder('wzb-host-');
const { dataDir } = host;
afterAll(host.killAll);
const start = () => host.start({}, 15000);

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });

describe('local host process', () => {
  it('seeds once, serves H5 and functions, keeps data across restarts and stops cleanly on Ctrl-C', async () => {
    const first = await start();
    expect(first.output()).toContain(`data folder: ${dataDir}`);
    expect(first.output()).toMatch(/已创建演示医院：14 个支部，\d+ 名党员/);
    expect(existsSync(path.join(dataDir, 'weizhibu.db'))).toBe(true);
    expect(await (await fetch(`${first.url}/`)).text()).toContain('微支部');

    const { personas } = (await (await fetch(`${first.url}/api/demo/personas`)).json()) as any;
    const admin = personas.find((p: any) => p.role === 'committee_admin');
    const { token } = await postJson(`${first.url}/api/session/demo`, { memberId: admin.memberId });
    const created = await postJson(`${first.url}/api/fn/org`, { action: 'branch.create', data: { name: '康复医学科党支部', department: '康复医学科', requestId: 'host-test-branch-0001' } }, token);
    expect(created).toMatchObject({ ok: true, data: { name: '康复医学科党支部' } });
    expect(await postJson(`${first.url}/api/fn/org`, { action: 'me', data: {} })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await postJson(`${first.url}/api/fn/org`, { action: 'me', data: {} }, `${token}x`)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await postJson(`${first.url}/api/fn/nope`, { action: 'me' }, token)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    const uploaded = (await (
      await fetch(`${first.url}/api/files`, { method: 'POST', headers: { 'content-type': 'image/gif', authorization: `Bearer ${token}` }, body: GIF_1PX })
    ).json()) as any;
    expect(existsSync(path.join(dataDir, 'files', uploaded.data.fileId))).toBe(true);
    expect(await stop(first.child)).toBe(0);

    const second = await start();
    expect(second.output()).not.toContain('已创建演示医院');
    const list = await postJson(`${second.url}/api/fn/org`, { action: 'branches.list', data: {} }, token);
    expect(list.data.branches).toHaveLength(15);
    const image = await fetch(`${second.url}${uploaded.data.url}`);
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/gif']);
    expect(await stop(second.child)).toBe(0);
  }, 60000);
});

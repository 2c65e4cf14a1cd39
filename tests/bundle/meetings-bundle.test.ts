import { bundleCodeOf, bundleContext, configOf, demoStorage, isXlsx, loadBundle, requiresOf, undeclaredRequiresOf } from './support';

/** The deployable cloudfunctions/meetings/index.js: self-contained, exceljs evaluated lazily, answering through the bundled handler. */
const code = () => bundleCodeOf('meetings');

describe('meetings bundle', () => {
  it('requires nothing but Node built-ins and the SDKs its package.json lists', () => {
    expect(undeclaredRequiresOf('meetings')).toEqual([]);
    expect(requiresOf('meetings')).toEqual(expect.arrayContaining(['@cloudbase/node-sdk', 'wx-server-sdk']));
  });

  it('keeps the local host and the embedded database out of the cloud build', () => {
    expect(code()).not.toContain('libsql');
    expect(code()).not.toContain('text/event-stream');
  });

  it('declares the openapi it calls', () => {
    expect(configOf('meetings').permissions.openapi).toEqual(expect.arrayContaining(['subscribeMessage.send']));
  });

  it('answers through the bundled handler: schedule, code, check-in, ledger export', async () => {
    process.env.WZB_MEETING_SECRET = 'bundle-test-secret';
    const bundle = loadBundle('meetings', 'meetingsFunction');
    expect(typeof bundle.main).toBe('function');
    let now = Date.parse('2026-11-22T01:00:00Z');
    const storage = await demoStorage(now);
    const ctx = (openid: string) => bundleContext(openid, storage, () => now);
    const secretary = 'demo:m_H01002';
    const scheduled = await bundle.meetingsFunction(
      { action: 'schedule', data: { requestId: 'bundle-test-request-0001', type: 'theme_day', topic: '打包后的函数可以排会', startAt: now + 20 * 60_000, durationMin: 60, place: '示教室', attendees: { kind: 'branch' } } },
      ctx(secretary),
    );
    expect(scheduled).toMatchObject({ ok: true, data: { topic: '打包后的函数可以排会' } });
    const meetingId = scheduled.data.meetingId;
    const code = await bundle.meetingsFunction({ action: 'checkinCode', data: { meetingId } }, ctx(secretary));
    expect(code).toMatchObject({ ok: true, data: { meetingId } });
    expect(await bundle.meetingsFunction({ action: 'checkin', data: { meetingId, code: code.data.code } }, ctx('demo:m_H01003'))).toMatchObject({ ok: true, data: { method: 'code' } });
    now += 2 * 3600_000;
    const file = await bundle.meetingsFunction({ action: 'exportLedger', data: { year: 2026 } }, ctx(secretary));
    expect(file).toMatchObject({ ok: true });
    expect(isXlsx(file.data.base64)).toBe(true);
  });
});

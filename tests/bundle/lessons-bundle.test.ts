import { bundleContext, demoStorage, loadBundle, requiresOf, undeclaredRequiresOf } from './support';

/** The deployable cloudfunctions/lessons/index.js and the scheduler bundle that now releases lessons. */
describe('lessons bundle', () => {
  it('requires nothing but Node built-ins and the SDKs its package.json lists', () => {
    expect(undeclaredRequiresOf('lessons')).toEqual([]);
    expect(requiresOf('lessons')).toEqual(expect.arrayContaining(['@cloudbase/node-sdk', 'wx-server-sdk']));
  });

  it('the scheduler bundle requires only what it declares: it sends held reminder rounds and meeting reminders', () => {
    expect(undeclaredRequiresOf('scheduler')).toEqual([]);
    expect(requiresOf('scheduler')).toEqual(expect.arrayContaining(['@cloudbase/node-sdk', 'wx-server-sdk', 'tencentcloud-sdk-nodejs-sms']));
  });

  it('exports the CloudBase entry and answers `today` through the bundled handler', async () => {
    const bundle = loadBundle('lessons', 'lessonsFunction');
    expect(typeof bundle.main).toBe('function');
    const now = Date.parse('2026-11-22T01:00:00Z');
    const ctx = bundleContext('demo:m_H01002', await demoStorage(now), () => now);
    const res = await bundle.lessonsFunction({ action: 'today', data: {} }, ctx);
    expect(res).toMatchObject({ ok: true, data: { date: '2026-11-22', released: true, planned: false, lesson: null } });
    expect(await bundle.lessonsFunction({ action: 'nope', data: {} }, ctx)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  });
});

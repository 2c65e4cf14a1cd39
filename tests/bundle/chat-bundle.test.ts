import { bundleCodeOf, bundleContext, configOf, demoStorage, loadBundle, requiresOf, undeclaredRequiresOf } from './support';

/** The deployable cloudfunctions/chat/index.js: self-contained, no local-only code, the realtime bus left out. */
const code = () => bundleCodeOf('chat');

describe('chat bundle', () => {
  it('requires nothing but Node built-ins and the SDKs its package.json lists', () => {
    expect(undeclaredRequiresOf('chat')).toEqual([]);
    expect(requiresOf('chat')).toEqual(expect.arrayContaining(['@cloudbase/node-sdk', 'wx-server-sdk']));
  });

  it('leaves the local doorbell bus and SSE stream out of the cloud build', () => {
    expect(code()).not.toContain('[doorbell]');
    expect(code()).not.toContain('text/event-stream');
  });

  it('declares the openapi it calls', () => {
    expect(configOf('chat').permissions.openapi).toEqual(expect.arrayContaining(['security.msgSecCheck', 'security.mediaCheckAsync', 'subscribeMessage.send']));
  });

  it('answers through the bundled handler', async () => {
    const bundle = loadBundle('chat', 'chatFunction');
    expect(typeof bundle.main).toBe('function');
    const now = Date.parse('2026-11-22T01:00:00Z');
    const ctx = bundleContext('demo:m_H01002', await demoStorage(now), () => now);
    const sent = await bundle.chatFunction({ action: 'send', data: { clientMsgId: 'cbundletest000000001', text: '打包后的函数可以发消息' } }, ctx);
    expect(sent).toMatchObject({ ok: true, data: { message: { seq: 1 }, duplicate: false } });
    expect(await bundle.chatFunction({ action: 'badge', data: {} }, ctx)).toMatchObject({ ok: true, data: { seq: 1 } });
  });
});

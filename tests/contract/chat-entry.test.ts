/**
 * The chat function's CloudBase entry: user calls go to the actions; WeChat's `wxa_media_check` push goes
 * to the image verdict, and a user cannot fake that push (a call carrying an OPENID is refused there).
 */
const fakeApp = {
  auth: () => ({ getUserInfo: () => ({ openId: process.env.WX_OPENID ?? '' }) }),
  database: () => ({}),
  getTempFileURL: async () => ({ fileList: [] }),
};
jest.mock('@cloudbase/node-sdk', () => ({ __esModule: true, default: { init: () => fakeApp, SYMBOL_CURRENT_ENV: Symbol('current') } }));

import { main } from '../../cloudfunctions/chat/src/index';

afterAll(() => {
  delete process.env.WX_OPENID;
});

describe('chat cloud entry', () => {
  it('refuses a media-check push that carries a user identity', async () => {
    process.env.WX_OPENID = 'o-user';
    expect(await main({ Event: 'wxa_media_check', trace_id: 'trace-1', result: { suggest: 'pass' } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('routes user calls to the actions', async () => {
    process.env.WX_OPENID = 'o-user';
    expect(await main({ action: 'nope', data: {} })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    expect(await main({ action: 'send', data: { clientMsgId: 'short' } })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '消息编号格式不正确' });
  });
});

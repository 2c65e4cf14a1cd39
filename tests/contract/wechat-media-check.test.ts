import { cloudWeChatGateway, type MediaCheckAsyncRequest, type WxServerSdkLike } from '../../cloudfunctions/_runtime/wechat/cloud';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';

/** Chat images: mediaCheckAsync v2 up to the wire (the request wx-server-sdk receives), and the local fake. */
describe('image checks', () => {
  it('cloud: sends mediaCheckAsync v2 for an image and returns the trace id to wait for', async () => {
    const requests: MediaCheckAsyncRequest[] = [];
    const sdk: WxServerSdkLike = {
      openapi: {
        security: {
          msgSecCheck: async () => ({ result: { suggest: 'pass' } }),
          async mediaCheckAsync(request) {
            requests.push(request);
            return { traceId: '60ae1b2c-trace' };
          },
        },
        subscribeMessage: { send: async () => ({}) },
        wxacode: { getUnlimited: async () => ({}) },
      },
    };
    const gateway = cloudWeChatGateway(sdk, { notice_reminder: 'TPL' });
    const started = await gateway.checkImageAsync!({ openid: 'o_user', url: 'https://x.tcb.qcloud.la/chat/a.jpg?sign=1', scene: 3 });
    expect(started).toEqual({ verdict: 'pending', traceId: '60ae1b2c-trace' });
    expect(requests).toEqual([{ mediaUrl: 'https://x.tcb.qcloud.la/chat/a.jpg?sign=1', mediaType: 2, version: 2, scene: 3, openid: 'o_user' }]);
  });

  it('cloud: an answer without a trace id is an error, never a silent pass', async () => {
    const sdk: WxServerSdkLike = {
      openapi: {
        security: { msgSecCheck: async () => ({}), mediaCheckAsync: async () => ({}) },
        subscribeMessage: { send: async () => ({}) },
        wxacode: { getUnlimited: async () => ({}) },
      },
    };
    await expect(cloudWeChatGateway(sdk, { notice_reminder: 'TPL' }).checkImageAsync!({ openid: 'o', url: 'https://a/b.png', scene: 3 })).rejects.toThrow('traceId');
  });

  it('local: passes at once', async () => {
    expect(await localWeChatGateway().checkImageAsync!({ openid: 'demo:m1', url: '/api/files/f_x', scene: 3 })).toEqual({ verdict: 'pass' });
  });
});

import { FLAGGED_TEST_LABEL, FLAGGED_TEST_WORDS, localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import type { SubscribeMessage } from '../../cloudfunctions/_runtime/wechat/port';

const reminder = (toOpenid: string, title = '支部通知'): SubscribeMessage => ({
  toOpenid,
  templateKey: 'notice_reminder',
  page: 'pages/notice-detail/index?noticeId=n_1',
  fields: { title, author: '王书记', time: '2026-11-22 09:30', tip: '请及时阅读' },
});

describe('local WeChat gateway (the embedded default fake)', () => {
  it('flags texts containing a test word (anywhere, any case, with or without an openid) with label 20001', async () => {
    const wechat = localWeChatGateway();
    expect(FLAGGED_TEST_WORDS).toEqual(['违禁测试词', 'BANNED-TEST-WORD']);
    expect(FLAGGED_TEST_LABEL).toBe(20001);
    for (const text of ['这里有违禁测试词。', 'banned-test-word here', 'x BANNED-TEST-WORD']) {
      expect(await wechat.checkText({ openid: 'o-1', text, scene: 3 })).toEqual({ pass: false, label: 20001 });
    }
    expect(await wechat.checkText({ openid: null, text: '违禁测试词', scene: 3 })).toEqual({ pass: false, label: 20001 });
    expect(await wechat.checkText({ openid: 'o-1', text: '周五下午学习党章', scene: 3 })).toEqual({ pass: true, label: null });
    expect(await wechat.checkText({ openid: 'o-1', text: '违禁', scene: 3 })).toEqual({ pass: true, label: null });
  });

  it('takes its own word list', async () => {
    const wechat = localWeChatGateway({ flaggedWords: ['坏词'] });
    expect((await wechat.checkText({ openid: 'o-1', text: '有坏词', scene: 1 })).pass).toBe(false);
    expect((await wechat.checkText({ openid: 'o-1', text: '违禁测试词', scene: 1 })).pass).toBe(true);
  });

  it('always delivers, into an outbox of copies in order, and reports each send', async () => {
    const seen: string[] = [];
    const wechat = localWeChatGateway({ onSend: (m) => seen.push(m.toOpenid) });
    const first = reminder('o-1');
    expect(await wechat.sendSubscribeMessage(first)).toEqual({ sent: true });
    expect(await wechat.sendSubscribeMessage(reminder('o-2', '第二条'))).toEqual({ sent: true });
    first.fields.title = 'changed by the caller afterwards';
    expect(wechat.outbox().map((m) => [m.toOpenid, m.fields.title])).toEqual([
      ['o-1', '支部通知'],
      ['o-2', '第二条'],
    ]);
    wechat.outbox()[0].fields.title = 'changed by a reader';
    expect(wechat.outbox()[0].fields.title).toBe('支部通知');
    expect(seen).toEqual(['o-1', 'o-2']);
    wechat.clearOutbox();
    expect(wechat.outbox()).toEqual([]);
  });

  it('keeps only the latest messages, so a long-running host does not grow', async () => {
    const wechat = localWeChatGateway({ outboxLimit: 2 });
    for (const id of ['o-1', 'o-2', 'o-3']) await wechat.sendSubscribeMessage(reminder(id));
    expect(wechat.outbox().map((m) => m.toOpenid)).toEqual(['o-2', 'o-3']);
  });

  it('each gateway has its own outbox', async () => {
    const a = localWeChatGateway();
    const b = localWeChatGateway();
    await a.sendSubscribeMessage(reminder('o-1'));
    expect(b.outbox()).toEqual([]);
  });
});

import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Member } from '../../src/domain/org/types';
import { startLoopback, type Loopback } from '../contract/reach/loopback';
import { collectPageErrors, launchChromium, phoneContext, signInAs, visible } from './support/browser';
import { startHost, type TestHost } from './support/host';
import { overflowing, settle } from './support/screens';

const SHOTS = '/tmp/reach-channels';

/**
 * The committee admin's 提醒通道 page against a host whose WeCom points at a loopback fake (the real
 * adapter on the wire), and a member's 消息提醒 in 我的.
 */
describe('reminder channels in the browser', () => {
  let host: TestHost;
  let browser: Browser;
  let wecom: Loopback;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    wecom = await startLoopback((req) => {
      if (req.path === '/cgi-bin/gettoken') return { errcode: 0, errmsg: 'ok', access_token: 'tok', expires_in: 7200 };
      if (req.path === '/cgi-bin/user/getuserid') return { errcode: 0, errmsg: 'ok', userid: 'ZhouLiQun' };
      return { errcode: 0, errmsg: 'ok', invaliduser: '' };
    });
    host = await startHost(undefined, {
      reachEnv: { WZB_WECOM_CORP_ID: 'ww0123456789abcdef', WZB_WECOM_AGENT_ID: '1000002', WZB_WECOM_SECRET: 'e2e-secret-value', WZB_WECOM_BASE_URL: wecom.url },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await wecom?.close();
  });

  const openSettings = async (page: Page) => {
    await signInAs(page, host.url, '周立群');
    await page.goto(`${host.url}#/pages/me/index`);
    await visible(page, '.link-reach-settings').click();
    await visible(page, '.reach-channel--wecom').waitFor({ timeout: 20000 });
  };

  it('the committee admin sees channel status, tests WeCom on the wire, and sets the SMS cap', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await openSettings(page);

    const state = async (name: string) => (await visible(page, `.reach-channel--${name} .reach-channel__state`).textContent())?.trim();
    expect([await state('wechat'), await state('wecom'), await state('sms')]).toEqual(['已配置', '已配置', '未配置']);
    const text = await page.locator('body').innerText();
    expect(text).toContain('企业 ID ww01…ef，应用 1000002');
    expect(text).toContain('未配置（缺少环境变量 WZB_SMS_SECRET_ID 等 5 项）');
    expect(text).not.toContain('e2e-secret-value');
    expect(text).not.toContain('ww0123456789abcdef');
    await page.screenshot({ path: `${SHOTS}/settings-phone.png`, fullPage: true });

    // A test send to oneself over WeCom: found by mobile, sent, remembered.
    await visible(page, '.test-send--wecom').click();
    await visible(page, '.reach-channel--wecom .test-result').waitFor({ timeout: 15000 });
    expect(await visible(page, '.reach-channel--wecom .test-result').textContent()).toBe('已送达，请查收');
    const admin = (await host.storage.collection<Member>('members').get('m_H01001'))!;
    expect(wecom.requests.map((r) => r.path)).toEqual(['/cgi-bin/gettoken', '/cgi-bin/user/getuserid', '/cgi-bin/message/send']);
    expect(wecom.requests[1].body).toEqual({ mobile: admin.phone });
    expect(wecom.requests[2].body).toMatchObject({ touser: 'ZhouLiQun', msgtype: 'text', agentid: 1000002 });
    expect(admin.wecomUserId).toBe('ZhouLiQun');

    // WeChat without a credit: an honest answer, nothing sent.
    await visible(page, '.test-send--wechat').click();
    await visible(page, '.reach-channel--wechat .test-result').waitFor({ timeout: 15000 });
    expect(await visible(page, '.reach-channel--wechat .test-result').textContent()).toBe('未送达：没有可用的微信提醒次数');
    expect(host.wechat.outbox()).toHaveLength(0);

    // A bad cap is refused naming the field; a good one is saved and shown in the budget.
    const cap = visible(page, '.field-sms-cap input');
    await cap.fill('-5');
    await visible(page, '.save-reach-rules').click();
    expect(await visible(page, '.reach-rules__error').textContent()).toBe('短信每月上限不能小于 0');
    await cap.fill('500');
    await visible(page, '.save-reach-rules').click();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.sms-cap')).some((e) => e.textContent === '500'), undefined, { timeout: 15000 });
    expect(await visible(page, '.sms-left').textContent()).toBe('500');
    await visible(page, '.second-round-switch').click();
    await visible(page, '.reach-rules').screenshot({ path: `${SHOTS}/settings-rules.png` });
    expect(await host.storage.collection('reachSettings').get('hospital')).toMatchObject({ smsMonthlyCap: 500, quietStart: '22:00', quietEnd: '07:00' });
    await settle(page);
    expect(await overflowing(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads well on a desktop and at night in large text', async () => {
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await desktop.newPage();
    await openSettings(page);
    await page.screenshot({ path: `${SHOTS}/settings-desktop.png`, fullPage: true });
    await desktop.close();

    const night = await phoneContext(browser);
    const p2 = await night.newPage();
    await signInAs(p2, host.url, '周立群');
    await p2.goto(`${host.url}#/pages/me/index`);
    await visible(p2, '.display-dark-on').click();
    await visible(p2, '.display-large-on').click();
    await visible(p2, '.link-reach-settings').click();
    await visible(p2, '.reach-channel--wecom').waitFor({ timeout: 20000 });
    await settle(p2);
    expect(await overflowing(p2)).toEqual([]);
    await p2.screenshot({ path: `${SHOTS}/settings-night-large.png`, fullPage: true });
    await night.close();
  });

  it("a member's 我的 shows how reminders reach them", async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const [member] = await host.storage.collection<Member>('members').find({ branchId: 'b_demo01', role: 'member', openid: { $ne: null } }, { limit: 1 });
    await host.storage.collection('subscriptionCredits').put({ _id: `${member._id}:notice_reminder`, memberId: member._id, templateKey: 'notice_reminder', credits: 3, updatedAt: 0 });
    await signInAs(page, host.url, member.name);
    await page.goto(`${host.url}#/pages/me/index`);
    await visible(page, '.reach-wechat-value').waitFor({ timeout: 15000 });
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.reach-wechat-value')).some((e) => e.textContent === '可接收 3 次'), undefined, { timeout: 15000 });
    expect(await visible(page, '.reach-wecom-value').textContent()).toBe('按手机号匹配');
    expect(await visible(page, '.reach-sms-value').textContent()).toBe('本院未开通');
    expect(await visible(page, '.reach-inapp-value').textContent()).toBe('始终开启');
    await visible(page, '.reach-status').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/me-member.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});

import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { collectPageErrors, phoneContext, signInAs, visible } from './support/browser';
import { bodyFontSize, boundMember, catchUpLesson, mainPages, openRoute, overflowing, settle, signInFor, SHOWN, type MainPage } from './support/screens';
import { chatPages } from './support/chat-pages';
import { meetingPages } from './support/meeting-pages';
import { hostAndBrowserPerFile } from './support/suite';

const suite = hostAndBrowserPerFile();
const SHOTS = '/tmp/screens';
mkdirSync(SHOTS, { recursive: true });

const desktop = (browser: Browser) => browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

let pages: MainPage[] = [];
beforeAll(async () => {
  const context = await desktop(suite.browser);
  pages = [...(await mainPages(suite.host, context)), ...(await chatPages(suite.host, context)), ...(await meetingPages(suite.host, context))];
  await context.close();
});

/** Visits every main page as its persona and runs `check` on each. */
async function everyPage(makeContext: () => ReturnType<typeof desktop>, label: string, check: (page: import('playwright-core').Page, p: MainPage) => Promise<void>) {
  for (const persona of ['member', 'secretary', 'admin'] as const) {
    const context = await makeContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInFor(page, suite.host, persona);
    for (const p of pages.filter((x) => x.persona === persona)) {
      await openRoute(page, suite.host.url, p.route);
      await page.screenshot({ path: `${SHOTS}/${label}-${p.name}.png` });
      await check(page, p);
    }
    expect(errors).toEqual([]);
    await context.close();
  }
}

describe('screens on a desktop, in care mode and at night', () => {
  it('at 1280 × 800 every main page uses a desktop scale: 14–16 px text, nothing wider than the window', async () => {
    await everyPage(
      () => desktop(suite.browser),
      'desktop',
      async (page, p) => {
        const size = await bodyFontSize(page);
        expect({ page: p.name, size, ok: size >= 14 && size <= 16 }).toEqual({ page: p.name, size, ok: true });
        expect({ page: p.name, overflow: await overflowing(page) }).toEqual({ page: p.name, overflow: [] });
        // The content is a centred column, not a phone stretched over the screen.
        const column = await page.locator(`${SHOWN} .page`).first().boundingBox();
        expect(column && column.width <= 1100 && column.x > 50).toBe(true);
      },
    );
  });

  it('a dialog at 1280 × 800 fits the window and its buttons stay on one line', async () => {
    const context = await desktop(suite.browser);
    const page = await context.newPage();
    await signInAs(page, suite.host.url, '周立群');
    await openRoute(page, suite.host.url, '/admin/org/index');
    await visible(page, '.create-branch').first().click();
    const dialog = visible(page, '.nut-dialog').first();
    await dialog.waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/desktop-dialog.png` });
    const box = await dialog.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 800 && box.x >= 0 && box.x + box.width <= 1280).toBe(true);
    for (const button of await visible(page, '.nut-dialog-footer .nut-button').all()) {
      const b = await button.boundingBox();
      const lineHeight = await button.evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * 2.2);
      expect(b && b.height <= lineHeight * 1.6).toBe(true);
    }
    await context.close();
  });

  it('夜间模式 and 大字模式 chosen in 我的 apply to every page: dark colours, about 24 px text, nothing cut off; the choice survives a reload', async () => {
    const phone = () => phoneContext(suite.browser);
    // Choose both in 我的 as a member; the choice is stored per device, so each persona's context sets it.
    const choose = async (page: import('playwright-core').Page) => {
      await openRoute(page, suite.host.url, '/pages/me/index');
      await visible(page, '.display-dark-on').click();
      await visible(page, '.display-large-on').click();
      await page.waitForTimeout(300);
    };
    for (const persona of ['member', 'secretary', 'admin'] as const) {
      const context = await phone();
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await signInFor(page, suite.host, persona);
      await choose(page);
      await page.reload();
      await settle(page);
      expect(await page.evaluate(() => document.body.className)).toMatch(/theme-dark.*text-large|text-large.*theme-dark/);
      for (const p of pages.filter((x) => x.persona === persona)) {
        await openRoute(page, suite.host.url, p.route);
        await page.screenshot({ path: `${SHOTS}/night-large-${p.name}.png` });
        const size = await bodyFontSize(page);
        expect({ page: p.name, large: size >= 22 && size <= 26 }).toEqual({ page: p.name, large: true });
        expect({ page: p.name, overflow: await overflowing(page) }).toEqual({ page: p.name, overflow: [] });
        const colours = await page.evaluate((shown) => {
          const lum = (c: string) => {
            const [r, g, b] = (c.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).map(Number);
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const root = document.querySelector(`${shown} .page`) as HTMLElement;
          const cards = Array.from(document.querySelectorAll(`${shown} .card, ${shown} .nut-cell`)).slice(0, 5);
          return {
            background: lum(getComputedStyle(document.querySelector(shown) as HTMLElement).backgroundColor),
            text: lum(getComputedStyle(root).color),
            cards: cards.map((c) => lum(getComputedStyle(c).backgroundColor)),
          };
        }, SHOWN);
        expect({ page: p.name, darkBackground: colours.background < 60, lightText: colours.text > 180, darkCards: colours.cards.every((l) => l < 80) }).toEqual({
          page: p.name,
          darkBackground: true,
          lightText: true,
          darkCards: true,
        });
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it("follows the system's dark setting until the member chooses otherwise", async () => {
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const member = await boundMember(suite.host, 'b_demo01', 'member');
    await signInAs(page, suite.host.url, member.name);
    expect(await page.evaluate(() => document.body.classList.contains('theme-dark'))).toBe(true);
    await openRoute(page, suite.host.url, '/pages/me/index');
    await visible(page, '.display-dark-off').click();
    expect(await page.evaluate(() => document.body.classList.contains('theme-dark'))).toBe(false);
    await visible(page, '.display-dark-system').click();
    expect(await page.evaluate(() => document.body.classList.contains('theme-dark'))).toBe(true);
    await context.close();
  });

  it('the article reader has its own text size, A− / A+', async () => {
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    const member = await boundMember(suite.host, 'b_demo01', 'member');
    await signInAs(page, suite.host.url, member.name);
    const article = await catchUpLesson(suite.host, 'article');
    await openRoute(page, suite.host.url, `/pages/lesson/index?lessonId=${article.lessonId}&date=${article.date}`);
    const size = () => visible(page, '.lesson-paragraph').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await size();
    await visible(page, '.reader-larger').click();
    await visible(page, '.reader-larger').click();
    expect(await size()).toBeGreaterThan(before * 1.2);
    await page.screenshot({ path: `${SHOTS}/reader-larger.png` });
    await visible(page, '.reader-smaller').click();
    await visible(page, '.reader-smaller').click();
    await visible(page, '.reader-smaller').click();
    expect(await size()).toBeLessThan(before);
    await context.close();
  });
});

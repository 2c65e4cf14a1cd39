import type { BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, signInAs, visible } from './support/browser';
import { hostAndBrowserPerFile } from './support/suite';

/**
 * index.html paints before the app's script has run: the member's theme and text size
 * (config/early-display.ts) and, when the address opens the demo picker, that page's bar, header and
 * loading placeholder (config/entry-shell.ts). The app's script is held back here, as a slow 4G
 * connection would, to look at that first paint; then the page must take its place exactly.
 */
const suite = hostAndBrowserPerFile();

type Box = { x: number; y: number; width: number; height: number };
const APP_SCRIPT = /\/js\/app\.[0-9a-f]+\.js$/;

/** Holds the app's script until `release` is called. */
async function holdAppScript(page: Page): Promise<() => void> {
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(APP_SCRIPT, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const box = async (page: Page, selector: string): Promise<Box> => {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not on screen`);
  return b;
};

const expectSameBox = (shell: Box, real: Box) => {
  for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(shell[k] - real[k])).toBeLessThan(0.5);
};

const displayState = (page: Page) =>
  page.evaluate(() => ({ rootSize: document.documentElement.style.fontSize, classes: document.body.className.split(/\s+/).filter(Boolean).sort() }));

async function firstPaintThenPage(context: BrowserContext, expectedClasses: string[]) {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const release = await holdAppScript(page);
  await page.goto(suite.host.url, { waitUntil: 'commit' });

  // Before the app has run: the picker's bar and header, a loading line, in the member's display.
  await visible(page, '#wzb-entry-shell .demo-header__text').waitFor();
  expect(await page.locator('.taro_page').count()).toBe(0);
  expect(await page.locator('#wzb-entry-shell .entry-shell__title').textContent()).toBe('选择演示身份');
  expect(await page.locator('#wzb-entry-shell .demo-header__title').textContent()).toBe('演示模式 · 仅本地部署可用');
  expect(await visible(page, '#wzb-entry-shell .entry-shell__loading-text').textContent()).toBe('加载中…');
  const early = await displayState(page);
  expect(early.classes).toEqual(expectedClasses);
  const shell = {
    nav: await box(page, '#wzb-entry-shell .entry-shell__nav'),
    title: await box(page, '#wzb-entry-shell .demo-header__title'),
    text: await box(page, '#wzb-entry-shell .demo-header__text'),
    background: await page.evaluate(() => getComputedStyle(document.getElementById('wzb-entry-shell') as HTMLElement).backgroundColor),
  };

  // The app runs: the page takes the shell's place, the same size, and the shell is gone.
  release();
  await visible(page, '.taro_page .demo-header__text').waitFor({ timeout: 20000 });
  await page.locator('#wzb-entry-shell').waitFor({ state: 'detached', timeout: 2000 });
  expect(await page.evaluate(() => document.documentElement.classList.contains('wzb-entry-shell'))).toBe(false);
  expectSameBox(shell.nav, await box(page, '#taro-navigation-bar'));
  expectSameBox(shell.title, await box(page, '.taro_page .demo-header__title'));
  expectSameBox(shell.text, await box(page, '.taro_page .demo-header__text'));
  expect(await visible(page, '.taro-navigation-bar-title').textContent()).toBe('选择演示身份');
  // The app's own display rules gave the same root size and theme as index.html's.
  expect(await displayState(page)).toEqual(early);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.taro_page') as HTMLElement).backgroundColor)).toBe(shell.background);
  await page.locator('.persona').first().waitFor({ timeout: 20000 });
  expect(errors).toEqual([]);
  return { page, shell };
}

describe('the first paint comes from index.html', () => {
  it('on a phone: the demo picker paints before the app runs, then the page takes its place exactly', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const { shell } = await firstPaintThenPage(context, ['text-normal', 'theme-light']);
    expect(shell.background).toBe('rgb(245, 245, 245)');
    await context.close();
  });

  it('in the night theme with large text, from the first paint on', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'dark', locale: 'zh-CN' });
    await context.addInitScript(() => {
      if (!localStorage.getItem('wzb.display')) localStorage.setItem('wzb.display', JSON.stringify({ data: { largeText: 'on', dark: 'system', readerScale: 1 } }));
    });
    const { page, shell } = await firstPaintThenPage(context, ['text-large', 'theme-dark']);
    expect(shell.background).toBe('rgb(17, 17, 17)');
    // 大字模式: the header text is larger than on the same phone at the normal size.
    expect(shell.title.height).toBeGreaterThan(35);
    expect(await page.evaluate(() => document.querySelector('meta[name="theme-color"]')?.getAttribute('content'))).toBe('#1f1f1f');
    await context.close();
  });

  it('at a PC: the shell sits in the same centred column as the page', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const { shell } = await firstPaintThenPage(context, ['text-normal', 'theme-light']);
    expect(shell.title.x).toBeGreaterThan(100);
    await context.close();
  });

  it('on a fast connection too, the app’s script runs only once the shell is on screen', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    // When the app's script element enters the page (it runs after that, never before).
    await page.addInitScript(() => {
      const w = window as unknown as { appScriptAddedAt?: number };
      new MutationObserver((_, observer) => {
        if (!document.querySelector('body script[src*="/js/app."]')) return;
        w.appScriptAddedAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(suite.host.url);
    await page.locator('.persona').first().waitFor({ timeout: 20000 });
    const { fcp, appScriptAddedAt } = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      appScriptAddedAt: (window as unknown as { appScriptAddedAt?: number }).appScriptAddedAt,
    }));
    expect(fcp).toBeGreaterThan(0);
    expect(appScriptAddedAt).toBeGreaterThanOrEqual(fcp as number);
    // The browser fetched the script once, from the head's preload, not again when it ran.
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => /\/js\/app\./.test(r.name)).length);
    expect(fetched).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a signed-in member opening the app never sees the demo picker’s shell', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInAs(page, suite.host.url, '党员');
    await page.goto('about:blank');
    const release = await holdAppScript(page);
    await page.goto(`${suite.host.url}#/pages/index/index`, { waitUntil: 'commit' });
    await page.locator('#wzb-entry-shell').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => document.documentElement.classList.contains('wzb-entry-shell'))).toBe(false);
    expect(await visible(page, '#wzb-entry-shell').count()).toBe(0);
    release();
    await visible(page, '.me-name').waitFor({ timeout: 20000 });
    await context.close();
  });
});

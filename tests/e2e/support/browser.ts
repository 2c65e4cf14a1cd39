import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium with the flags this closed network needs (see ENGINEERING.md). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A phone-sized context, as a nurse would hold it. */
export const phoneContext = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

/** H5 keeps tab pages alive in the DOM: only the visible copy counts. */
export const visible = (page: Page, selector: string): Locator => page.locator(selector).locator('visible=true');

/** Page errors fail the test that caused them. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Signs in through the demo persona picker, the way a demo user does. */
export async function signInAs(page: Page, baseUrl: string, personaText: string, nth = 0): Promise<void> {
  await page.goto(`${baseUrl}#/pages/demo/index`);
  await page.locator('.persona').first().waitFor({ timeout: 20000 });
  await page.locator('.persona', { hasText: personaText }).nth(nth).click();
  await visible(page, '.me-name').waitFor({ timeout: 15000 });
}

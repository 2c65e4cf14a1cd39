import { launch } from 'chrome-launcher';
import { execFile } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Member } from '../../src/domain/org/types';
import { startHost } from '../../tests/e2e/support/host';

/**
 * Lighthouse (mobile preset) on the H5 home page as a signed-in member sees it: today's lesson card,
 * the member card and the unread notices entry. Needs `npm run build:h5` and Debian's Chromium.
 * The sign-in happens first through the demo persona picker; storage is kept for the audit.
 */
export async function benchLighthouse() {
  const host = await startHost();
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const [member] = await host.storage.collection<Member>('members').find({ branchId: 'b_demo01', role: 'member', openid: { $ne: null } }, { limit: 1 });
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
    const page = await browser.contexts()[0].newPage();
    await page.goto(`${host.url}#/pages/demo/index`);
    await page.locator('.persona', { hasText: member.name }).first().click();
    await page.locator('.me-name').first().waitFor({ timeout: 20000 });
    await page.close();
    await browser.close();

    // Lighthouse runs as its own plain Node process: functions it sends into the page must not carry
    // the helpers tsx's transform adds (`__name`), which do not exist in the browser.
    // Asynchronous: the host serving the page lives in this process.
    const stdout = await runNode([
      require.resolve('lighthouse/cli/index.js'),
      `${host.url}#/pages/index/index`,
      `--port=${chrome.port}`,
      '--only-categories=performance,accessibility',
      '--output=json',
      '--disable-storage-reset',
      '--quiet',
    ]);
    const lhr = JSON.parse(stdout) as { categories: { performance: { score: number | null }; accessibility: { score: number | null } }; audits: Record<string, { numericValue?: number }> };
    const audits = lhr.audits;
    return {
      page: 'H5 home (signed-in member), Lighthouse mobile preset',
      performanceScore: Math.round((lhr.categories.performance.score ?? 0) * 100),
      accessibilityScore: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
      lcpMs: Math.round(audits['largest-contentful-paint'].numericValue ?? 0),
      tbtMs: Math.round(audits['total-blocking-time'].numericValue ?? 0),
      fcpMs: Math.round(audits['first-contentful-paint'].numericValue ?? 0),
      transferKB: Math.round((audits['total-byte-weight'].numericValue ?? 0) / 1024),
    };
  } finally {
    await chrome.kill();
    await host.close();
  }
}

const runNode = (args: string[]): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => (err ? reject(new Error(`lighthouse failed: ${stderr}`)) : resolve(stdout))),
  );

import { launch } from 'chrome-launcher';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Member } from '../../src/domain/org/types';
import { HostClock, startHost } from '../../tests/e2e/support/host';

type Lhr = {
  categories: { performance: { score: number | null }; accessibility: { score: number | null } };
  audits: Record<string, { numericValue?: number; score: number | null; scoreDisplayMode?: string }>;
};

/**
 * Lighthouse 12 (mobile preset) on the three pages the issue names: the first page a visitor sees (the
 * app's entry before signing in: the demo persona picker on the local host), the home page as a
 * signed-in member (today's lesson card, the member card, the unread notices entry) and a notice page.
 * Needs `npm run build:h5` and Debian's Chromium. Lists the accessibility audits that fail, by id.
 */
export async function benchLighthouse() {
  // With the demo's month of study and notices, as `npm start` serves it.
  const host = await startHost(new HostClock(), { history: true });
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const audit = async (name: string, url: string, keepStorage: boolean) => {
      // Lighthouse runs as its own plain Node process: functions it sends into the page must not carry
      // the helpers tsx's transform adds (`__name`), which do not exist in the browser.
      // Asynchronous: the host serving the page lives in this process.
      const stdout = await runNode([
        require.resolve('lighthouse/cli/index.js'),
        url,
        `--port=${chrome.port}`,
        '--only-categories=performance,accessibility',
        '--output=json',
        ...(keepStorage ? ['--disable-storage-reset'] : []),
        '--quiet',
      ]);
      const lhr = JSON.parse(stdout) as Lhr;
      // The whole Lighthouse result, to see which tasks block (long-tasks, bootup-time) after a run.
      mkdirSync(path.join(root, '.tmp/bench'), { recursive: true });
      writeFileSync(path.join(root, `.tmp/bench/lighthouse-${name}.json`), stdout);
      const a = lhr.audits;
      const a11yFailing = Object.entries(a)
        .filter(([, v]) => v.score !== null && v.score < 1 && v.scoreDisplayMode === 'binary')
        .map(([id]) => id)
        .filter((id) => A11Y_AUDITS.has(id));
      return {
        performanceScore: Math.round((lhr.categories.performance.score ?? 0) * 100),
        accessibilityScore: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
        lcpMs: Math.round(a['largest-contentful-paint'].numericValue ?? 0),
        tbtMs: Math.round(a['total-blocking-time'].numericValue ?? 0),
        fcpMs: Math.round(a['first-contentful-paint'].numericValue ?? 0),
        transferKB: Math.round((a['total-byte-weight'].numericValue ?? 0) / 1024),
        a11yFailing: a11yFailing.join(' ') || 'none',
      };
    };
    // A first visit: nothing stored, the app's entry URL.
    const firstVisit = await audit('first-visit', host.url, false);

    // A member of the demo branch who received a notice (the seed's notices), so the notice page has one to show.
    const [notice] = await host.storage.collection<{ _id: string; memberId: string; noticeId: string }>('receipts').find({ branchId: 'b_demo01' }, { limit: 1 });
    const member =
      (notice && (await host.storage.collection<Member>('members').get(notice.memberId))) ||
      (await host.storage.collection<Member>('members').find({ branchId: 'b_demo01', role: 'member', openid: { $ne: null } }, { limit: 1 }))[0];
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
    const page = await browser.contexts()[0].newPage();
    await page.goto(`${host.url}#/pages/demo/index`);
    await page.locator('.persona', { hasText: member.name }).first().click();
    await page.locator('.me-name').first().waitFor({ timeout: 20000 });
    await page.close();
    await browser.close();
    const home = await audit('home', `${host.url}#/pages/index/index`, true);
    const noticePage = notice ? await audit('notice', `${host.url}#/pages/notice-detail/index?noticeId=${notice.noticeId}`, true) : null;
    return {
      preset: 'Lighthouse 12 mobile preset (simulated slow 4G, 4x CPU slowdown)',
      loadAverage1m: Math.round(loadavg()[0] * 10) / 10,
      firstVisit,
      homeSignedIn: home,
      notice: noticePage,
    };
  } finally {
    await chrome.kill();
    await host.close();
  }
}

/** Lighthouse 12's accessibility audits (binary ones count in the score). */
const A11Y_AUDITS = new Set(
  'accesskeys aria-allowed-attr aria-allowed-role aria-command-name aria-conditional-attr aria-deprecated-role aria-dialog-name aria-hidden-body aria-hidden-focus aria-input-field-name aria-meter-name aria-progressbar-name aria-prohibited-attr aria-required-attr aria-required-children aria-required-parent aria-roles aria-text aria-toggle-field-name aria-tooltip-name aria-treeitem-name aria-valid-attr-value aria-valid-attr button-name bypass color-contrast definition-list dlitem document-title duplicate-id-aria empty-heading form-field-multiple-labels frame-title heading-order html-has-lang html-lang-valid html-xml-lang-mismatch image-alt image-redundant-alt input-button-name input-image-alt label label-content-name-mismatch landmark-one-main link-in-text-block link-name list listitem meta-refresh meta-viewport object-alt select-name skip-link tabindex table-duplicate-name table-fake-caption target-size td-has-header td-headers-attr th-has-data-cells valid-lang video-caption'.split(' '),
);

const root = path.resolve(__dirname, '../..');

const runNode = (args: string[]): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => (err ? reject(new Error(`lighthouse failed: ${stderr}`)) : resolve(stdout))),
  );

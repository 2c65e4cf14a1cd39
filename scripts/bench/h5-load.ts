import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { LOCAL_FUNCTIONS } from '../../cloudfunctions/_local/functions';
import { localFileStore } from '../../cloudfunctions/_runtime/files/local';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import type { Member } from '../../src/domain/org/types';
import { startHost } from '../../tests/e2e/support/host';
import { median } from './measure';
import { memoryReachChannels } from '../../cloudfunctions/_runtime/reach/memory';

/**
 * What the H5 app downloads and how long it takes on a slow 4G link (1.6 Mbps down, 750 kbps up,
 * 150 ms RTT, Chromium's network emulation): a new visitor's first look at the app (its first and
 * largest paint, and the demo personas listed), the home page as a signed-in member on a first visit
 * (empty cache) and on the next visit, then a tap on a notice until its title shows. Bytes are what
 * crossed the wire (compressed bodies and headers, 0 for files served from the browser cache), so
 * they do not depend on the machine's load; the times do. Needs `npm run build:h5`.
 *
 * Times are taken in the page, to the frame: from the start of navigation (or the tap) to the first
 * frame in which the element is on screen. Playwright's own waiting polls ever more slowly (up to
 * every 500 ms), so timing its return measured when it started waiting as much as the page.
 */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Traffic {
  bytes: number;
  requests: number;
  fromCache: number;
  reset: () => void;
}

/** Counts the bytes of every response over the network (CDP `encodedDataLength`) on a throttled page. */
async function watch(context: BrowserContext, page: Page): Promise<Traffic> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  const t: Traffic = { bytes: 0, requests: 0, fromCache: 0, reset: () => ((t.bytes = 0), (t.requests = 0), (t.fromCache = 0)) };
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    t.bytes += e.encodedDataLength;
    t.requests++;
  });
  cdp.on('Network.requestServedFromCache', () => t.fromCache++);
  return t;
}

/**
 * A new visitor opens the app's address (no session, empty cache): when the browser first painted
 * content and its largest content (the browser's own FCP and LCP entries), and when the demo
 * personas are listed, ready to pick.
 */
async function firstLook(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => {
    const w = window as unknown as { __lcp: number };
    w.__lcp = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__lcp = e.startTime))).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await context.addInitScript(recordFirstFrameShowing('.persona'));
  const page = await context.newPage();
  await watch(context, page);
  await page.goto(url, { waitUntil: 'commit' });
  const listedMs = await shownAt(page, '.persona');
  const paints = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    lcp: (window as unknown as { __lcp: number }).__lcp,
  }));
  await context.close();
  return { firstContentfulPaintMs: Math.round(paints.fcp), largestContentfulPaintMs: Math.round(paints.lcp), personasListedMs: Math.round(listedMs) };
}

/**
 * In the page: resolves with the time (ms since navigation start) of the first animation frame in which
 * an element matching the selector is on screen (it has a box and is not hidden). Plain JavaScript
 * text: a function sent from here would carry helpers tsx adds (`__name`) that the page lacks.
 */
const FIRST_FRAME_SHOWING = `function (selector) {
  return new Promise(function (resolve) {
    function check(now) {
      var showing = Array.from(document.querySelectorAll(selector)).some(function (el) {
        return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      });
      if (showing) resolve(now);
      else requestAnimationFrame(check);
    }
    requestAnimationFrame(check);
  });
}`;

const firstFrameShowing = (selector: string) => `(${FIRST_FRAME_SHOWING})(${JSON.stringify(selector)})`;

/** Init script: watches for `selector` from the start of each document, kept for `shownAt`. */
const recordFirstFrameShowing = (selector: string) => ({
  content: `(window.__shown = window.__shown || {})[${JSON.stringify(selector)}] = ${firstFrameShowing(selector)};`,
});

/** When the page first showed `selector` (recorded by recordFirstFrameShowing since navigation). */
function shownAt(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (sel) => (window as unknown as { __shown: Record<string, Promise<number>> }).__shown[sel],
    selector,
  );
}

async function once(runIndex: number) {
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: FLAGS });
  try {
    const [member] = await host.storage.collection<Member>('members').find({ branchId: 'b_demo01', role: 'member', openid: { $ne: null } }, { limit: 1 });
    const dir = mkdtempSync(path.join(tmpdir(), 'wzb-bench-h5-'));
    const ctx = { openid: 'demo:m_H01001', storage: host.storage, now: () => Date.now(), randomBytes: (n: number) => randomBytes(n), demo: true, wechat: localWeChatGateway(), files: localFileStore(dir), channels: memoryReachChannels() };
    const title = `压测通知 ${runIndex}`;
    const published = await LOCAL_FUNCTIONS.notices({ action: 'publish', data: { title, body: '请全体党员阅读。'.repeat(20), audience: { kind: 'all' }, requestId: 'bench-h5-load-notice' } }, ctx);
    if (!published.ok) throw new Error(`publish: ${published.code}`);

    const newVisitor = await firstLook(browser, host.url);

    // Sign in through the demo persona picker in a throwaway context; keep only its storage.
    const signIn = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p0 = await signIn.newPage();
    await p0.goto(`${host.url}#/pages/demo/index`);
    await p0.locator('.persona', { hasText: member.name }).first().click();
    await p0.locator('.me-name').first().waitFor({ timeout: 60000 });
    const state = await signIn.storageState();
    await signIn.close();

    // First visit: empty HTTP cache, signed in; “usable” = today's lesson card rendered.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: state });
    await context.addInitScript(recordFirstFrameShowing('.home-lesson'));
    const page = await context.newPage();
    const traffic = await watch(context, page);
    const home = async () => {
      traffic.reset();
      await page.goto(`${host.url}#/pages/index/index`, { waitUntil: 'commit' });
      const ms = await shownAt(page, '.home-lesson');
      await page.waitForLoadState('networkidle');
      return { usableMs: Math.round(ms), transferKB: Math.round(traffic.bytes / 102.4) / 10, requests: traffic.requests, fromCache: traffic.fromCache };
    };
    const first = await home();
    await page.goto('about:blank');
    const repeat = await home();

    // Tap → notice: the notices tab, then the notice; “shown” = its title rendered.
    await page.locator('.taro-tabbar__tabbar').getByText('通知', { exact: true }).click();
    await page.locator('.notice-item').filter({ hasText: title }).first().waitFor({ timeout: 60000 });
    await page.waitForLoadState('networkidle');
    traffic.reset();
    // From the tap (the event's own time) to the first frame showing the notice's title.
    const tapped = page.evaluate(() => new Promise<number>((resolve) => document.addEventListener('pointerdown', (e) => resolve(e.timeStamp), { capture: true, once: true })));
    const shown = page.evaluate<number>(firstFrameShowing('.notice-title'));
    await page.locator('.notice-item').filter({ hasText: title }).first().click();
    const notice = { shownMs: Math.round((await shown) - (await tapped)), transferKB: Math.round(traffic.bytes / 102.4) / 10, requests: traffic.requests };
    await context.close();
    return { newVisitor, first, repeat, notice };
  } finally {
    await browser.close();
    await host.close();
  }
}

export async function benchH5Load(runs = Number(process.env.WZB_BENCH_RUNS ?? 3)) {
  const results: Array<Awaited<ReturnType<typeof once>>> = [];
  for (let i = 0; i < runs; i++) results.push(await once(i));
  const med = (pick: (r: (typeof results)[number]) => number) => median(results.map(pick));
  return {
    network: 'slow 4G emulated: 1.6 Mbps down, 750 kbps up, 150 ms RTT; 390×844',
    runs,
    newVisitor: {
      firstContentfulPaintMs: med((r) => r.newVisitor.firstContentfulPaintMs),
      largestContentfulPaintMs: med((r) => r.newVisitor.largestContentfulPaintMs),
      personasListedMs: med((r) => r.newVisitor.personasListedMs),
    },
    homeFirstVisit: { usableMs: med((r) => r.first.usableMs), transferKB: med((r) => r.first.transferKB), requests: med((r) => r.first.requests) },
    homeRepeatVisit: { usableMs: med((r) => r.repeat.usableMs), transferKB: med((r) => r.repeat.transferKB), requests: med((r) => r.repeat.requests), servedFromCache: med((r) => r.repeat.fromCache) },
    tapToNotice: { shownMs: med((r) => r.notice.shownMs), transferKB: med((r) => r.notice.transferKB), requests: med((r) => r.notice.requests) },
  };
}

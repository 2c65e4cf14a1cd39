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
  const page = await context.newPage();
  await watch(context, page);
  const t0 = Date.now();
  await page.goto(url);
  await page.locator('.persona').first().waitFor({ timeout: 60000 });
  const listedMs = Date.now() - t0;
  const paints = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    lcp: (window as unknown as { __lcp: number }).__lcp,
  }));
  await context.close();
  return { firstContentfulPaintMs: Math.round(paints.fcp), largestContentfulPaintMs: Math.round(paints.lcp), personasListedMs: listedMs };
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
    const page = await context.newPage();
    const traffic = await watch(context, page);
    const home = async () => {
      traffic.reset();
      const t0 = Date.now();
      await page.goto(`${host.url}#/pages/index/index`);
      await page.locator('.home-lesson').locator('visible=true').first().waitFor({ timeout: 60000 });
      const ms = Date.now() - t0;
      await page.waitForLoadState('networkidle');
      return { usableMs: ms, transferKB: Math.round(traffic.bytes / 102.4) / 10, requests: traffic.requests, fromCache: traffic.fromCache };
    };
    const first = await home();
    await page.goto('about:blank');
    const repeat = await home();

    // Tap → notice: the notices tab, then the notice; “shown” = its title rendered.
    await page.locator('.taro-tabbar__tabbar').getByText('通知', { exact: true }).click();
    await page.locator('.notice-item').filter({ hasText: title }).first().waitFor({ timeout: 60000 });
    await page.waitForLoadState('networkidle');
    traffic.reset();
    const t0 = Date.now();
    await page.locator('.notice-item').filter({ hasText: title }).first().click();
    await page.locator('.notice-title').locator('visible=true').first().waitFor({ timeout: 60000 });
    const notice = { shownMs: Date.now() - t0, transferKB: Math.round(traffic.bytes / 102.4) / 10, requests: traffic.requests };
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

import { chromium } from 'playwright-core';
(async () => {
  const url = process.argv[2];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const cases = [
    { name: 'phone', ctx: { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
    { name: 'phone-dark-large', ctx: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'dark' as const }, large: true },
    { name: 'pc', ctx: { viewport: { width: 1280, height: 800 } } },
  ];
  for (const c of cases) {
    const context = await browser.newContext({ ...c.ctx, locale: 'zh-CN' });
    if (c.large) await context.addInitScript(() => localStorage.setItem('wzb.display', JSON.stringify({ data: { largeText: 'on', dark: 'system', readerScale: 1 } })));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForTimeout(700);
    await page.screenshot({ path: `/tmp/shots/${c.name}-shell.png` });
    await page.locator('.persona').first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/${c.name}-page.png` });
    await context.close();
  }
  await browser.close();
})();

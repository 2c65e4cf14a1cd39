/**
 * Renders the tab bar icons (src/assets/tab/*.png, 81×81, as WeChat's tabBar asks) from the SVG below
 * in Debian's Chromium. Run `npx tsx scripts/render-tab-icons.ts` after changing a shape; the PNGs are
 * committed, so builds do not need a browser.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const SHAPES: Record<string, string> = {
  // 首页: a house
  home: '<path d="M8 22 L24 9 L40 22" /><path d="M12 19 V38 H36 V19" /><path d="M20 38 V28 H28 V38" />',
  // 通知: a bell
  notices: '<path d="M14 33 V22 a10 10 0 0 1 20 0 V33" /><path d="M10 33 H38" /><path d="M21 38 a3.5 3.5 0 0 0 6 0" /><path d="M24 9 V12" />',
  // 支部: two people
  branch: '<circle cx="18" cy="17" r="6" /><path d="M7 38 a11 11 0 0 1 22 0" /><circle cx="32" cy="19" r="5" /><path d="M31 28 a9 9 0 0 1 10 10" />',
  // 我的: one person
  me: '<circle cx="24" cy="17" r="7.5" /><path d="M10 40 a14 14 0 0 1 28 0" />',
};

const COLORS = { normal: '#6b6b6b', active: '#c8161d' };

const svg = (shape: string, color: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 48 48" fill="none" stroke="${color}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">${shape}</svg>`;

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 });
  const out = path.resolve(__dirname, '../src/assets/tab');
  for (const [name, shape] of Object.entries(SHAPES)) {
    for (const [state, color] of Object.entries(COLORS)) {
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg(shape, color)}</body></html>`);
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      writeFileSync(path.join(out, `${name}${state === 'active' ? '-active' : ''}.png`), png);
    }
  }
  await browser.close();
}

void main();

import path from 'node:path';
import type { Page } from 'playwright-core';
import { phoneContext, signInAs, visible } from './support/browser';
import { boundMember, mainPages, openRoute, signInFor, type MainPage } from './support/screens';
import { chatPages } from './support/chat-pages';
import { meetingPages } from './support/meeting-pages';
import { hostAndBrowserPerFile } from './support/suite';

const suite = hostAndBrowserPerFile();
const AXE = path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's serious and critical findings on what the member sees now (hidden tab pages excluded). */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run({ exclude: [['.taro_page[style*="display: none"]'], ['.taro_page:not(.taro_page_show)']] }, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('accessibility', () => {
  let pages: MainPage[] = [];
  beforeAll(async () => {
    const context = await phoneContext(suite.browser);
    pages = [...(await mainPages(suite.host, context)), ...(await chatPages(suite.host, context)), ...(await meetingPages(suite.host, context))];
    await context.close();
  });

  it('axe-core finds no serious or critical violation on any main page', async () => {
    const found: Record<string, string[]> = {};
    for (const persona of ['member', 'secretary', 'admin'] as const) {
      const context = await phoneContext(suite.browser);
      const page = await context.newPage();
      await signInFor(page, suite.host, persona);
      for (const p of pages.filter((x) => x.persona === persona)) {
        await openRoute(page, suite.host.url, p.route);
        const v = await seriousViolations(page);
        if (v.length) found[p.name] = v;
      }
      await context.close();
    }
    expect(found).toEqual({});
  });

  it('the page allows zoom', async () => {
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    await page.goto(suite.host.url);
    const viewport = await page.getAttribute('meta[name="viewport"]', 'content');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\D|$)/);
    await context.close();
  });

  it('开始学习, notice items and 我已知晓 are buttons or links a keyboard reaches and presses', async () => {
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    const member = await boundMember(suite.host, 'b_demo01', 'member');
    await signInAs(page, suite.host.url, member.name);
    await openRoute(page, suite.host.url, '/pages/index/index');

    const roleOf = (selector: string) => visible(page, selector).first().evaluate((el) => el.getAttribute('role') ?? el.tagName.toLowerCase());
    const start = visible(page, '.today-lesson-start');
    if (await start.count()) expect(['button', 'link']).toContain(await roleOf('.today-lesson-start'));

    // Tab through the home page until 开始学习 or the unread line has focus (it is in the tab order).
    await page.locator('.taro-tabbar__tabbar').getByText('通知', { exact: true }).click();
    await visible(page, '.notice-item').first().waitFor();
    expect(await roleOf('.notice-item')).toBe('link');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const el = document.activeElement;
        return !!el && el.classList.contains('notice-item') && (el as HTMLElement).offsetParent !== null;
      });
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await visible(page, '.notice-title').waitFor({ timeout: 15000 });
    const ack = visible(page, '.ack-button');
    if (await ack.count()) {
      expect(['button', 'link']).toContain(await roleOf('.ack-button'));
      expect(await visible(page, '.ack-button').first().evaluate((el) => (el as HTMLElement).tabIndex)).toBeGreaterThanOrEqual(0);
    }
    await context.close();
  });
});

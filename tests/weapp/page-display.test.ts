/** @jest-environment jsdom */
/**
 * 夜间模式 and 大字模式 in the BUILT mini program: every page's template starts with <page-meta>
 * (config/page-meta-plugin.ts) bound to what src/components/page-display renders, and a page loaded in
 * miniprogram-simulate carries the member's choice there (theme variables inline on the page node, the
 * root font size every rem-sized style follows); switching in 我的 re-renders it at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { byAction, byText, loadPage, ok, WEAPP_DIR, type PageHandle } from './harness';
import { memberMe } from './fixtures';

const appJson = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8')) as {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
};
const allPages = [
  ...appJson.pages,
  ...(appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`)),
];

/** page-meta attribute → the key under `pageMeta` in the page data, read from the page's template. */
function pageMetaKeys(route: string): Record<string, string> {
  const wxml = fs.readFileSync(path.join(WEAPP_DIR, `${route}.wxml`), 'utf8');
  const tag = /<page-meta\s([^>]*)>/.exec(wxml)?.[1] ?? '';
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="\{\{[^}]*?pageMeta\.(p\d+)/g)].map((m) => [m[1], m[2]]));
}

function pageMeta(p: PageHandle, route: string): { style: string; rootFontSize: string } {
  const keys = pageMetaKeys(route);
  const data = (p.page.data?.pageMeta ?? {}) as Record<string, string>;
  return { style: String(data[keys['page-style']] ?? ''), rootFontSize: String(data[keys['root-font-size']] ?? '') };
}

const me = memberMe();

test.each(allPages)('%s starts with a <page-meta> carrying the page style and root font size', (route) => {
  const wxml = fs.readFileSync(path.join(WEAPP_DIR, `${route}.wxml`), 'utf8');
  expect(wxml).toMatch(/<page-meta [^>]*page-style="\{\{pageMeta\.p\d+/);
  expect(wxml).toMatch(/<page-meta [^>]*root-font-size="\{\{pageMeta\.p\d+/);
  // and the page's source renders it (a page not wrapped would leave the bindings empty)
  const source = path.join('src', `${route}.tsx`);
  expect(fs.readFileSync(source, 'utf8')).toMatch(/export default withPageDisplay\(/);
});

describe('the member’s choice on a page', () => {
  test('夜间模式 and 大字模式 switched on in 我的 reach the page node; switching off restores day and normal size', async () => {
    const p = await loadPage('pages/me/index', {
      storage: { 'wzb.display': { dark: 'on', largeText: 'on', readerScale: 1 } },
      cloud: byAction({ 'org/me': () => ok(me) }),
    });
    const dark = pageMeta(p, 'pages/me/index');
    expect(dark.style).toContain('--c-bg:#111111');
    expect(dark.style).toContain('--c-text:#e8e8e8');
    expect(dark.style).toContain('color-scheme:dark');
    const large = parseFloat(dark.rootFontSize);
    expect(dark.rootFontSize).toMatch(/^\d+(\.\d+)?px$/);

    // the navigation-bar node inside page-meta keeps the page's own title (and takes the theme's bar colour)
    const wxml = fs.readFileSync(path.join(WEAPP_DIR, 'pages/me/index.wxml'), 'utf8');
    const titleKey = /<navigation-bar [^>]*title="\{\{navigationBar\.(p\d+)/.exec(wxml)?.[1] ?? 'missing';
    expect(p.page.data.navigationBar?.[titleKey]).toBe('我的');

    await p.tap(byText('关闭', '.display-dark-off'));
    await p.tap(byText('关闭', '.display-large-off'));
    const day = pageMeta(p, 'pages/me/index');
    expect(day.style).toContain('--c-bg:#f5f5f5');
    expect(day.style).toContain('color-scheme:light');
    const normal = parseFloat(day.rootFontSize);
    // care mode: about 1.45 × the normal text (≈ 24 px body text on a phone)
    expect(large / normal).toBeCloseTo(1.45, 1);
    expect(p.storage.get('wzb.display')).toMatchObject({ dark: 'off', largeText: 'off' });
    expect(p.errors).toEqual([]);
    p.unload();
  });

  test('following the system by default: WeChat in dark mode gives the dark set on a subpackage page too', async () => {
    const p = await loadPage('admin/chat-audit/index', {
      extendWx: (wx) => {
        const real = wx.getSystemInfoSync;
        wx.getSystemInfoSync = () => ({ ...(real ? real() : {}), theme: 'dark', fontSizeSetting: 17 });
      },
      cloud: byAction({ 'org/me': () => ok(me) }),
    });
    const meta = pageMeta(p, 'admin/chat-audit/index');
    expect(meta.style).toContain('--c-bg:#111111');
    expect(meta.rootFontSize).toMatch(/px$/);
    p.unload();
  });
});

import type { Compiler } from 'webpack';
import { loadAppScript } from './app-script-loader';
import { applyDisplayEarly } from './early-display';
import { ENTRY_SHELL_CLASS, entryShellHtml } from './entry-shell';

const NAME = 'WzbPageFiles';
/** Where the list sits in index.html: the same id as PAGE_FILES_ID in src/platform/prefetch-pages.ts. */
const PAGE_FILES_ID = 'wzb-page-files';
/** The home page, where a visitor without a session is sent to the demo picker instead (startEntryPage). */
const HOME = 'pages/index/index';
const SIGNED_OUT_START = 'pages/demo/index';
/** The session's storage key (src/platform/session.ts). */
const SESSION_KEY = 'wzb.session';
/** The display preferences' storage key (src/hooks/use-display.ts). */
const DISPLAY_KEY = 'wzb.display';
/** DESKTOP_MIN_WIDTH in src/utils/display-settings.ts (Taro loads this config without compiling src). */
const DESKTOP_MIN_WIDTH = 768;
/** When the entry shell is showing and the browser reports no paint, the app starts after this anyway. */
const APP_START_FALLBACK_MS = 2000;
/** The tag html-webpack-plugin writes for the app's own script (htmlPluginOption in config/index.ts). */
const APP_SCRIPT_TAG = /<script src="([^"]+)"><\/script>(?=<\/body>)/;

/**
 * Runs in index.html before the app's script arrives and decides the page the visitor starts on. A
 * visitor without a session who opens the app's address goes to the demo picker: the address is
 * rewritten before Taro's router reads it, instead of loading the home page and asking the host who
 * they are first. Links to other pages are kept. When the start is the demo picker, its static first
 * paint shows (config/entry-shell.ts). Then the browser fetches that page's scripts and styles
 * alongside the app's own script, instead of after it. On slow 4G that saves a round trip and a
 * download before the first page shows. ES5 and self-contained: it is written into the page as text.
 */
export function startEntryPage(filesId: string, home: string, signedOutStart: string, sessionKey: string, shellClass: string): void {
  try {
    const doc = document;
    let page = location.hash.replace(/^#\/?/, '').split('?')[0] || home;
    if (page === home && !localStorage.getItem(sessionKey)) {
      page = signedOutStart;
      history.replaceState(history.state, '', '#/' + signedOutStart);
    }
    if (page === signedOutStart) doc.documentElement.className += ' ' + shellClass;
    const files = JSON.parse((doc.getElementById(filesId) as HTMLElement).textContent as string) as Record<string, string[]>;
    (files[page] || []).forEach((file) => {
      const link = doc.createElement('link');
      link.rel = 'preload';
      link.as = /\.css$/.test(file) ? 'style' : 'script';
      link.href = file;
      doc.head.appendChild(link);
    });
  } catch (e) {
    // Without the list the page loads as before.
  }
}

/**
 * H5: writes into index.html the member's display before anything paints (config/early-display.ts),
 * the demo picker's static first paint (config/entry-shell.ts), and, for every page, the script and
 * style files its route loads (the page's chunk group), as
 * `<script type="application/json" id="wzb-page-files">`, with startEntryPage above, and starts the app's
 * own script after the shell has been painted (config/app-script-loader.ts). The app reads the
 * same list to download, while idle, the pages a member opens next (src/platform/prefetch-pages.ts)
 * without running them. A build whose index.html lacks a place for these fails instead of shipping
 * without them.
 */
export class PagePrefetchManifestPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // After html-webpack-plugin has written index.html (OPTIMIZE_INLINE), before anything reports.
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT - 1 }, () => {
        const html = compilation.getAsset('index.html');
        if (!html) return;
        const pages: Record<string, string[]> = {};
        for (const group of compilation.chunkGroups) {
          for (const origin of group.origins) {
            const page = /(?:^|[\\/])((?:pages|admin)\/[\w-]+(?:\/[\w-]+)*\/index)(?:\.\w+)?(?:\?|$)/.exec(origin.request ?? '')?.[1];
            if (!page) continue;
            const files = new Set(pages[page] ?? []);
            for (const chunk of group.chunks) for (const file of chunk.files) if (/\.(js|css)$/.test(file)) files.add(file);
            pages[page] = [...files].sort();
          }
        }
        // JSON inside a script element: "</" must not end the element early.
        const json = JSON.stringify(pages).replace(/</g, '\\u003c');
        const args = [PAGE_FILES_ID, HOME, SIGNED_OUT_START, SESSION_KEY, ENTRY_SHELL_CLASS].map((a) => JSON.stringify(a)).join(',');
        const tags = `<script type="application/json" id="${PAGE_FILES_ID}">${json}</script><script>(${startEntryPage.toString()})(${args})</script>`;
        const display = `<script>(${applyDisplayEarly.toString()})(${JSON.stringify(DISPLAY_KEY)},${DESKTOP_MIN_WIDTH})</script>`;
        let source = html.source.source().toString();
        const insert = (marker: string, text: string) => {
          if (source.includes(marker)) source = source.replace(marker, text);
          else compilation.errors.push(new compiler.webpack.WebpackError(`${NAME}: index.html has no ${marker}`));
        };
        const appScript = APP_SCRIPT_TAG.exec(source);
        if (!appScript) {
          compilation.errors.push(new compiler.webpack.WebpackError(`${NAME}: index.html has no app script tag before </body>`));
          return;
        }
        const appSrc = JSON.stringify(appScript[1]);
        source = source.replace(appScript[0], `<script>(${loadAppScript.toString()})(${appSrc},${JSON.stringify(ENTRY_SHELL_CLASS)},${APP_START_FALLBACK_MS})</script>`);
        const preload = `<link rel="preload" as="script" href=${appSrc}>`;
        insert('</head>', `${preload}${tags}</head>`);
        insert('<body>', `<body>${display}`);
        insert('<div id="app"></div>', `<div id="app"></div>${entryShellHtml()}`);
        compilation.updateAsset('index.html', new sources.RawSource(source));
      });
    });
  }
}

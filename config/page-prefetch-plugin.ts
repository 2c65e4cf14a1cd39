import type { Compiler } from 'webpack';

/** Where the list sits in index.html: the same id as PAGE_FILES_ID in src/platform/prefetch-pages.ts. */
const PAGE_FILES_ID = 'wzb-page-files';

const NAME = 'WzbPagePrefetchManifest';

/**
 * H5: writes into index.html, for every page, the script and style files its route loads (a page's
 * chunk group), as `<script type="application/json" id="wzb-page-files">`. The app can then ask the
 * browser to download a page's files while idle (`<link rel="prefetch">`) without running them: running
 * a page's code and applying its styles early costs the page on screen, on a slow phone, more than the
 * download does.
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
        const tag = `<script type="application/json" id="${PAGE_FILES_ID}">${json}</script>`;
        const source = html.source.source().toString().replace('</body>', `${tag}</body>`);
        compilation.updateAsset('index.html', new sources.RawSource(source));
      });
    });
  }
}

import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { PagePrefetchManifestPlugin } from './page-prefetch-plugin';

// One config for both builds; output goes to dist/<platform> so weapp and H5 never overwrite each other.
export default defineConfig<'webpack5'>(async (merge) => {
  const isProd = process.env.NODE_ENV === 'production';
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'weizhibu',
    date: '2026-11-22',
    // NutUI is designed at 375px; our own styles at 750. Taro copies this function's source text into the
    // app bundle for Taro.pxTransform (called with a number at run time), where compiler helpers such as
    // swc's _type_of (emitted for `typeof x === 'object'`) do not exist: keep it to plain property reads.
    designWidth: (input) => {
      const file = input && (input as { file?: string }).file ? String((input as { file?: string }).file) : '';
      return file.replace(/\\+/g, '/').indexOf('@nutui') >= 0 ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // WZB_OUTPUT_ROOT lets tests build into a scratch folder without touching dist/.
    outputRoot: process.env.WZB_OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV}`,
    // Every mini program page gets <page-meta> (the member's 夜间模式 / 大字模式, see src/components/page-display).
    plugins: [path.resolve(__dirname, 'page-meta-plugin.ts')],
    defineConstants: {
      // The H5 build talks to the local host that served it (same origin); override for a remote host.
      LOCAL_API_BASE: JSON.stringify(process.env.WZB_API_BASE ?? ''),
      CLOUD_ENV_ID: JSON.stringify(process.env.WZB_CLOUD_ENV ?? ''),
      // WeChat subscribe-message template for notice reminders; empty = never ask (H5, or not configured).
      NOTICE_REMINDER_TEMPLATE: JSON.stringify(process.env.WZB_TPL_NOTICE_REMINDER ?? ''),
    },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: {
        // rem (40 design px, as on H5) instead of rpx: <page-meta root-font-size> then sizes every page,
        // which is how 大字模式 works in the mini program (rpx cannot be scaled).
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'], targetUnit: 'rem', baseFontSize: 20 } },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
      // Pages import NutUI components in different orders; our overrides use compound selectors, so
      // the order of CSS chunks does not matter and the "Conflicting order" warnings are noise.
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // The app's script tag goes at the end of the body; PagePrefetchManifestPlugin turns it into a
      // preload in the head and a small loader in its place (config/app-script-loader.ts). The browser
      // paints what came before it first: the member's display (config/early-display.ts) and, for a new
      // visitor, the demo picker (config/entry-shell.ts), whose paint the loader waits for.
      htmlPluginOption: { scriptLoading: 'blocking', inject: 'body' },
      esnextModules: ['nutui-react'],
      useHtmlComponents: true,
      // WZB_SOURCE_MAP=1 writes source maps (to see what each chunk carries); production builds have none.
      enableSourceMap: process.env.WZB_SOURCE_MAP === '1',
      sourceMapType: 'source-map',
      // Content hashes in every asset name let the host cache them for a year (index.html is revalidated).
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'chunk/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      // Taro splits only initial chunks, so every lazily loaded page carried its own copy of NutUI and
      // our shared code. Splitting async chunks too puts shared modules into chunks that each page
      // fetches once and the browser keeps, so opening the next page downloads only that page's code.
      webpackChain(chain) {
        chain.plugin('page-prefetch-manifest').use(PagePrefetchManifestPlugin);
        // Taro's HTML components with a lighter View (see src/platform/html-view.tsx).
        chain.resolve.alias.set(require.resolve('@tarojs/components-react/dist/components/view/index.js'), path.resolve(__dirname, '../src/platform/html-view.tsx'));
        chain.optimization.splitChunks({
          chunks: 'all',
          hidePathInfo: true,
          minSize: 20_000,
          maxAsyncRequests: 12,
          maxInitialRequests: 6,
          cacheGroups: {
            default: false,
            defaultVendors: false,
            vendors: { test: /[\\/]node_modules[\\/]/, minChunks: 2, priority: 2, reuseExistingChunk: true },
            common: { minChunks: 2, priority: 1, reuseExistingChunk: true },
          },
        });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'] } },
        cssModules: { enable: false },
      },
    },
  };
  return merge({}, base, isProd ? {} : {});
});

import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// One config for both builds; output goes to dist/<platform> so weapp and H5 never overwrite each other.
export default defineConfig<'webpack5'>(async (merge) => {
  const isProd = process.env.NODE_ENV === 'production';
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'weizhibu',
    date: '2026-11-22',
    designWidth: (input) => {
      // NutUI is designed at 375px; our own styles at 750.
      const file = typeof input === 'object' ? String((input as { file?: string }).file ?? '') : '';
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // WZB_OUTPUT_ROOT lets tests build into a scratch folder without touching dist/.
    outputRoot: process.env.WZB_OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV}`,
    plugins: [],
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
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'] } },
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
      esnextModules: ['nutui-react'],
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'] } },
        cssModules: { enable: false },
      },
    },
  };
  return merge({}, base, isProd ? {} : {});
});

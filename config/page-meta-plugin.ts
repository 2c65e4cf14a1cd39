import type { IPluginContext } from '@tarojs/service';

/**
 * Turns on `enablePageMeta` for every mini program page, so each page template starts with a
 * <page-meta> bound to what src/components/page-display renders (theme colours and root font size).
 * Done here rather than in each index.config.ts so a page added later cannot forget it. The app's
 * config (it lists `pages`) and custom components (`component: true`) are left alone.
 */
export default (ctx: IPluginContext) => {
  ctx.modifyMiniConfigs(({ configMap }) => {
    for (const entry of Object.values(configMap)) {
      const content = entry.content as Record<string, unknown>;
      if (Array.isArray(content.pages) || content.component === true) continue;
      content.enablePageMeta = true;
    }
  });
};

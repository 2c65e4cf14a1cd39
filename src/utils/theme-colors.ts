/**
 * The colour variables of the two themes, for the mini program's <page-meta page-style>: WXSS cannot
 * switch a class on the `page` node, so the member's own choice (夜间模式 on or off, whatever WeChat says)
 * is written inline there. app.scss holds the same sets for H5 and for WeChat's own dark mode; a test
 * (tests/domain/theme-colors.test.ts) keeps the two identical.
 */
export const LIGHT_COLORS: Readonly<Record<string, string>> = {
  '--c-bg': '#f5f5f5',
  '--c-surface': '#ffffff',
  '--c-fill': '#f7f7f7',
  '--c-line': '#ededed',
  '--c-line-strong': '#d9d9d9',
  '--c-text': '#1a1a1a',
  '--c-text-2': '#595959',
  '--c-text-3': '#707070',
  '--c-primary': '#c8161d',
  '--c-primary-text': '#c8161d',
  '--c-on-primary': '#ffffff',
  '--c-primary-soft': '#fff1f0',
  '--c-primary-line': '#f3d6d7',
  '--c-warning': '#a15c00',
  '--c-warning-soft': '#fff7e6',
  '--c-warning-line': '#ffd591',
  '--c-warning-fill': '#a15c00',
  '--c-success': '#1a7f37',
  '--c-success-soft': '#eef8f0',
  '--c-success-fill': '#1a7f37',
  '--c-link': '#1d5fbf',
  '--c-bubble-mine': '#95ec69',
  '--c-on-bubble-mine': '#1a1a1a',
};

export const DARK_COLORS: Readonly<Record<string, string>> = {
  '--c-bg': '#111111',
  '--c-surface': '#1f1f1f',
  '--c-fill': '#282828',
  '--c-line': '#333333',
  '--c-line-strong': '#4a4a4a',
  '--c-text': '#e8e8e8',
  '--c-text-2': '#c0c0c0',
  '--c-text-3': '#a0a0a0',
  '--c-primary': '#c8161d',
  '--c-primary-text': '#ff8a80',
  '--c-on-primary': '#ffffff',
  '--c-primary-soft': '#3a1a1b',
  '--c-primary-line': '#5e2b2e',
  '--c-warning': '#f2b35b',
  '--c-warning-soft': '#30250f',
  '--c-warning-line': '#6b4c14',
  '--c-warning-fill': '#8f5200',
  '--c-success': '#6fd08c',
  '--c-success-soft': '#15301e',
  '--c-success-fill': '#1a7f37',
  '--c-link': '#7fb2ff',
  '--c-bubble-mine': '#2e6b3c',
  '--c-on-bubble-mine': '#f0f0f0',
  '--nutui-color-title': '#e8e8e8',
  '--nutui-color-text': '#c0c0c0',
  '--nutui-color-text-help': '#a0a0a0',
  '--nutui-color-text-disabled': '#777777',
  '--nutui-color-background': '#111111',
  '--nutui-color-background-overlay': '#1f1f1f',
  '--nutui-color-background-sunken': '#282828',
  '--nutui-color-border': '#333333',
  '--nutui-tabs-tabpane-background-color': '#1f1f1f',
  '--nutui-color-primary-light-pressed': '#3a1a1b',
  '--nutui-color-primary-disabled-special': '#6e2a2d',
  '--nutui-tag-background-color': '#5a5a5a',
};

/**
 * NutUI variables the light theme sets on `page` (app.scss); the other NutUI variables the dark set
 * overrides are reset to `initial`, so NutUI falls back to its own light defaults even while WeChat's
 * dark mode media query would apply the dark set.
 */
const LIGHT_NUTUI: Readonly<Record<string, string>> = {
  '--nutui-color-title': '#1a1a1a',
  '--nutui-color-text-help': '#707070',
  '--nutui-tag-background-color': '#595959',
};

/** Every variable of a theme, as inline declarations (`--c-bg:#111111;…`), plus the page's own colours. */
export function themeStyle(dark: boolean): string {
  const vars: Record<string, string> = dark
    ? { ...DARK_COLORS }
    : { ...LIGHT_COLORS, ...Object.fromEntries(Object.keys(DARK_COLORS).filter((k) => !(k in LIGHT_COLORS)).map((k) => [k, LIGHT_NUTUI[k] ?? 'initial'])) };
  const declarations = Object.entries(vars).map(([name, value]) => `${name}:${value}`);
  declarations.push(`color-scheme:${dark ? 'dark' : 'light'}`, `background:${vars['--c-bg']}`, `color:${vars['--c-text']}`);
  return declarations.join(';');
}

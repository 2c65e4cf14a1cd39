/**
 * The demo picker's title and header. index.html paints them before the app's script arrives
 * (config/entry-shell.ts) and the page renders them once it runs: one text for both.
 */
export const DEMO_NAV_TITLE = '选择演示身份';
export const DEMO_HEADER_TITLE = '演示模式 · 仅本地部署可用';
export const DEMO_HEADER_TEXT = '选择一个身份进入，体验不同角色看到的内容。正式部署中身份来自微信，不会出现此页面。';

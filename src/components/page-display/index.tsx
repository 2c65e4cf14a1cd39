import type { ComponentType } from 'react';

/**
 * Wraps a page so it follows the member's 夜间模式 / 大字模式. Every page's default export goes through
 * it (tests/weapp/page-display.test.ts checks each page in app.config). H5 needs nothing per page: the
 * theme is a class on <body> and the text size the root font size (src/platform/display.ts). The mini
 * program version is index.weapp.tsx.
 */
export function withPageDisplay<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  return Page;
}

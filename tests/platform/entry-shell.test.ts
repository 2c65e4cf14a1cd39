/**
 * @jest-environment jsdom
 *
 * The demo picker's static first paint (config/entry-shell.ts) says what the page will say, carries
 * the names the page removes it by, and is gone, with its class, once the page has rendered.
 */
import { ENTRY_SHELL_CLASS as BUILD_CLASS, ENTRY_SHELL_ID as BUILD_ID, SHELL_COPY, entryShellHtml } from '../../config/entry-shell';
import { DEMO_HEADER_TEXT, DEMO_HEADER_TITLE, DEMO_NAV_TITLE } from '../../src/pages/demo/header-copy';
import { ENTRY_SHELL_CLASS, ENTRY_SHELL_ID, removeEntryShell } from '../../src/platform/entry-shell';
import { readFileSync } from 'node:fs';
import path from 'node:path';

test('the build and the app agree on the names and the words', () => {
  expect([BUILD_ID, BUILD_CLASS]).toEqual([ENTRY_SHELL_ID, ENTRY_SHELL_CLASS]);
  expect(SHELL_COPY).toEqual({ navTitle: DEMO_NAV_TITLE, headerTitle: DEMO_HEADER_TITLE, headerText: DEMO_HEADER_TEXT });
  // The page's bar title comes from its config, which Taro reads on its own.
  const config = readFileSync(path.join(__dirname, '../../src/pages/demo/index.config.ts'), 'utf8');
  expect(config).toContain(`navigationBarTitleText: '${DEMO_NAV_TITLE}'`);
});

test('the shell shows the bar title, the header and a loading placeholder, hidden from screen readers', () => {
  document.body.innerHTML = entryShellHtml();
  const shell = document.getElementById(ENTRY_SHELL_ID) as HTMLElement;
  expect(shell.getAttribute('aria-hidden')).toBe('true');
  expect(shell.querySelector('.entry-shell__title')?.textContent).toBe(DEMO_NAV_TITLE);
  expect(shell.querySelector('.demo-header__title')?.textContent).toBe(DEMO_HEADER_TITLE);
  expect(shell.querySelector('.demo-header__text')?.textContent).toBe(DEMO_HEADER_TEXT);
  expect(shell.querySelector('.entry-shell__loading-text')?.textContent).toBe('加载中…');
  expect(shell.querySelectorAll('script')).toHaveLength(0);
});

test('the page removes the shell and its class two frames on, once its own frame is on screen; twice is harmless', () => {
  const frames: Array<() => void> = [];
  window.requestAnimationFrame = (cb: FrameRequestCallback) => frames.push(() => cb(0));
  const nextFrame = () => frames.splice(0).forEach((run) => run());
  document.body.innerHTML = `<div id="app"></div>${entryShellHtml()}`;
  document.documentElement.classList.add(ENTRY_SHELL_CLASS);

  removeEntryShell();
  nextFrame();
  // The page's first frame: the shell is still up, so the browser records what it showed.
  expect(document.getElementById(ENTRY_SHELL_ID)).not.toBeNull();
  nextFrame();
  expect(document.getElementById(ENTRY_SHELL_ID)).toBeNull();
  expect(document.documentElement.classList.contains(ENTRY_SHELL_CLASS)).toBe(false);
  expect(document.getElementById('app')).not.toBeNull();

  removeEntryShell();
  expect(frames).toHaveLength(0);
});

/**
 * The mini program writes the member's theme inline (<page-meta page-style>) from src/utils/theme-colors;
 * H5 and WeChat's own dark mode use app.scss. The two must never drift apart.
 */
import fs from 'node:fs';
import { DARK_COLORS, LIGHT_COLORS, themeStyle } from '../../src/utils/theme-colors';

const scss = fs.readFileSync('src/app.scss', 'utf8');

function mixin(name: string): Record<string, string> {
  const body = new RegExp(`@mixin ${name} \\{([^}]*)\\}`).exec(scss)?.[1] ?? '';
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

test('the light and dark sets equal app.scss’s mixins', () => {
  expect(LIGHT_COLORS).toEqual(mixin('light-colors'));
  expect(DARK_COLORS).toEqual(mixin('dark-colors'));
});

test('each theme sets every variable the other one does (no colour left over from WeChat’s own mode)', () => {
  const names = (style: string) => style.split(';').map((d) => d.split(':')[0]).sort();
  expect(names(themeStyle(true))).toEqual(names(themeStyle(false)));
  expect(themeStyle(false)).toContain('--nutui-color-text:initial');
  expect(themeStyle(true)).toContain('--c-bg:#111111');
});

/**
 * H5 accessibility repairs for markup we do not write ourselves (Taro's and NutUI's), applied as the
 * DOM changes, plus keyboard activation for elements that act as buttons:
 * - NutUI writes `aria-role` (not an ARIA attribute) on Switch and Radio: it becomes `role`, and the
 *   switch's `aria-checked` follows its open/closed class and it is named by its row's text;
 * - Taro renders Button as a div (class taro-button-core; <taro-button-core> where its web components
 *   are used), which neither has a role nor takes focus;
 * - the navigation bar's back and home icons are unlabelled divs;
 * - Taro's Image is a div around an <img>: a label given to the Image makes the div an image (role img),
 *   and an <img> with no alt gets one (empty when the div names it, else 图片), as axe requires.
 * Enter or Space on a focused custom element with a button-like role clicks it (our Views made
 * pressable in src/utils/pressable.ts and the above), as a native button would.
 * The mini program has its own accessibility tree (a11y.weapp.ts does nothing).
 */
const PRESSABLE_ROLES = new Set(['button', 'link', 'switch', 'radio', 'checkbox', 'tab']);
const NATIVE_CONTROLS = new Set(['A', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);

function repair(el: Element): void {
  const ariaRole = el.getAttribute('aria-role');
  if (ariaRole !== null) {
    if (!el.hasAttribute('role')) el.setAttribute('role', ariaRole);
    el.removeAttribute('aria-role');
  }
  if (el.hasAttribute('tab-index')) el.removeAttribute('tab-index');
  if (el.classList.contains('nut-switch')) {
    el.setAttribute('role', 'switch');
    el.setAttribute('aria-checked', String(el.classList.contains('nut-switch-open')));
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
    // Named by the text of the row it sits in (e.g. "显示已归档支部"), as a label would.
    if (!el.hasAttribute('aria-label') && !el.hasAttribute('aria-labelledby')) {
      const name = (el.parentElement?.textContent ?? '').replace(el.textContent ?? '', '').trim().slice(0, 40);
      if (name) el.setAttribute('aria-label', name);
    }
  }
  if (el.tagName === 'TARO-BUTTON-CORE' || el.classList.contains('taro-button-core')) {
    const disabled = el.hasAttribute('disabled') || /-disabled\b/.test(el.className);
    if (el.getAttribute('role') !== 'button') el.setAttribute('role', 'button');
    el.setAttribute('tabindex', disabled ? '-1' : '0');
    el.setAttribute('aria-disabled', String(disabled));
  }
  if (el.classList.contains('taro-img')) {
    const labelled = el.hasAttribute('aria-label');
    if (labelled && !el.hasAttribute('role')) el.setAttribute('role', 'img');
    const img = el.querySelector('img');
    if (img && !img.hasAttribute('alt')) img.setAttribute('alt', labelled ? '' : '图片');
  }
  if (el.classList.contains('taro-navigation-bar-back') || el.classList.contains('taro-navigation-bar-home')) {
    el.setAttribute('role', 'button');
    el.setAttribute('tabindex', '0');
    el.setAttribute('aria-label', el.classList.contains('taro-navigation-bar-back') ? '返回' : '首页');
  }
}

const SELECTOR = '[aria-role], [tab-index], .nut-switch, taro-button-core, .taro-button-core, .taro-img, .taro-navigation-bar-back, .taro-navigation-bar-home';

function repairTree(root: Element): void {
  if (root.matches(SELECTOR)) repair(root);
  root.querySelectorAll(SELECTOR).forEach(repair);
}

export function watchAccessibility(): void {
  if (typeof MutationObserver === 'undefined') return;
  const start = () => {
    repairTree(document.body);
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') {
          if ((record.target as Element).matches?.(SELECTOR)) repair(record.target as Element);
        } else {
          record.addedNodes.forEach((node) => {
            if (node.nodeType === 1) repairTree(node as Element);
          });
        }
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'aria-role', 'disabled'] });
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target as HTMLElement | null;
    // Native controls and text fields handle their own keys.
    if (!target || NATIVE_CONTROLS.has(target.tagName) || target.isContentEditable) return;
    if (!PRESSABLE_ROLES.has(target.getAttribute('role') ?? '') || target.getAttribute('aria-disabled') === 'true') return;
    event.preventDefault();
    target.click();
  });
}

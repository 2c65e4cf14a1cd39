/**
 * Loads pages of the BUILT weapp (Taro output) into WeChat's miniprogram-simulate, so a test drives
 * the real compiled page: the real WXML templates (base.wxml, compiled by WeChat's own `wcc` from
 * miniprogram-compiler), the real Taro runtime and React bundle, the real exparser component system.
 * Only the host is faked: `wx.cloud` (answered by the test), navigation, toasts/modals, storage and
 * selector queries.
 *
 *   /** @jest-environment jsdom *\/             <- first line of the test file: simulate needs a DOM
 *   const p = await loadPage('pages/bind/index', { cloud: byAction({ 'org/bind.roster': () => fail(...) }) });
 *   await p.tap(byText('花名册匹配'));            // predicate, or a selector: '.submit-roster'
 *   await p.input('.roster-name input', '张三');  // bare tags mean the built-in component (wx-input)
 *   expect(p.text('.form-error')).toBe('…'); expect(p.calls).toHaveLength(1); p.navigations; p.attrs('…')
 *
 * Build first:  WZB_OUTPUT_ROOT=.tmp/harness-weapp NODE_ENV=production npx taro build --type weapp
 * Then:         WZB_WEAPP_DIR=.tmp/harness-weapp npx jest -c jest.weapp.config.js
 *
 * How a load works, and why (each step was needed):
 * 1. jest.resetModules(), delete global wx, require miniprogram-simulate: it installs `wx` (its API
 *    mocks) and `Component`. Without a fresh registry Node's cache would skip the dist scripts on a
 *    second load, so Page()/Component() would never run again.
 * 2. Delete `wx.webpackJsonp` (Taro's chunks live on wx), then add the fakes to `wx`.
 * 3. Wrap `Component` to register with `classPrefix: ''`: simulate otherwise renders `main--me-name`.
 * 4. Define `Page(cfg)` as Component({ data, methods: every function of cfg }) (Taro keeps onLoad,
 *    onShow, … and its single event handler `eh` at the top level), and App/getApp/getCurrentPages.
 * 5. require runtime.js, taro.js, vendors.js, common.js (when present), app.js; call the app's
 *    onLaunch and onShow.
 * 6. simulate.load(<dist>/<route>, { rootPath: dist }): reads <route>.json, registers Taro's
 *    recursive `comp` from usingComponents, compiles every wxml under dist with wcc, runs the page js.
 *    render(), attach to a div, set route/__route__/options, call onLoad(query), onShow, onReady.
 * 7. Taps and input go through exparser's event system on the node behind the DOM element, so they
 *    bubble to Taro's `eh` exactly as on a phone. flush() waits for pending cloud calls and until the
 *    DOM, calls and navigations stay unchanged for three macrotasks.
 * wcc's runtime warning `Template tmpl_N_X not found` means element X is not rendered (on a phone
 * either); it is recorded in `missingTemplates` instead of being printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { squash } from './fixtures';

/** Folder of the built mini program (the one holding app.json). */
export const WEAPP_DIR = path.resolve(process.env.WZB_WEAPP_DIR ?? 'dist/weapp');

/** Answers a `wx.cloud.callFunction({ name, data })`: returns the function's result (the envelope).
 *  Throwing (or rejecting) makes callFunction fail, as a network error would. */
export type CloudHandler = (name: string, data: any) => unknown;

export interface CloudCall {
  /** Cloud function name, e.g. 'org'. */
  name: string;
  /** `data.action` as the transport sends it, e.g. 'me'. */
  action: string | undefined;
  /** `data.data`: the action's payload. */
  payload: unknown;
  /** The raw `data` passed to callFunction. */
  data: any;
}

export interface Navigation {
  method: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack';
  url?: string;
  delta?: number;
}

export interface LoadOptions {
  /** Page query, as `onLoad(query)` receives it. */
  query?: Record<string, string>;
  /** Answers every cloud function call. Unset: every call fails with a network error. */
  cloud?: CloudHandler;
  /** Initial wx storage (getStorageSync & co. are backed by an in-memory map). */
  storage?: Record<string, unknown>;
  /** Answer to wx.showModal; default: the user confirms. */
  modal?: (opts: any) => { confirm: boolean; cancel?: boolean; content?: string };
  /** Adds fakes to `wx` before the page loads (e.g. `wx.cloud.database` for the chat doorbell). */
  extendWx?: (wx: any) => void;
  /** Options passed to the app's onLaunch/onShow. */
  launchOptions?: Record<string, unknown>;
}

export type Selector = string | ((el: Element) => boolean);

export interface PageHandle {
  /** miniprogram-simulate (j-component) root component of the page. */
  root: any;
  /** The page instance (`this` inside the Taro page config): onLoad, onShow, eh, setData, data. */
  page: any;
  /** The DOM element the page is attached to. */
  container: HTMLElement;
  /** Every wx.cloud.callFunction call, in order. */
  calls: CloudCall[];
  /** Every wx navigation call, in order. */
  navigations: Navigation[];
  /** Every wx.showToast / wx.showModal call (their options). */
  toasts: any[];
  modals: any[];
  /** The in-memory wx storage. */
  storage: Map<string, unknown>;
  /** Taro element names that base.wxml has no template for (wcc's `Template tmpl_N_<name> not
   *  found`): those elements and everything inside them are NOT rendered, on a phone either. */
  missingTemplates: string[];
  /** Other console.warn / console.error output while the page was alive (React errors land here). */
  warnings: string[];
  errors: string[];
  /** All rendered text concatenated (or of the elements matching `selector`). */
  text(selector?: Selector): string;
  /** Matching rendered elements. String selectors are DOM selectors over the rendered tree, with the
   *  page's own class names (`.me-name`); built-in tags may be written bare (`.field input`) or as
   *  rendered (`wx-input`). A function is a predicate over the rendered elements (see `byText`). */
  all(selector: Selector): Element[];
  /** The Taro attributes of the first matching element, decoded from the page data with base.wxml's
   *  template (`{ tag: 'input', placeholder: '请输入姓名', value: '', class: '...' }`). The DOM does
   *  not carry them: miniprogram-simulate's built-in components are bare `<slot/>` shells. */
  attrs(selector: Selector): Record<string, unknown>;
  exists(selector: Selector): boolean;
  /** Taps the first matching element (the event bubbles like a real tap), then flushes. */
  tap(selector: Selector): Promise<void>;
  /** Types into an input/textarea: fires `input` (and `blur` unless told otherwise) with the value. */
  input(selector: Selector, value: string, opts?: { blur?: boolean }): Promise<void>;
  /** Waits until cloud calls, React/Taro updates and setData settle. */
  flush(): Promise<void>;
  /** Flushes until `predicate` holds, or throws after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** Calls onHide/onUnload and detaches the page. */
  unload(): void;
}

let current: PageHandle | null = null;

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A wx async API that answers both callback style (what Taro uses) and promise style. */
function asyncApi(name: string, impl: (opts: any) => any | Promise<any>) {
  return (opts: any = {}) => {
    const run = Promise.resolve()
      .then(() => impl(opts))
      .then((res) => ({ errMsg: `${name}:ok`, ...(res ?? {}) }));
    const settled = run.then(
      (res) => {
        opts.success?.(res);
        opts.complete?.(res);
        return res;
      },
      (err) => {
        const res = { errMsg: `${name}:fail ${err instanceof Error ? err.message : String(err)}` };
        opts.fail?.(res);
        opts.complete?.(res);
        throw res;
      },
    );
    if (opts.success || opts.fail || opts.complete) {
      settled.catch(() => undefined);
      return undefined;
    }
    return settled;
  };
}

/** `wx.createSelectorQuery()` stand-in: every node measures 0×0 at the origin (no layout in tests). */
function fakeSelectorQuery() {
  const results: unknown[] = [];
  const callbacks: Array<((r: unknown) => void) | undefined> = [];
  let multiple = false;
  const rect = { id: '', dataset: {}, left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 };
  const push = (value: unknown, cb?: (r: unknown) => void) => {
    results.push(multiple ? [] : value);
    callbacks.push(cb);
    return query;
  };
  const nodes = {
    boundingClientRect: (cb?: any) => push({ ...rect }, cb),
    scrollOffset: (cb?: any) => push({ id: '', dataset: {}, scrollLeft: 0, scrollTop: 0, scrollWidth: 0, scrollHeight: 0 }, cb),
    fields: (_f: unknown, cb?: any) => push({ ...rect }, cb),
    node: (cb?: any) => push({ node: null }, cb),
    context: (cb?: any) => push({ context: null }, cb),
  };
  const query: any = {
    in: () => query,
    select: () => ((multiple = false), nodes),
    selectAll: () => ((multiple = true), nodes),
    selectViewport: () => ((multiple = false), nodes),
    exec: (cb?: (r: unknown[]) => void) => {
      setTimeout(() => {
        results.forEach((r, i) => callbacks[i]?.(r));
        cb?.(results);
      }, 0);
      return query;
    },
  };
  return query;
}

/** Builds the `wx` global: miniprogram-simulate's API mocks plus the fakes a test observes. */
function installWx(wx: any, options: LoadOptions, rec: Pick<PageHandle, 'calls' | 'navigations' | 'toasts' | 'modals' | 'storage'>, pending: Set<Promise<unknown>>) {
  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    const done = () => pending.delete(p);
    p.then(done, done);
    return p;
  };

  wx.cloud = {
    init: () => undefined,
    callFunction: (opts: any = {}) => {
      const { name, data } = opts;
      rec.calls.push({ name, action: data?.action, payload: data?.data, data });
      const api = asyncApi('cloud.callFunction', async () => {
        if (!options.cloud) throw new Error(`no cloud handler for ${name}/${data?.action}`);
        const result = await options.cloud(name, JSON.parse(JSON.stringify(data ?? null)));
        return { result, requestID: `test-${rec.calls.length}` };
      });
      const out = api(opts);
      if (out) track(out.catch(() => undefined));
      return out;
    },
  };

  for (const method of ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch'] as const) {
    wx[method] = asyncApi(method, (o) => {
      rec.navigations.push({ method, url: o.url });
    });
  }
  wx.navigateBack = asyncApi('navigateBack', (o) => {
    rec.navigations.push({ method: 'navigateBack', delta: o.delta ?? 1 });
  });

  wx.showToast = asyncApi('showToast', (o) => void rec.toasts.push(o));
  wx.hideToast = asyncApi('hideToast', () => undefined);
  wx.showLoading = asyncApi('showLoading', () => undefined);
  wx.hideLoading = asyncApi('hideLoading', () => undefined);
  wx.showModal = asyncApi('showModal', (o) => {
    rec.modals.push(o);
    return options.modal ? options.modal(o) : { confirm: true, cancel: false };
  });

  const store = rec.storage;
  wx.getStorageSync = (k: string) => (store.has(k) ? store.get(k) : '');
  wx.setStorageSync = (k: string, v: unknown) => void store.set(k, v);
  wx.removeStorageSync = (k: string) => void store.delete(k);
  wx.clearStorageSync = () => store.clear();
  wx.getStorage = asyncApi('getStorage', (o) => {
    if (!store.has(o.key)) throw new Error('data not found');
    return { data: store.get(o.key) };
  });
  wx.setStorage = asyncApi('setStorage', (o) => void store.set(o.key, o.data));
  wx.removeStorage = asyncApi('removeStorage', (o) => void store.delete(o.key));

  wx.createSelectorQuery = fakeSelectorQuery;
  wx.requestSubscribeMessage = asyncApi('requestSubscribeMessage', (o) =>
    Object.fromEntries((o.tmplIds ?? []).map((id: string) => [id, 'accept'])),
  );
  options.extendWx?.(wx);
}

/** WeChat built-in components: miniprogram-simulate renders them as `<wx-NAME>`. */
const BUILTIN_TAGS = [
  'view', 'text', 'button', 'input', 'textarea', 'image', 'scroll-view', 'swiper', 'swiper-item', 'icon',
  'progress', 'rich-text', 'checkbox', 'checkbox-group', 'radio', 'radio-group', 'switch', 'slider',
  'picker', 'picker-view', 'picker-view-column', 'form', 'label', 'navigator', 'video', 'canvas',
  'cover-view', 'cover-image', 'movable-area', 'movable-view', 'editor', 'web-view', 'map',
];
const TAG_IN_SELECTOR = new RegExp(`(^|[\\s>+~,(])(${BUILTIN_TAGS.join('|')})(?=$|[\\s.#[:>+~,)])`, 'g');

/** `.field input` → `.field wx-input`, so one selector serves the H5 DOM and the simulated weapp. */
export function toWeappSelector(selector: string): string {
  return selector.replace(TAG_IN_SELECTOR, '$1wx-$2');
}

function toPredicate(selector: Selector): (el: Element) => boolean {
  if (typeof selector === 'function') return selector;
  const css = toWeappSelector(selector);
  return (el) => el.matches(css);
}

/** Predicate: elements (optionally matching `selector`) whose whole text is `text` (or matches the
 *  RegExp). `tap(byText('花名册匹配'))` taps the innermost such element; the tap bubbles up. */
export function byText(text: string | RegExp, selector?: string): (el: Element) => boolean {
  const css = selector ? toWeappSelector(selector) : null;
  const hit = (el: Element) => {
    const t = squash(el.textContent);
    return typeof text === 'string' ? t === text : text.test(t);
  };
  // Innermost: no child element carries the same text.
  return (el) => (!css || el.matches(css)) && hit(el) && (css !== null || !Array.from(el.children).some(hit));
}

interface TemplateInfo {
  tag: string;
  /** Taro's short data keys (p0, p25, …) → attribute names, read from base.wxml. */
  props: Record<string, string>;
}

/** Reads base.wxml: for each Taro node name (`nn`), the WXML tag and which data key holds which
 *  attribute (`value="{{i.p25}}"`). Taro shortens attribute keys per build, so this is derived. */
function readTemplates(dist: string): Map<string, TemplateInfo> {
  const wxml = fs.readFileSync(path.join(dist, 'base.wxml'), 'utf8');
  const out = new Map<string, TemplateInfo>();
  const re = /<template name="tmpl_0_([A-Za-z0-9]+)(?:_focus|_blur)?">\s*<([a-z][\w-]*)\s([^>]*)>/g;
  for (const m of wxml.matchAll(re)) {
    const [, nn, tag, attrText] = m;
    if (tag === 'template' || tag === 'block') continue;
    const info = out.get(nn) ?? { tag, props: {} };
    for (const a of attrText.matchAll(/([\w:-]+)="\{\{[^}]*?\bi\.(p\d+)\b/g)) info.props[a[2]] = a[1];
    out.set(nn, info);
  }
  return out;
}

function findBySid(node: any, sid: string): any {
  if (!node || typeof node !== 'object') return null;
  if (node.sid === sid) return node;
  for (const child of node.cn ?? []) {
    const hit = findBySid(child, sid);
    if (hit) return hit;
  }
  return null;
}

/** Console output is routed to the page being tested (wcc's template warnings are swallowed and
 *  recorded; everything else is recorded and still printed). */
let consoleHooked = false;
function hookConsole() {
  if (consoleHooked) return;
  consoleHooked = true;
  const { warn, error } = console;
  const route = (kind: 'warnings' | 'errors', original: (...a: unknown[]) => void) =>
    (...args: unknown[]) => {
      const text = args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(' ');
      const missing = /Template `tmpl_\d+_([^`]+)` not found/.exec(text);
      if (missing && current) {
        if (!current.missingTemplates.includes(missing[1])) current.missingTemplates.push(missing[1]);
        return;
      }
      current?.[kind].push(text);
      original.apply(console, args);
    };
  console.warn = route('warnings', warn);
  console.error = route('errors', error);
}

/**
 * Loads one page of the built weapp, runs the app's onLaunch and the page's onLoad/onShow/onReady, and
 * waits for the first render and the calls it makes to settle.
 */
export async function loadPage(pagePath: string, options: LoadOptions = {}): Promise<PageHandle> {
  const g = globalThis as any;
  if (typeof document === 'undefined') {
    throw new Error('tests/weapp/harness needs a DOM: add `/** @jest-environment jsdom */` to the test file');
  }
  const dist = WEAPP_DIR;
  const route = pagePath.replace(/^\//, '').replace(/\?.*$/, '').replace(/\.(js|wxml|json)$/, '');
  if (!fs.existsSync(path.join(dist, 'app.json'))) {
    throw new Error(`no built weapp at ${dist} (set WZB_WEAPP_DIR, or build: taro build --type weapp)`);
  }
  if (!fs.existsSync(path.join(dist, `${route}.json`))) {
    throw new Error(`page ${route} is not in the build at ${dist}`);
  }

  // The previous page belongs to the old module registry: unmount it before starting afresh.
  if (current) {
    try {
      current.unload();
    } catch {
      /* already gone */
    }
    current = null;
  }
  hookConsole();

  // A fresh module registry: Node's module cache would otherwise skip runtime.js/taro.js/app.js and
  // the page and comp scripts (so Page()/Component() would never be called again), and
  // miniprogram-simulate must start with an empty component registry and wxml cache.
  jest.resetModules();
  delete g.wx;
  const simulate = require('miniprogram-simulate'); // installs global wx (API mocks) and Component
  const exparser = require('miniprogram-exparser'); // the same instance j-component renders with
  const wx = g.wx;
  // webpack's chunk list lives on wx; a stale one would replay old chunks into the new runtime.
  delete wx.webpackJsonp;

  const rec = {
    calls: [] as CloudCall[],
    navigations: [] as Navigation[],
    toasts: [] as any[],
    modals: [] as any[],
    storage: new Map(Object.entries(options.storage ?? {})),
  };
  const pending = new Set<Promise<unknown>>();
  installWx(wx, options, rec, pending);

  // miniprogram-simulate prefixes every class with the component's tag (`main--me-name`), as the
  // devtools do for isolated styles; an empty prefix keeps the page's own class names in the DOM.
  const simulateComponent = g.Component;
  g.Component = (def: any) => simulateComponent({ ...def, options: { ...(def.options ?? {}), classPrefix: '' } });

  // Taro calls Page(config); miniprogram-simulate only knows Component. A page config keeps its
  // lifecycles and `eh` (Taro's one event handler) at the top level: they become methods.
  g.Page = (cfg: any) => {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(cfg)) if (typeof value === 'function') methods[key] = value;
    g.Component({ data: cfg.data ?? {}, methods });
  };
  let app: any = null;
  let page: any = null;
  g.App = (cfg: any) => {
    app = cfg;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => (page ? [page] : []);

  const missingTemplates: string[] = [];
  const warnings: string[] = [];
  const errors: string[] = [];
  // Route console output to this page from now on (app start-up included).
  current = { missingTemplates, warnings, errors } as unknown as PageHandle;

  // What the WeChat client does at launch: the shared chunks, then app.js (which calls App()).
  // app.js require()s them itself too; loading them first in this order mirrors the client.
  for (const file of ['runtime.js', 'taro.js', 'vendors.js', 'common.js', 'app.js']) {
    const full = path.join(dist, file);
    if (fs.existsSync(full)) require(full);
  }
  if (!app) throw new Error(`${dist}/app.js did not call App()`);
  const launch = { path: route, query: options.query ?? {}, scene: 1001, ...(options.launchOptions ?? {}) };
  app.onLaunch?.call(app, launch);
  app.onShow?.call(app, launch);

  // load() reads <page>.json, registers its usingComponents (Taro's recursive `comp`), compiles
  // every wxml under rootPath with wcc into one $gwx, then runs <page>.js, whose Page() lands above.
  // Subpackage pages require their sub-vendors/sub-common chunks themselves (relative requires).
  const id = simulate.load(path.join(dist, route), { rootPath: dist });
  const root = simulate.render(id);
  const container = document.createElement('div');
  container.setAttribute('data-page', route);
  document.body.appendChild(container);
  root.attach(container);

  page = root.instance;
  page.route = route;
  page.__route__ = route;
  page.options = options.query ?? {};

  const flush = async () => {
    let last = '';
    let stable = 0;
    for (let i = 0; i < 200 && stable < 3; i++) {
      if (pending.size) await Promise.all([...pending]).catch(() => undefined);
      await tick();
      const snapshot = `${container.innerHTML}|${rec.calls.length}|${rec.navigations.length}|${pending.size}`;
      stable = snapshot === last && pending.size === 0 ? stable + 1 : 0;
      last = snapshot;
    }
  };

  const all = (selector: Selector) => Array.from(container.querySelectorAll('*')).filter(toPredicate(selector));
  const first = (selector: Selector) => {
    const el = all(selector)[0];
    if (!el) throw new Error(`no element matches ${String(selector)} on ${route}; text: ${squash(container.textContent)}`);
    return el;
  };
  const fire = (el: Element, type: string, detail: Record<string, unknown>) => {
    const node = (el as any).__wxElement;
    if (!node) throw new Error(`<${el.tagName.toLowerCase()}> is not a rendered exparser node`);
    exparser.Event.dispatchEvent(node, exparser.Event.create(type, detail, { bubbles: true, composed: true, capturePhase: true }));
  };
  let templates: Map<string, TemplateInfo> | null = null;

  let unloaded = false;
  const handle: PageHandle = {
    root,
    page,
    container,
    ...rec,
    missingTemplates,
    warnings,
    errors,
    text: (selector) => (selector ? all(selector).map((el) => el.textContent ?? '').join('') : container.textContent ?? ''),
    all,
    exists: (selector) => all(selector).length > 0,
    attrs(selector) {
      const el = first(selector);
      const sid = el.getAttribute('data-sid');
      const node = sid ? findBySid(page.data?.root, sid) : null;
      if (!node) return {};
      templates ??= readTemplates(dist);
      const info = templates.get(String(node.nn));
      const out: Record<string, unknown> = { tag: info?.tag ?? node.nn };
      for (const [key, value] of Object.entries(node)) {
        if (key === 'cl') out.class = value;
        else if (key === 'st') out.style = value;
        else if (key === 'uid') out.id = value;
        else if (/^p\d+$/.test(key)) out[info?.props[key] ?? key] = value;
      }
      return out;
    },
    async tap(selector) {
      fire(first(selector), 'tap', { x: 0, y: 0 });
      await flush();
    },
    async input(selector, value, opts = {}) {
      const el = first(selector);
      fire(el, 'focus', { value: '', height: 0 });
      fire(el, 'input', { value, cursor: value.length, keyCode: 0 });
      await flush();
      if (opts.blur !== false) {
        fire(el, 'blur', { value });
        await flush();
      }
    },
    flush,
    async waitFor(predicate, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        await flush();
        if (predicate()) return;
        if (Date.now() > until) throw new Error(`waitFor timed out on ${route}; text: ${squash(container.textContent)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    unload() {
      if (unloaded) return;
      unloaded = true;
      page.onHide?.();
      page.onUnload?.();
      root.detach();
      container.remove();
    },
  };
  current = handle;

  page.onLoad(options.query ?? {});
  page.onShow();
  page.onReady?.();
  await flush();
  return handle;
}

/** Builds a cloud handler from `{ 'org/me': (payload) => envelope }`; an unlisted action fails the
 *  call with UNKNOWN_ACTION (and is still recorded in `calls`). */
export function byAction(routes: Record<string, (payload: any) => unknown>): CloudHandler {
  return (name, data) => {
    const key = `${name}/${data?.action}`;
    const route = routes[key];
    if (!route) return { ok: false, code: 'UNKNOWN_ACTION', message: `test has no answer for ${key}` };
    return route(data?.data);
  };
}

export const ok = <T>(data: T) => ({ ok: true as const, data });
export const fail = (code: string, message: string) => ({ ok: false as const, code, message });

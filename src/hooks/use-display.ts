import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { displayAdapter } from '../platform/display';
import { DEFAULT_PREFS, parsePrefs, resolveDisplay, type DisplayPrefs, type EffectiveDisplay } from '../utils/display-settings';

/**
 * One display state for the whole app: the member's stored choice (大字模式, 夜间模式, reader text size)
 * resolved against the system's settings, applied by the platform adapter, shared by every page.
 */
const KEY = 'wzb.display';

let prefs: DisplayPrefs = DEFAULT_PREFS;
let effective: EffectiveDisplay = { dark: false, largeText: false };
const listeners = new Set<() => void>();

function refresh(): void {
  effective = resolveDisplay(prefs, displayAdapter.readSystem());
  displayAdapter.apply(effective);
  listeners.forEach((listener) => listener());
}

let started = false;

/** Called once at start-up, before the first page renders, so no page flashes in the wrong theme. */
export function initDisplay(): void {
  if (started) return;
  started = true;
  try {
    prefs = parsePrefs(Taro.getStorageSync(KEY));
  } catch {
    prefs = DEFAULT_PREFS;
  }
  refresh();
  displayAdapter.onSystemChange(refresh);
}

export function updateDisplayPrefs(change: Partial<DisplayPrefs>): void {
  prefs = parsePrefs({ ...prefs, ...change });
  try {
    Taro.setStorageSync(KEY, prefs);
  } catch {
    // storage full or unavailable: the choice still applies for this session
  }
  refresh();
}

export function useDisplay(): { prefs: DisplayPrefs; display: EffectiveDisplay; update: (change: Partial<DisplayPrefs>) => void } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return { prefs, display: effective, update: updateDisplayPrefs };
}

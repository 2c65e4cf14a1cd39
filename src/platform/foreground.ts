/**
 * H5: whether the app is in front (the tab is visible). Browsers also throttle hidden tabs' timers,
 * but a reading clock must not rely on that.
 */
export const appInForeground = (): boolean => typeof document === 'undefined' || document.visibilityState !== 'hidden';

/** Calls back when the tab is hidden or shown again; returns the unsubscribe. */
export function onForegroundChange(callback: (foreground: boolean) => void): () => void {
  if (typeof document === 'undefined') return () => undefined;
  const listener = () => callback(appInForeground());
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

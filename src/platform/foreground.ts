/**
 * H5: whether the app is in front (the tab is visible). Browsers also throttle hidden tabs' timers,
 * but a reading clock must not rely on that.
 */
export const appInForeground = (): boolean => typeof document === 'undefined' || document.visibilityState !== 'hidden';

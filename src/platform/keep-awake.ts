type WakeLock = { release: () => Promise<void> };
type WakeNavigator = Navigator & { wakeLock?: { request: (type: 'screen') => Promise<WakeLock> } };

/**
 * H5: keeps a PC or phone screen on while the check-in code is shown (Screen Wake Lock API, where the
 * browser has it). Best effort: without it the screen's own timeout applies. Returns the release.
 */
export function keepAwake(): () => void {
  let lock: WakeLock | null = null;
  let released = false;
  (navigator as WakeNavigator).wakeLock
    ?.request('screen')
    .then((l) => {
      if (released) void l.release().catch(() => undefined);
      else lock = l;
    })
    .catch(() => undefined);
  return () => {
    released = true;
    void lock?.release().catch(() => undefined);
  };
}

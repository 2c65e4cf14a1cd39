/**
 * H5: index.html paints the demo picker's bar, header and loading placeholder before the app's script
 * has arrived (config/entry-shell.ts), when the address opens that page. The page removes this static
 * first paint as it renders itself in the same place. The mini program has no such shell
 * (entry-shell.weapp.ts).
 */
export const ENTRY_SHELL_ID = 'wzb-entry-shell';
/** On <html> while the shell is shown; index.html's inline script sets it (config/page-prefetch-plugin.ts). */
export const ENTRY_SHELL_CLASS = 'wzb-entry-shell';

/**
 * Called by the page as it renders underneath. The shell stays two frames longer, until the page's own
 * first frame is on screen: taken away at once, it could vanish before the browser had presented its
 * paint, and the browser then forgets it was ever shown (no largest-contentful-paint entry for it), as
 * if the visitor had watched a blank screen until the app ran.
 */
export function removeEntryShell(): void {
  const shell = document.getElementById(ENTRY_SHELL_ID);
  if (!shell) return;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      shell.remove();
      document.documentElement.classList.remove(ENTRY_SHELL_CLASS);
    }),
  );
}

/**
 * H5: index.html paints the demo picker's bar, header and loading placeholder before the app's script
 * has arrived (config/entry-shell.ts), when the address opens that page. The page removes this static
 * first paint as it renders itself in the same place. The mini program has no such shell
 * (entry-shell.weapp.ts).
 */
export const ENTRY_SHELL_ID = 'wzb-entry-shell';
/** On <html> while the shell is shown; index.html's inline script sets it (config/page-prefetch-plugin.ts). */
export const ENTRY_SHELL_CLASS = 'wzb-entry-shell';

export function removeEntryShell(): void {
  document.getElementById(ENTRY_SHELL_ID)?.remove();
  document.documentElement.classList.remove(ENTRY_SHELL_CLASS);
}

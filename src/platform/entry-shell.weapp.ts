/** The mini program shows its pages itself: there is no static first paint to remove (see entry-shell.ts). */
export function removeEntryShell(): void {}

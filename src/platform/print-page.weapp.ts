/** The mini program cannot print; the ledger is exported as xlsx instead. */
export const canPrint = false;

export function printPage(): void {}

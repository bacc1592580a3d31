/** Whether the registry knows a terminal (which merchant it belongs to is the ledger's to look up, once). */
export interface TerminalDirectory {
  isProvisioned(terminalId: string): Promise<boolean>;
}

/** The secret a terminal signs its batches with, kept only in the credentials store. */
export interface TerminalSecrets {
  terminalSecret(terminalId: string): string | undefined;
}

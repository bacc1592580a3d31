export class UnknownTerminalError extends Error {
  readonly code = 'LEDGER.UNKNOWN_TERMINAL';

  constructor(readonly terminalId: string) {
    super(`terminal ${terminalId} is not provisioned`);
  }
}

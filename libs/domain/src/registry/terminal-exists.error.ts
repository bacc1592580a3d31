import { DomainError } from '../values/domain-error';

export class TerminalExistsError extends DomainError {
  readonly code = 'REGISTRY.TERMINAL_EXISTS';

  constructor(readonly terminalId: string) {
    super(`terminal ${terminalId} is already provisioned`);
  }
}

import { DomainError } from '../values/domain-error';

/** A terminal event routed to another terminal's stream: a bug upstream (ingest checks the sender), never data. */
export class WrongTerminalError extends DomainError {
  readonly code = 'LEDGER.WRONG_TERMINAL';

  constructor(streamTerminalId: string, eventTerminalId: string) {
    super(`event of terminal ${eventTerminalId} sent to the stream of terminal ${streamTerminalId}`);
  }
}

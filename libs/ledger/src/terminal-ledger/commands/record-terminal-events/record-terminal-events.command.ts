import { Command } from '@nestjs/cqrs';
import type { TerminalEventEnvelope } from '@posledger/domain';

export interface RecordTerminalEventsResult {
  /** Ledger events appended (0 when every event was a redelivery). */
  readonly appended: number;
}

/** Terminal events of one terminal, in transport order, to run through the terminal ledger decider. */
export class RecordTerminalEventsCommand extends Command<RecordTerminalEventsResult> {
  constructor(
    readonly terminalId: string,
    readonly envelopes: readonly TerminalEventEnvelope[],
  ) {
    super();
  }
}

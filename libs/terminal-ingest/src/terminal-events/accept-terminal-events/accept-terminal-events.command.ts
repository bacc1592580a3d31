import { Command } from '@nestjs/cqrs';

/** A batch as it came over HTTP: the headers that identify and sign it, and its raw body. */
export interface SignedBatch {
  readonly terminalId: string | undefined;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly rawBody: string;
}

export interface AcceptedBatch {
  readonly accepted: number;
  readonly duplicates: number;
}

/** Authenticate, validate, dedupe and durably hand a terminal's batch to the transport, as of `nowMs`. */
export class AcceptTerminalEventsCommand extends Command<AcceptedBatch> {
  constructor(
    readonly batch: SignedBatch,
    readonly nowMs: number,
  ) {
    super();
  }
}

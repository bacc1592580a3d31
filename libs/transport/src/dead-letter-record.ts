import type { TransportMessage } from './transport.port';

/** A message that was dead-lettered, with the reason and where it sat in the main log. */
export interface DeadLetterRecord {
  readonly reason: string;
  readonly originalPartition: number;
  readonly originalOffset: bigint;
  readonly message: TransportMessage;
}

/** Reads back the dead-letter destination (operators, the contract suite); not part of the hot path. */
export interface DeadLetterReader {
  readDeadLetters(): Promise<readonly DeadLetterRecord[]>;
}

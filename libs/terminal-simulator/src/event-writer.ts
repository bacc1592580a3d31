import { TerminalEventPayloads, TerminalEventType } from './terminal-event';

/** How long before an event it happens, by what the terminal waits on. */
export type StepDelay =
  | 'next-flow' // the next customer at the counter
  | 'customer' // a person reading, typing, tapping
  | 'host' // the acquiring host answering
  | 'host-timeout' // the host never answering
  | 'closing'; // end-of-day work, kept inside the batch's day

/** Appends one event to the terminal's stream: the writer owns sequence, ids and clock. */
export interface EventWriter {
  write<K extends TerminalEventType>(
    type: K,
    payload: TerminalEventPayloads[K],
    delay: StepDelay,
    transactionId?: string,
  ): void;
}

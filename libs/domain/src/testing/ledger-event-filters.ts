import { LedgerEvent } from '../ledger/ledger-events';
import { RejectionCode } from '../ledger/rejection-code';

/** The codes of the refusals among a replay's events, in order. */
export const rejectionCodes = (events: readonly LedgerEvent[]): RejectionCode[] =>
  events.flatMap((e) => (e.type === 'TerminalEventRejected' ? [e.data.code] : []));

export type LedgerDataOf<T extends LedgerEvent['type']> = Extract<LedgerEvent, { type: T }>['data'];

/** The data of the events of one type, in order. */
export const ledgerDataOf = <T extends LedgerEvent['type']>(events: readonly LedgerEvent[], type: T): LedgerDataOf<T>[] =>
  events.flatMap((e) => (e.type === type ? [e.data as LedgerDataOf<T>] : []));

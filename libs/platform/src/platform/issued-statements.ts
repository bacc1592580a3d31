import { evolveStatements, forgetStatementsBefore, initialStatementsState, statementStream, type StatementIssued, type StatementsState } from '@posledger/domain';
import { streamFolds, type AggregatedStream, type EventStore } from '@posledger/event-store';
import { DEFAULT_FOLDED_MERCHANTS } from '@posledger/platform-config';

/**
 * The merchant's statements stream folded, read on from where it was last read, so that each event (PDF and all) is
 * read once; given `keepFrom`, its days before that are then forgotten but for their latest carry (none of them is
 * issued here again).
 */
export type IssuedStatements = (merchantId: string, keepFrom?: string) => Promise<AggregatedStream<StatementsState>>;

/** Each merchant's issued statements as far as issuing another needs them (no CSV, no PDF), kept between reads for `merchantsKept` merchants. */
export function issuedStatements(store: EventStore, merchantsKept = DEFAULT_FOLDED_MERCHANTS): IssuedStatements {
  const folds = streamFolds<StatementsState, StatementIssued>(store, { evolve: evolveStatements, initialState: initialStatementsState }, merchantsKept);
  return (merchantId, keepFrom) => folds(statementStream(merchantId), keepFrom === undefined ? undefined : (state) => forgetStatementsBefore(state, keepFrom));
}

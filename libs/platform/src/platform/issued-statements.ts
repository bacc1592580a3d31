import { evolveStatements, forgetStatementsBefore, initialStatementsState, statementStream, type StatementIssued, type StatementsState } from '@posledger/domain';
import { aggregateStream, type AggregatedStream, type EventStore } from '@posledger/event-store';

/**
 * The merchant's statements stream folded, read on from where it was last read, so that each event (PDF and all) is
 * read once; given `keepFrom`, its days before that are then forgotten but for their latest carry (none of them is
 * issued here again).
 */
export type IssuedStatements = (merchantId: string, keepFrom?: string) => Promise<AggregatedStream<StatementsState>>;

/** Each merchant's issued statements as far as issuing another needs them (no CSV, no PDF), kept between reads. */
export function issuedStatements(store: EventStore): IssuedStatements {
  const folds = new Map<string, AggregatedStream<StatementsState>>();
  return async (merchantId, keepFrom) => {
    const folded = await aggregateStream<StatementsState, StatementIssued>(store, statementStream(merchantId), { evolve: evolveStatements, initialState: initialStatementsState }, folds.get(merchantId));
    const kept = keepFrom === undefined ? folded : { ...folded, state: forgetStatementsBefore(folded.state, keepFrom) };
    folds.set(merchantId, kept);
    return kept;
  };
}

import { TerminalEvent } from '../../terminal-events/terminal-event';
import { LedgerContext } from '../ledger-context';
import { Cause, LedgerEvent } from '../ledger-events';
import { RejectionCode } from '../rejection-code';
import { TerminalLedgerState } from '../terminal-ledger.state';

/** The outcome of one terminal event: the ledger events it causes, or the reason it is refused. */
export type Verdict = { accepted: LedgerEvent[] } | { rejected: RejectionCode; reason: string };

export const accept = (...events: LedgerEvent[]): Verdict => ({ accepted: events });
export const reject = (code: RejectionCode, reason: string): Verdict => ({ rejected: code, reason });

/** What a rule may look at besides the event and the state: the merchant's context and the event's cause. */
export type RuleContext = LedgerContext & { cause: Cause };

export type Rule<E extends TerminalEvent> = (event: E, state: TerminalLedgerState, context: RuleContext) => Verdict;

import { Cause } from './ledger-events';

/**
 * A ledger event's data: its cause's fields first, then the others in order. Built with `Object.assign` onto a
 * literal, not as `{ ...cause, transactionId, ... }`: on Node 20's V8 a literal that adds properties after a spread
 * takes a slow path (about 3 µs for a ledger event's data here against 0.1-0.5, in `bench/RESULTS.md`), and every
 * ledger event is built so. For the same reason, the other objects built per event on the ledger's path put a spread
 * last or use `Object.assign`.
 */
export function withCause<A extends object>(cause: Cause, data: A): Cause & A;
export function withCause<A extends object, B extends object>(cause: Cause, first: A, second: B): Cause & A & B;
export function withCause(cause: Cause, ...parts: object[]): Cause {
  return Object.assign({ terminalEventId: cause.terminalEventId, terminalId: cause.terminalId, merchantId: cause.merchantId }, ...parts);
}

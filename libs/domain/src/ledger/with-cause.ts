import { Cause } from './ledger-events';

/**
 * A ledger event's data: its cause's fields first, then the others in order. Built with `Object.assign` onto a
 * literal, not as `{ ...cause, transactionId, ... }`: on Node 20's V8 a literal that adds properties after a spread
 * takes a slow path (2-3 µs an object here against 0.1-0.4, in `bench/RESULTS.md`), and every ledger event is built
 * so. For the same reason, spreads elsewhere on the ledger's path come after a literal's own properties, not before.
 */
export function withCause<A extends object>(cause: Cause, data: A): Cause & A;
export function withCause<A extends object, B extends object>(cause: Cause, first: A, second: B): Cause & A & B;
export function withCause(cause: Cause, ...parts: object[]): Cause {
  return Object.assign({ terminalEventId: cause.terminalEventId, terminalId: cause.terminalId, merchantId: cause.merchantId }, ...parts);
}

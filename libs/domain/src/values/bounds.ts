/**
 * What every value a terminal sends may hold (invariant 8). Each bound fits every place the value goes: the
 * read store's columns (Int64 amounts summed as Int128, UInt32 counts and numbers), GraphQL's 32-bit `Int`,
 * and a JavaScript safe integer; nothing is ever wrapped or truncated.
 */

/** One amount (a sale, a refund): at most 12 digits of minor units, 999,999,999,999 (about 10^10 of a currency with cents). */
export const MAX_AMOUNT_MINOR = 999_999_999_999n;

/**
 * A settlement total line: 12 digits too. More would be a batch of over 10^10 of a currency on one terminal, and
 * a number of 13 or more digits may hold a card number (invariant 2), which ingest refuses anywhere.
 */
export const MAX_TOTAL_MINOR = 999_999_999_999n;

/** Sequences, batch numbers and counts: GraphQL `Int` and a UInt32 column hold them. */
export const MAX_SEQUENCE = 2_147_483_647;
export const MAX_BATCH_NUMBER = 2_147_483_647;
export const MAX_COUNT = 2_147_483_647;

/**
 * How far a terminal's `occurredAt` may lie from the instant the platform receives the event: up to 35 days
 * before (a terminal that was offline uploads its sales late) and up to 15 minutes after (a terminal clock
 * running fast). Outside that window an event is refused: it would file sales into months the merchant closed.
 */
export const OCCURRED_AT_MAX_AGE_MS = 35 * 24 * 60 * 60 * 1000;
export const OCCURRED_AT_MAX_AHEAD_MS = 15 * 60 * 1000;

/** Why `occurredAt` is outside the window around `receivedAt`, or null when it is inside. */
export function occurredAtWindowError(occurredAt: string, receivedAt: string): string | null {
  const occurred = Date.parse(occurredAt);
  const received = Date.parse(receivedAt);
  if (Number.isNaN(occurred) || Number.isNaN(received)) return 'is not an instant';
  if (occurred < received - OCCURRED_AT_MAX_AGE_MS) return 'is more than 35 days before the platform received it';
  if (occurred > received + OCCURRED_AT_MAX_AHEAD_MS) return 'is more than 15 minutes after the platform received it';
  return null;
}

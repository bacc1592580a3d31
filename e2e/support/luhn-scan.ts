import { isLuhnValid, withAsciiDigits } from '@posledger/domain';

// A store or a log is full of UUIDs, instants and positions, so this scan does not join digits across every
// separator as ingest does (it would find "card numbers" in the ids); it reads the forms a card number is written in.
const DIGIT_RUN = /(?<!\d)\d{13,24}(?!\d)/g;
// Ids and digests, which ingest never reads as card numbers either: UUIDs, and hex of 32 characters or more (hash chains).
const IDS_AND_DIGESTS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,}/gi;
const PRINTED_GROUPS = /(?<!\d)\d{4}([ -])\d{4,6}\1\d{4,5}(?:\1\d{1,4})?(?!\d)/g;

/** A Luhn-valid window of 13 to 19 digits: the whole run, or one inside it not starting with 0. */
function panInside(digits: string): string | undefined {
  for (let length = Math.min(19, digits.length); length >= 13; length--) {
    for (let start = 0; start + length <= digits.length; start++) {
      const window = digits.slice(start, start + length);
      if ((start === 0 || window[0] !== '0') && isLuhnValid(window)) return window;
    }
  }
  return undefined;
}

/**
 * Full card numbers in a text (invariant 2), in every form ingest refuses: digits of any script, a number inside a
 * run of up to 24 digits, and numbers printed in groups separated by spaces or dashes.
 */
export function luhnValidRuns(text: string): string[] {
  const normalized = withAsciiDigits(text).replace(IDS_AND_DIGESTS, ' ');
  const found: string[] = [];
  for (const [run] of normalized.matchAll(DIGIT_RUN)) {
    const pan = panInside(run);
    if (pan) found.push(pan);
  }
  for (const [printed, separator] of normalized.matchAll(PRINTED_GROUPS)) {
    const digits = printed.split(separator).join('');
    if (digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits)) found.push(digits);
  }
  return found;
}

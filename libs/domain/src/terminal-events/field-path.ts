import { boundedMemo } from '../values/bounded-memo';
import { findFullPans } from '../values/pan';

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/;

/** How an error names a key it cannot repeat: over 64 characters, not a plain name, or holding a card number. */
const UNSHOWN_KEY = '(field name not shown)';

// Keys come from the terminal: an error message (answered and logged) repeats only plain, short, card-free names.
const shownKey = boundedMemo((key) => (PLAIN_KEY.test(key) && findFullPans(key).length === 0 ? key : UNSHOWN_KEY), 4_096);

/** The field `part` of `parent`: `payload` + `totals` -> `payload.totals`, `payload.totals` + 0 -> `payload.totals[0]`. */
export function childField(parent: string, part: string | number): string {
  if (typeof part === 'number') return `${parent}[${part}]`;
  const key = shownKey(part);
  return parent === '' ? key : `${parent}.${key}`;
}

/** `['payload', 'totals', 0, 'amountMinor']` -> `payload.totals[0].amountMinor`. */
export function fieldPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(childField, '');
}

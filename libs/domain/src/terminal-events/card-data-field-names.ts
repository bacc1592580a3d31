import { boundedMemo } from '../values/bounded-memo';

/** Field names that announce sensitive card data (track data, CVV/CVC, PIN block, a raw card number). */
const SENSITIVE_FIELD = /track|cvv|cvc|pin[_-]?block|card[_-]?number|^pan$|full[_-]?pan|^primaryAccountNumber$/i;

/** Read after NFKC folding, so that a full-width `ｃｖｖ` is the `cvv` it looks like (ASCII needs no folding). */
export const isCardDataFieldName: (name: string) => boolean = boundedMemo(
  (name) => SENSITIVE_FIELD.test(/^\p{ASCII}*$/u.test(name) ? name : name.normalize('NFKC')),
  4_096,
);

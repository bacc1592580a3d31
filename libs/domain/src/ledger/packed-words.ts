import { ENTRY_MODES, PAYMENT_METHODS, PIN_RESULTS } from '../terminal-events/terminal-event';
import type { ReceiptChannel } from './ledger-events';
import type { SaleState, SaleStatus } from './terminal-ledger.state';

/**
 * The words a packed sale holds most (its status, method, scheme, PIN result, receipts), each packed as one
 * character: 'SETTLED' and 'PRINTED_MERCHANT PRINTED_CUSTOMER' are most of a settled sale's text otherwise. A word
 * not listed (a scheme the list lacks, a status added later) is packed as text, so the list only decides the size.
 */
const WORDS: readonly string[] = [
  ...(['OPEN', 'AUTHORIZING', 'HELD', 'RELEASED', 'APPROVED', 'DECLINED', 'REVERSED', 'VOIDED', 'SETTLED', 'OFFLINE_DECLINED'] satisfies SaleStatus[]),
  ...PAYMENT_METHODS,
  ...PIN_RESULTS,
  ...ENTRY_MODES,
  ...(['PRINTED_MERCHANT', 'PRINTED_CUSTOMER', 'EMAILED'] satisfies ReceiptChannel[]),
  ...(['AWAITING_HOST', 'CONFIRMED'] satisfies NonNullable<SaleState['offline']>[]),
  'NONE',
  'UNIONPAY',
  'VISA',
  'MASTERCARD',
  'AMEX',
  'JCB',
  'DISCOVER',
];
/** Codes start past the space and the control characters, so a code is never a packed sale's separator. */
const FIRST_CODE = 0x21;
const CODES = new Map(WORDS.map((word, i) => [word, String.fromCharCode(FIRST_CODE + i)]));

/** The word's one-character code, or undefined for a word not listed. */
export function wordCode(word: string): string | undefined {
  return CODES.get(word);
}

export function wordOfCode(code: string): string {
  const word = WORDS[code.charCodeAt(0) - FIRST_CODE];
  if (code.length !== 1 || word === undefined) throw new Error(`no packed word has the code ${JSON.stringify(code)}`);
  return word;
}

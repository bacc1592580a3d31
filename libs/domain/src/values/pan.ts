/** Primary account numbers: detection (Luhn) and masking. No full PAN may be stored; these find and hide them. */

export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A full PAN as it may be sent to be masked: 13 to 19 ASCII digits, nothing else, Luhn-valid. */
export function isPlainFullPan(s: string): boolean {
  return /^\d{13,19}$/.test(s) && isLuhnValid(s);
}

// What a person or a program puts between the digit groups of a card number: any whitespace, dashes of every
// script, invisible format characters (zero-width space, soft hyphen, bidi marks), dots, slashes, underscores and
// bullets. Not `:` or `,`, so that times ("14:05:00") and lists of numbers stay apart.
const SEPARATOR = String.raw`[\s\p{Pd}\p{Cf}._/\\·•]`;
const SEPARATORS = new RegExp(SEPARATOR, 'gu');
const DIGIT_RUN = new RegExp(String.raw`\d(?:${SEPARATOR}*\d)*`, 'gu');
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const IS_DECIMAL_DIGIT = /^\p{Nd}$/u;

// Unicode assigns decimal digits in contiguous runs of ten, 0 to 9: a digit's value is its distance to its run's 0.
function decimalDigitValue(digit: string): number {
  let codePoint = digit.codePointAt(0) as number;
  let value = 0;
  while (IS_DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - 1))) {
    codePoint--;
    value++;
  }
  return value % 10;
}

/**
 * The text as a card scan reads it: compatibility forms folded (NFKC: full-width `４`, superscript `⁴`, circled
 * `④` become `4`), then every other decimal digit (Arabic-Indic `٤`, Devanagari `४`, ...) replaced by its ASCII digit.
 */
export function withAsciiDigits(text: string): string {
  return text.normalize('NFKC').replace(NON_ASCII_DIGIT, (digit) => String(decimalDigitValue(digit)));
}

// Luhn sums of every window in O(1) each: prefix sums of each digit's plain and doubled value, split by the
// parity of its index (a window doubles the digits whose distance to its last digit is odd).
function longestLuhnValidWindow(digits: string): string | null {
  const n = digits.length;
  const plain = [new Int32Array(n + 1), new Int32Array(n + 1)];
  const doubled = [new Int32Array(n + 1), new Int32Array(n + 1)];
  for (let i = 0; i < n; i++) {
    const digit = digits.charCodeAt(i) - 48;
    for (const parity of [0, 1]) {
      const own = i % 2 === parity;
      plain[parity][i + 1] = plain[parity][i] + (own ? digit : 0);
      doubled[parity][i + 1] = doubled[parity][i] + (own ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : 0);
    }
  }
  for (let length = Math.min(19, n); length >= 13; length--) {
    for (let start = 0; start + length <= n; start++) {
      if (start > 0 && digits.charCodeAt(start) === 48) continue;
      const end = start + length;
      const last = (end - 1) % 2;
      const sum = plain[last][end] - plain[last][start] + doubled[1 - last][end] - doubled[1 - last][start];
      if (sum % 10 === 0) return digits.slice(start, end);
    }
  }
  return null;
}

// The common case, decided in one pass: ASCII text (which NFKC leaves as it is) with fewer than 13 digits in all.
function isAsciiWithFewDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return false;
    if (code >= 48 && code <= 57 && ++digits >= 13) return false;
  }
  return true;
}

/**
 * Runs longer than this are references, not card numbers with digits around them: WeChat Pay and Alipay trade
 * numbers have 28 to 32 digits, and nearly every run that long holds some Luhn-valid window of 13 to 19.
 */
export const LONGEST_RUN_SCANNED = 24;

/**
 * The full PANs in a text, one per digit run of at most LONGEST_RUN_SCANNED digits: digits in any script (see withAsciiDigits), separated by any
 * number of separators (spaces, dashes, dots, slashes, underscores, invisible characters), form one run, and a
 * run holds a PAN when any 13 to 19 consecutive digits of it pass Luhn: the whole run, or a window inside it that
 * starts with a digit other than 0 (a card number is found inside a longer number; no card number starts with 0,
 * so the zeros of a round number are not one). The run's longest such window is returned, the leftmost of that length.
 */
export function findFullPans(text: string): string[] {
  if (isAsciiWithFewDigits(text)) return [];
  const found: string[] = [];
  for (const match of withAsciiDigits(text).matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(SEPARATORS, '');
    const pan = digits.length >= 13 && digits.length <= LONGEST_RUN_SCANNED ? longestLuhnValidWindow(digits) : null;
    if (pan !== null) found.push(pan);
  }
  return found;
}

/** First 6 and last 4 digits kept, every digit between replaced by `*`. */
export function maskPan(pan: string): string {
  const digits = pan.replace(/[ -]/g, '');
  if (!/^\d{13,19}$/.test(digits)) throw new RangeError('a PAN has 13 to 19 digits');
  return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`;
}

export function isMaskedPan(s: string): boolean {
  return /^\d{6}\*{3,9}\d{4}$/.test(s);
}

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

// A maximal run of digits where single spaces or dashes may separate digits ("4111 1111-1111 1111").
const DIGIT_RUN = /\d(?:[ -]?\d)*/g;

/**
 * Every full PAN in the text: a maximal digit run (single spaces or dashes allowed between digits) of 13 to 19
 * digits that passes Luhn. Longer runs are not card numbers (e.g. a 28-digit wallet reference).
 */
export function findFullPans(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits)) found.push(digits);
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

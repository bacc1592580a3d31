// Hostile values a terminal (or anyone holding its secret, or no one's) could send: for fields, for headers.
import { validateHeaderValue } from 'node:http';
import fc from 'fast-check';

/** Luhn-valid test card numbers of several schemes and lengths. */
const TEST_PANS = ['4111111111111111', '5500000000000004', '378282246310005', '6011111111111117', '3530111333300000', '6200000000000005', '4222222222222', '36227206271667'];

// The code point of 0 in scripts whose digits card data may be written with: ASCII, full-width, Arabic-Indic,
// Extended Arabic-Indic, Devanagari, Bengali, Thai, Myanmar.
const DIGIT_ZEROS = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1040];
const PAN_SEPARATORS = ['', ' ', '-', '.', '/', '_', '  ', ' - ', '\u00a0', '\u2013', '\u2014', '\u200b', '\u00ad', '\u3000', '\u2009'];

function inScript(digits: string, zero: number): string {
  return [...digits].map((digit) => String.fromCodePoint(zero + Number(digit))).join('');
}

/** A full card number written to slip past a naive scan: grouped, separated, in another script, inside a longer number. */
export const panText = fc
  .record({
    pan: fc.constantFrom(...TEST_PANS),
    zero: fc.constantFrom(...DIGIT_ZEROS),
    separator: fc.constantFrom(...PAN_SEPARATORS),
    groupSize: fc.integer({ min: 1, max: 6 }),
    digitsBefore: fc.stringMatching(/^\d{0,4}$/),
    digitsAfter: fc.stringMatching(/^\d{0,4}$/),
    prefix: fc.constantFrom('', 'card ', 'ref:', 'x'),
    suffix: fc.constantFrom('', ' ok', '!'),
  })
  .map(({ pan, zero, separator, groupSize, digitsBefore, digitsAfter, prefix, suffix }) => {
    const groups = pan.match(new RegExp(`.{1,${groupSize}}`, 'g')) as string[];
    return `${prefix}${digitsBefore}${groups.map((group) => inScript(group, zero)).join(separator)}${digitsAfter}${suffix}`;
  });

const numberLike = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2, 1e21, 1e308, -1e308, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const amountLike = fc.oneof(
  fc.constantFrom('0', '-1', '-0', '+1', '01', '1.5', '1e3', '0x10', '1_000', ' 1', '1 ', '', 'NaN', 'Infinity', '-Infinity', 'null', '\uff11\uff12', '\u0661\u0662', '\u22121'),
  fc.stringMatching(/^-?\d{13,30}$/),
  fc.bigInt({ min: 0n, max: 10n ** 40n }).map(String),
);

const longString = fc
  .tuple(fc.constantFrom('a', '9', 'é', '中', '😀', '\u202e', '\u0000', '\\', '"'), fc.integer({ min: 0, max: 300_000 }))
  .map(([unit, length]) => unit.repeat(length));

const controlText = fc.string({ unit: fc.integer({ min: 0, max: 0x9f }).filter((code) => code < 0x20 || code >= 0x7f).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 20 });

/** A value for any field: numbers at and past every bound, number-like strings, card numbers, long or invisible text, wrong types. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  numberLike,
  amountLike,
  panText,
  longString,
  controlText,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(null, true, false, [], {}, [1, 2], { $gt: '' }),
  fc.json().map((text) => JSON.parse(text) as unknown),
);

/** What a field that holds an integer or an amount must refuse (past a bound, of another type or shape). */
export const OUT_OF_BOUNDS: Readonly<Record<'positiveInteger' | 'count' | 'amount' | 'total', readonly unknown[]>> = {
  positiveInteger: [0, -1, 2 ** 31, 2 ** 53, 1.5, 1e308, '1', null],
  count: [-1, 2 ** 31, 2 ** 53, 0.5, 1e308, '1', null],
  amount: ['0', '-1', '1000000000000', '9'.repeat(30), '1.5', ' 1', '01', '+1', '1e3', 'NaN', '\uff11\uff12', '\u0661\u0662', 1234, null],
  total: ['-1', '1000000000000000', '9'.repeat(30), '1.5', '01', 'Infinity', '\u0661', 25600, null],
};

/** Keys for extra fields: card-data names, prototype names, card numbers, long and empty names. */
export const hostileKey = fc.oneof(
  fc.constantFrom('cvv', 'track2', 'pinBlock', 'PAN', 'merchantId', '__proto__', 'constructor', 'toString', '', '4111111111111111', 'ｃｖｖ'),
  fc.string({ maxLength: 10 }),
  fc.integer({ min: 0, max: 2000 }).map((length) => 'k'.repeat(length)),
);

// What reaches a server in a header: Node's clients refuse to send CR, LF, NUL and code points past U+00FF, and
// send other text as UTF-8 bytes, which the server reads back one byte per character.
const asReceived = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

function sendable(value: string): boolean {
  try {
    validateHeaderValue('x-probe', value);
    return true;
  } catch {
    return false;
  }
}

const headerUnit = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }).map(asReceived),
  fc.constantFrom('\u0085', '%0d%0a', '\\r\\n', asReceived('\u2028'), '%00', '\\0', asReceived('\u2400'), '\t', '\u00ff', 't-1'),
);

/** A header value of 0 to 5,000 characters from ASCII, UTF-8 bytes, CR/LF-like and NUL-like text. */
export const hostileHeaderValue = fc
  .tuple(headerUnit, fc.integer({ min: 0, max: 5000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length))
  .filter(sendable);

/** X-Timestamp values that are not unix milliseconds within 5 minutes of `nowMs`. */
export const badTimestamp = fc.oneof(
  fc.constantFrom<(nowMs: number) => string>(
    (now) => String(Math.floor(now / 1000)),
    (now) => String(-now),
    (now) => `${now}.5`,
    (now) => String(now - 6 * 60_000),
    (now) => String(now + 6 * 60_000),
    () => '9'.repeat(20),
    () => '0',
    () => 'NaN',
    () => '',
    (now) => new Date(now).toISOString(),
  ),
  hostileHeaderValue.map((value) => () => value),
);

/** X-Signature values that cannot be the right HMAC: wrong length, not hex, another key's. */
export const badSignature = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{0,63}$/),
  fc.stringMatching(/^[0-9a-f]{65,200}$/),
  fc.stringMatching(/^[0-9a-z]{64}$/).filter((s) => /[g-z]/.test(s)),
  fc.stringMatching(/^[0-9a-f]{64}$/),
  hostileHeaderValue,
);

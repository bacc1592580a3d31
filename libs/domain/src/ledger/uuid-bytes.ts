/**
 * A lowercase UUID (as terminals and `crypto.randomUUID` write them) as its 16 bytes, one character each: a flat
 * one-byte string of 16 characters where its text takes 36, for the ids a terminal's state keeps (remembered event
 * ids, sales' transaction ids). Any other string (capitals, test ids) has no bytes form.
 *
 * The two latest conversions are kept: the ledger looks an event's id and its transaction id up several times in a
 * row (the decider's rules, then evolve). A cache of a pure function, so what the domain returns stays pure.
 */
export const UUID_BYTES = 16;

const HEX_DIGITS = '0123456789abcdef';
const UUID_LENGTH = 36;
const DASH = 0x2d;
const DASHES_AT = [8, 13, 18, 23];
const DASHES_AFTER_BYTES = new Set([3, 5, 7, 9]);
/** The bytes of the UUID being converted (one array for every call). */
const bytes = new Array<number>(UUID_BYTES).fill(0);

let latestKey: string | undefined;
let latestBytes: string | null = null;
let earlierKey: string | undefined;
let earlierBytes: string | null = null;

// prettier-ignore
/** One call, so the result is a flat string (a concatenation would be a tree of its pieces until flattened). */
const fromBytes = (b: readonly number[]): string =>
  String.fromCharCode(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);

/** A lowercase hexadecimal digit's value, or -1. */
function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

function converted(key: string): string | null {
  if (key.length !== UUID_LENGTH || !DASHES_AT.every((at) => key.charCodeAt(at) === DASH)) return null;
  let invalid = 0;
  for (let i = 0, at = 0; at < UUID_BYTES; i += 2, at++) {
    if (key.charCodeAt(i) === DASH) i++;
    const high = hexValue(key.charCodeAt(i));
    const low = hexValue(key.charCodeAt(i + 1));
    invalid |= high | low;
    bytes[at] = (high << 4) | low;
  }
  return invalid < 0 ? null : fromBytes(bytes);
}

/** The 16 bytes of a lowercase UUID, or null for any other string. */
export function uuidBytes(key: string): string | null {
  if (key === latestKey) return latestBytes;
  const result = key === earlierKey ? earlierBytes : converted(key);
  earlierKey = latestKey;
  earlierBytes = latestBytes;
  latestKey = key;
  latestBytes = result;
  return result;
}

/** The lowercase UUID whose 16 bytes these are. */
export function uuidOfBytes(record: string): string {
  let uuid = '';
  for (let at = 0; at < UUID_BYTES; at++) {
    const byte = record.charCodeAt(at);
    uuid += HEX_DIGITS[byte >> 4] + HEX_DIGITS[byte & 15] + (DASHES_AFTER_BYTES.has(at) ? '-' : '');
  }
  return uuid;
}

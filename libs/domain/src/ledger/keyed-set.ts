import { hashOf } from './keyed-record';

/**
 * An immutable set of strings, for the event ids a terminal's state remembers: keys hash into 16 x 16 buckets, each
 * one string of its keys' records in order, every record between two line feeds. An add copies two short arrays and
 * one short string. A string per bucket costs each id little more than its record: an array of strings costs a
 * string object (its header and padding) and a slot per id, several times that for a UUID. Plain JSON; two sets with
 * the same keys are deep-equal whatever the insertion order. Keys hold no line feed (event ids are UUIDs).
 *
 * A lowercase UUID (as terminals and `crypto.randomUUID` write them) is recorded as its 16 bytes, one character each,
 * a line feed or a vertical tab among them escaped as a vertical tab and 1 or 2: about 17 characters with its line
 * feed where its text takes 37, so a state's remembered ids take less than half the memory. It costs one conversion
 * per event: the last key's record is kept, since the ledger looks an event's id up and adds it several times in a
 * row. Any other key is recorded as a vertical tab, a NUL and the key, which no UUID's record starts with.
 */
type Bucket = string;
type Shelf = readonly (Bucket | null)[];
export type KeyedSet = readonly (Shelf | null)[];

const FAN_OUT = 16;
const SEPARATOR = '\n';
const ESCAPE = '\v';
const OTHER_KEY = `${ESCAPE}\0`;
const SEPARATOR_CODE = SEPARATOR.charCodeAt(0);
const ESCAPE_CODE = ESCAPE.charCodeAt(0);
const HEX_DIGITS = '0123456789abcdef';
const UUID_LENGTH = 36;
const DASH = 0x2d;
const DASHES_AT = [8, 13, 18, 23];
const DASHES_AFTER_BYTES = new Set([3, 5, 7, 9]);
const ESCAPED = new Map([[SEPARATOR_CODE, `${ESCAPE}\x01`], [ESCAPE_CODE, `${ESCAPE}\x02`]]);
/** The bytes of the UUID being recorded (one array for every call: the ledger records one per event). */
const bytes = new Array<number>(16).fill(0);

function slotsOf(key: string): [number, number] {
  if (key.includes(SEPARATOR)) throw new Error(`a KeyedSet key holds no line feed: ${JSON.stringify(key)}`);
  const hash = hashOf(key);
  return [hash % FAN_OUT, Math.floor(hash / FAN_OUT) % FAN_OUT];
}

// prettier-ignore
/** One call, so the record is a flat string (a concatenation would be a tree of its pieces until flattened). */
const fromBytes = (b: readonly number[]): string =>
  String.fromCharCode(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
/** A lowercase hexadecimal digit's value, or -1. */
function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/** The record of a lowercase UUID, or null for any other key. */
function uuidRecord(key: string): string | null {
  if (key.length !== UUID_LENGTH || !DASHES_AT.every((at) => key.charCodeAt(at) === DASH)) return null;
  let invalid = 0;
  let escapes = false;
  for (let i = 0, at = 0; at < 16; i += 2, at++) {
    if (key.charCodeAt(i) === DASH) i++;
    const high = hexValue(key.charCodeAt(i));
    const low = hexValue(key.charCodeAt(i + 1));
    invalid |= high | low;
    bytes[at] = (high << 4) | low;
    escapes ||= bytes[at] === SEPARATOR_CODE || bytes[at] === ESCAPE_CODE;
  }
  if (invalid < 0) return null;
  if (!escapes) return fromBytes(bytes);
  return bytes.map((byte) => ESCAPED.get(byte) ?? String.fromCharCode(byte)).join('');
}

function uuidOf(record: string): string {
  let uuid = '';
  for (let i = 0, at = 0; i < record.length; i++, at++) {
    let byte = record.charCodeAt(i);
    if (byte === ESCAPE_CODE) byte = record.charCodeAt(++i) === 1 ? SEPARATOR_CODE : ESCAPE_CODE;
    uuid += HEX_DIGITS[byte >> 4] + HEX_DIGITS[byte & 15] + (DASHES_AFTER_BYTES.has(at) ? '-' : '');
  }
  return uuid;
}

let lastKey: string | undefined;
let lastRecord = '';

function recordOf(key: string): string {
  if (key !== lastKey) {
    lastRecord = uuidRecord(key) ?? `${OTHER_KEY}${key}`;
    lastKey = key;
  }
  return lastRecord;
}

const keyOf = (record: string): string => (record.startsWith(OTHER_KEY) ? record.slice(OTHER_KEY.length) : uuidOf(record));
const recordsOf = (bucket: Bucket): string[] => bucket.slice(1, -1).split(SEPARATOR);

export function emptyKeyedSet(): KeyedSet {
  return new Array<Shelf | null>(FAN_OUT).fill(null);
}

export function inKeyedSet(set: KeyedSet, key: string): boolean {
  const [outer, inner] = slotsOf(key);
  const bucket = set[outer]?.[inner];
  return bucket?.includes(`${SEPARATOR}${recordOf(key)}${SEPARATOR}`) ?? false;
}

/** The set with `key` added; the same set if it holds `key` already. */
export function withKey(set: KeyedSet, key: string): KeyedSet {
  const [outer, inner] = slotsOf(key);
  const record = recordOf(key);
  const shelf = set[outer] ?? new Array<Bucket | null>(FAN_OUT).fill(null);
  const bucket = shelf[inner];
  if (bucket?.includes(`${SEPARATOR}${record}${SEPARATOR}`)) return set;
  const records = bucket ? recordsOf(bucket) : [];
  const at = records.findIndex((present) => present > record);
  records.splice(at === -1 ? records.length : at, 0, record);
  const newShelf = shelf.slice();
  newShelf[inner] = `${SEPARATOR}${records.join(SEPARATOR)}${SEPARATOR}`;
  const newSet = set.slice();
  newSet[outer] = newShelf;
  return newSet;
}

export function keyedSetValues(set: KeyedSet): string[] {
  return set.flatMap((shelf) => (shelf ?? []).flatMap((bucket) => (bucket ? recordsOf(bucket).map(keyOf) : [])));
}

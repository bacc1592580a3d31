import { hashOf } from './keyed-record';
import { UUID_BYTES, uuidBytes, uuidOfBytes } from './uuid-bytes';

/**
 * An immutable set of strings, for the event ids a terminal's state remembers: keys hash into 16 x 16 buckets, each
 * one string of its keys' records in order, every record between two line feeds. An add copies two short arrays and
 * one short string. A string per bucket costs each id little more than its record: an array of strings costs a
 * string object (its header and padding) and a slot per id, several times that for a UUID. Plain JSON; two sets with
 * the same keys are deep-equal whatever the insertion order. Keys hold no line feed (event ids are UUIDs).
 *
 * A lowercase UUID is recorded as its 16 bytes (uuid-bytes.ts), a line feed or a vertical tab among them escaped as a
 * vertical tab and 1 or 2: about 17 characters with its line feed where its text takes 37, so a state's remembered
 * ids take less than half the memory. Any other key is recorded as a vertical tab, a NUL and the key, which no
 * UUID's record starts with.
 */
type Bucket = string;
type Shelf = readonly (Bucket | null)[];
export type KeyedSet = readonly (Shelf | null)[];

const FAN_OUT = 16;
const SEPARATOR = '\n';
const ESCAPE = '\v';
const OTHER_KEY = `${ESCAPE}\0`;
const ESCAPES = /[\n\v]/g;
const ESCAPED: Readonly<Record<string, string>> = { [SEPARATOR]: `${ESCAPE}\x01`, [ESCAPE]: `${ESCAPE}\x02` };

function slotsOf(key: string): [number, number] {
  if (key.includes(SEPARATOR)) throw new Error(`a KeyedSet key holds no line feed: ${JSON.stringify(key)}`);
  const hash = hashOf(key);
  return [hash % FAN_OUT, Math.floor(hash / FAN_OUT) % FAN_OUT];
}

function recordOf(key: string): string {
  const bytes = uuidBytes(key);
  if (bytes === null) return `${OTHER_KEY}${key}`;
  return bytes.includes(SEPARATOR) || bytes.includes(ESCAPE) ? bytes.replace(ESCAPES, (byte) => ESCAPED[byte]) : bytes;
}

function keyOf(record: string): string {
  if (record.startsWith(OTHER_KEY)) return record.slice(OTHER_KEY.length);
  if (record.length === UUID_BYTES) return uuidOfBytes(record);
  return uuidOfBytes(record.replaceAll(ESCAPED[SEPARATOR], SEPARATOR).replaceAll(ESCAPED[ESCAPE], ESCAPE));
}

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
  const newShelf = shelf.slice();
  newShelf[inner] = bucket ? withRecord(bucket, record) : `${SEPARATOR}${record}${SEPARATOR}`;
  const newSet = set.slice();
  newSet[outer] = newShelf;
  return newSet;
}

/**
 * The bucket with `record` in its sorted place, found and spliced in without splitting the bucket into its records.
 * Joined rather than concatenated, so the bucket a state keeps is one flat string, not a tree of slices of the last.
 */
function withRecord(bucket: Bucket, record: string): Bucket {
  let start = 1;
  while (start < bucket.length) {
    const end = bucket.indexOf(SEPARATOR, start);
    if (compareRecordAt(bucket, start, end, record) > 0) break;
    start = end + 1;
  }
  return [bucket.slice(0, start), record, SEPARATOR, bucket.slice(start)].join('');
}

/** The record of `bucket` from `start` to `end` against `record`, by UTF-16 code units as `<` compares strings. */
function compareRecordAt(bucket: Bucket, start: number, end: number, record: string): number {
  const length = Math.min(end - start, record.length);
  for (let i = 0; i < length; i++) {
    const difference = bucket.charCodeAt(start + i) - record.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return end - start - record.length;
}

export function keyedSetValues(set: KeyedSet): string[] {
  return set.flatMap((shelf) => (shelf ?? []).flatMap((bucket) => (bucket ? recordsOf(bucket).map(keyOf) : [])));
}

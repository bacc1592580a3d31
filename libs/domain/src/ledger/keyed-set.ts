import { hashOf } from './keyed-record';

/**
 * An immutable set of strings, for the event ids a terminal's state remembers: keys hash into 16 x 16 buckets, each
 * one string of its keys in order, every key between two line feeds. An add copies two short arrays and one short
 * string. A string per bucket costs each id little more than its characters: an array of strings costs a string
 * object (its header and padding) and a slot per id, several times that for a UUID. Plain JSON; two sets with the
 * same keys are deep-equal whatever the insertion order. Keys hold no line feed (event ids are UUIDs).
 */
type Bucket = string;
type Shelf = readonly (Bucket | null)[];
export type KeyedSet = readonly (Shelf | null)[];

const FAN_OUT = 16;
const SEPARATOR = '\n';

function slotsOf(key: string): [number, number] {
  if (key.includes(SEPARATOR)) throw new Error(`a KeyedSet key holds no line feed: ${JSON.stringify(key)}`);
  const hash = hashOf(key);
  return [hash % FAN_OUT, Math.floor(hash / FAN_OUT) % FAN_OUT];
}

const keysOf = (bucket: Bucket): string[] => bucket.slice(1, -1).split(SEPARATOR);

export function emptyKeyedSet(): KeyedSet {
  return new Array<Shelf | null>(FAN_OUT).fill(null);
}

export function inKeyedSet(set: KeyedSet, key: string): boolean {
  const [outer, inner] = slotsOf(key);
  return set[outer]?.[inner]?.includes(`${SEPARATOR}${key}${SEPARATOR}`) ?? false;
}

/** The set with `key` added; the same set if it holds `key` already. */
export function withKey(set: KeyedSet, key: string): KeyedSet {
  const [outer, inner] = slotsOf(key);
  const shelf = set[outer] ?? new Array<Bucket | null>(FAN_OUT).fill(null);
  const bucket = shelf[inner];
  if (bucket?.includes(`${SEPARATOR}${key}${SEPARATOR}`)) return set;
  const keys = bucket ? keysOf(bucket) : [];
  const at = keys.findIndex((present) => present > key);
  keys.splice(at === -1 ? keys.length : at, 0, key);
  const newShelf = shelf.slice();
  newShelf[inner] = `${SEPARATOR}${keys.join(SEPARATOR)}${SEPARATOR}`;
  const newSet = set.slice();
  newSet[outer] = newShelf;
  return newSet;
}

export function keyedSetValues(set: KeyedSet): string[] {
  return set.flatMap((shelf) => (shelf ?? []).flatMap((bucket) => (bucket ? keysOf(bucket) : [])));
}

import { hashOf } from './keyed-record';

/**
 * An immutable set of strings, for the event ids a terminal's state remembers: keys hash into 32 x 32 buckets, each
 * a sorted array, so an add copies two short arrays and one small bucket. A few thousand ids cost little more than
 * their strings, where KeyedRecord's object per bucket costs several times that. Plain JSON; two sets with the same
 * keys are deep-equal whatever the insertion order.
 */
type Bucket = readonly string[];
type Shelf = readonly (Bucket | null)[];
export type KeyedSet = readonly (Shelf | null)[];

const FAN_OUT = 32;

function slotsOf(key: string): [number, number] {
  const hash = hashOf(key);
  return [hash % FAN_OUT, Math.floor(hash / FAN_OUT) % FAN_OUT];
}

export function emptyKeyedSet(): KeyedSet {
  return new Array<Shelf | null>(FAN_OUT).fill(null);
}

export function inKeyedSet(set: KeyedSet, key: string): boolean {
  const [outer, inner] = slotsOf(key);
  return set[outer]?.[inner]?.includes(key) ?? false;
}

/** The set with `key` added; the same set if it holds `key` already. */
export function withKey(set: KeyedSet, key: string): KeyedSet {
  const [outer, inner] = slotsOf(key);
  const shelf = set[outer] ?? new Array<Bucket | null>(FAN_OUT).fill(null);
  const bucket = shelf[inner] ?? [];
  if (bucket.includes(key)) return set;
  const at = bucket.findIndex((present) => present > key);
  const newShelf = shelf.slice();
  newShelf[inner] = at === -1 ? [...bucket, key] : [...bucket.slice(0, at), key, ...bucket.slice(at)];
  const newSet = set.slice();
  newSet[outer] = newShelf;
  return newSet;
}

export function keyedSetValues(set: KeyedSet): string[] {
  return set.flatMap((shelf) => (shelf ?? []).flatMap((bucket) => bucket ?? []));
}

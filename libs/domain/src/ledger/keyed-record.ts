import { UUID_BYTES, uuidBytes, uuidOfBytes } from './uuid-bytes';

/**
 * An immutable string-keyed map whose update copies two short arrays and one small bucket, not the whole map:
 * a terminal's sales grow for ever, and evolve runs once per event. Keys hash into 16 x 16 buckets, created on first
 * use. Two maps with the same entries are deep-equal whatever the insertion order, and the structure is plain JSON.
 *
 * A bucket is one array of its keys and values in turn, in key order. An object per bucket cost V8 a hidden class
 * per distinct key: about 180 bytes an entry beside its key and value, against about 70 as an array. An array costs
 * about 64 bytes of its own, so 256 buckets (about 7 sales each in a history of 16,000 events, 45 in one of 100,000)
 * keep a state a quarter smaller than 4,096, where most held one sale; an update copies a few more slots.
 *
 * A key is kept in a short form: a lowercase UUID (a sale's transaction id, most keys) as its 16 bytes
 * (uuid-bytes.ts), 32 bytes of heap where its text takes 56; a shorter key (a sequence) as it is; any other key after
 * a NUL, so that no two keys share a form.
 */
type Bucket<V> = readonly (string | V)[];
type Shelf<V> = readonly (Bucket<V> | null)[];
export type KeyedRecord<V> = readonly (Shelf<V> | null)[];

const FAN_OUT = 16;
const OTHER_KEY = '\0';

function formOf(key: string): string {
  return uuidBytes(key) ?? (key.length < UUID_BYTES ? key : `${OTHER_KEY}${key}`);
}

function keyOf(form: string): string {
  if (form.length < UUID_BYTES) return form;
  return form.length === UUID_BYTES ? uuidOfBytes(form) : form.slice(OTHER_KEY.length);
}

export function hashOf(key: string): number {
  let hash = 0x811c9dc5 | 0;
  // The tail of a key is enough to spread UUIDs (most keys); other keys still work, in fuller buckets.
  for (let i = Math.max(0, key.length - 12); i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) | 0;
  }
  return hash >>> 0;
}

function slotsOf(key: string): [number, number] {
  const hash = hashOf(key);
  return [hash % FAN_OUT, Math.floor(hash / FAN_OUT) % FAN_OUT];
}

function bucketOf<V>(record: KeyedRecord<V>, form: string): Bucket<V> | null {
  const [outer, inner] = slotsOf(form);
  return record[outer]?.[inner] ?? null;
}

/** Where the key of this form is in the bucket (an even index), or -1. */
function indexIn<V>(bucket: Bucket<V>, form: string): number {
  for (let i = 0; i < bucket.length; i += 2) if (bucket[i] === form) return i;
  return -1;
}

export function emptyKeyed<V>(): KeyedRecord<V> {
  return new Array<Shelf<V> | null>(FAN_OUT).fill(null);
}

export function hasKeyed<V>(record: KeyedRecord<V>, key: string): boolean {
  const form = formOf(key);
  const bucket = bucketOf(record, form);
  return bucket !== null && indexIn(bucket, form) !== -1;
}

export function getKeyed<V>(record: KeyedRecord<V>, key: string): V | undefined {
  const form = formOf(key);
  const bucket = bucketOf(record, form);
  const at = bucket === null ? -1 : indexIn(bucket, form);
  return at === -1 ? undefined : ((bucket as Bucket<V>)[at + 1] as V);
}

export function setKeyed<V>(record: KeyedRecord<V>, key: string, value: V): KeyedRecord<V> {
  const form = formOf(key);
  const [outer, inner] = slotsOf(form);
  const shelf = record[outer] ?? new Array<Bucket<V> | null>(FAN_OUT).fill(null);
  const bucket = (shelf[inner] ?? []).slice();
  const at = indexIn(bucket, form);
  if (at !== -1) bucket[at + 1] = value;
  else {
    let before = 0;
    while (before < bucket.length && (bucket[before] as string) < form) before += 2;
    bucket.splice(before, 0, form, value);
  }
  const newShelf = shelf.slice();
  newShelf[inner] = bucket;
  const newRecord = record.slice();
  newRecord[outer] = newShelf;
  return newRecord;
}

export function withoutKeyed<V>(record: KeyedRecord<V>, key: string): KeyedRecord<V> {
  const form = formOf(key);
  const [outer, inner] = slotsOf(form);
  const bucket = record[outer]?.[inner];
  const at = bucket ? indexIn(bucket, form) : -1;
  if (!bucket || at === -1) return record;
  const rest = [...bucket.slice(0, at), ...bucket.slice(at + 2)];
  const newShelf = (record[outer] as Shelf<V>).slice();
  newShelf[inner] = rest.length === 0 ? null : rest;
  const newRecord = record.slice();
  newRecord[outer] = newShelf.every((b) => b === null) ? null : newShelf;
  return newRecord;
}

export function keyedEntries<V>(record: KeyedRecord<V>): [string, V][] {
  const entries: [string, V][] = [];
  for (const bucket of record.flatMap((shelf) => shelf ?? [])) {
    for (let i = 0; bucket && i < bucket.length; i += 2) entries.push([keyOf(bucket[i] as string), bucket[i + 1] as V]);
  }
  return entries;
}

export function keyedValues<V>(record: KeyedRecord<V>): V[] {
  return keyedEntries(record).map(([, value]) => value);
}

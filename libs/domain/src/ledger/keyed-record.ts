/**
 * An immutable string-keyed map whose update copies two short arrays and one small bucket, not the whole map:
 * a terminal's seen event ids and transactions grow for ever, and evolve runs once per event. Keys hash into
 * 64 x 64 buckets, created on first use. Two maps with the same entries are deep-equal whatever the insertion
 * order, and the structure is plain JSON.
 */
type Bucket<V> = Readonly<Record<string, V>>;
type Shelf<V> = readonly (Bucket<V> | null)[];
export type KeyedRecord<V> = readonly (Shelf<V> | null)[];

const FAN_OUT = 64;

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

function bucketOf<V>(record: KeyedRecord<V>, key: string): Bucket<V> | null {
  const [outer, inner] = slotsOf(key);
  return record[outer]?.[inner] ?? null;
}

export function emptyKeyed<V>(): KeyedRecord<V> {
  return new Array<Shelf<V> | null>(FAN_OUT).fill(null);
}

export function hasKeyed<V>(record: KeyedRecord<V>, key: string): boolean {
  const bucket = bucketOf(record, key);
  return bucket !== null && Object.prototype.hasOwnProperty.call(bucket, key);
}

export function getKeyed<V>(record: KeyedRecord<V>, key: string): V | undefined {
  const bucket = bucketOf(record, key);
  return bucket !== null && Object.prototype.hasOwnProperty.call(bucket, key) ? bucket[key] : undefined;
}

export function setKeyed<V>(record: KeyedRecord<V>, key: string, value: V): KeyedRecord<V> {
  const [outer, inner] = slotsOf(key);
  const shelf = record[outer] ?? new Array<Bucket<V> | null>(FAN_OUT).fill(null);
  const newShelf = shelf.slice();
  newShelf[inner] = { ...(shelf[inner] ?? {}), [key]: value };
  const newRecord = record.slice();
  newRecord[outer] = newShelf;
  return newRecord;
}

export function withoutKeyed<V>(record: KeyedRecord<V>, key: string): KeyedRecord<V> {
  const [outer, inner] = slotsOf(key);
  const bucket = record[outer]?.[inner];
  if (!bucket || !Object.prototype.hasOwnProperty.call(bucket, key)) return record;
  const { [key]: _removed, ...rest } = bucket;
  const newShelf = (record[outer] as Shelf<V>).slice();
  newShelf[inner] = Object.keys(rest).length === 0 ? null : rest;
  const newRecord = record.slice();
  newRecord[outer] = newShelf.every((b) => b === null) ? null : newShelf;
  return newRecord;
}

export function keyedValues<V>(record: KeyedRecord<V>): V[] {
  return record.flatMap((shelf) => (shelf ?? []).flatMap((bucket) => (bucket ? Object.values(bucket) : [])));
}

/**
 * An immutable string-keyed map whose update copies one of a fixed number of buckets, not the whole map:
 * a terminal's seen event ids and transactions grow for ever, and evolve runs once per event.
 * Two maps with the same entries are deep-equal whatever the insertion order.
 */
export type KeyedRecord<V> = readonly Readonly<Record<string, V>>[];

const BUCKETS = 32;

function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKETS;
}

export function emptyKeyed<V>(): KeyedRecord<V> {
  return Array.from({ length: BUCKETS }, () => ({}));
}

export function getKeyed<V>(record: KeyedRecord<V>, key: string): V | undefined {
  const bucket = record[bucketOf(key)];
  return Object.prototype.hasOwnProperty.call(bucket, key) ? bucket[key] : undefined;
}

export function hasKeyed<V>(record: KeyedRecord<V>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record[bucketOf(key)], key);
}

export function setKeyed<V>(record: KeyedRecord<V>, key: string, value: V): KeyedRecord<V> {
  const index = bucketOf(key);
  const copy = record.slice();
  copy[index] = { ...record[index], [key]: value };
  return copy;
}

export function keyedValues<V>(record: KeyedRecord<V>): V[] {
  return record.flatMap((bucket) => Object.values(bucket));
}

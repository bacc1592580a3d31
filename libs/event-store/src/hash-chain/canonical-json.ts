/**
 * JSON text with object keys sorted (by UTF-16 code units), otherwise exactly what JSON.stringify gives: so a value
 * hashes the same before it is stored and after it is read back as JSON, whatever order its keys come in.
 * It runs for every event appended, so it builds one string rather than an array per object, sorts only keys
 * that are out of order, and quotes each distinct key once.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value) ?? 'null';
}

function serialize(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (hasToJson(value)) return serialize(value.toJSON());
  if (Array.isArray(value)) return serializeArray(value);
  const keys = Object.keys(value);
  if (!isSorted(keys)) keys.sort();
  let text = '{';
  for (const key of keys) {
    const member = serialize((value as Record<string, unknown>)[key]);
    if (member === undefined) continue;
    text += `${text.length === 1 ? '' : ','}${quoted(key)}:${member}`;
  }
  return `${text}}`;
}

function serializeArray(items: readonly unknown[]): string {
  let text = '[';
  for (let i = 0; i < items.length; i++) text += `${i === 0 ? '' : ','}${serialize(items[i]) ?? 'null'}`;
  return `${text}]`;
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1] > keys[i]) return false;
  return true;
}

/** Keys are few and repeat across events (field names); a hostile document's many keys stop the cache growing. */
const QUOTED_KEYS_CACHED = 4_096;
const quotedKeys = new Map<string, string>();

function quoted(key: string): string {
  const cached = quotedKeys.get(key);
  if (cached !== undefined) return cached;
  const text = JSON.stringify(key);
  if (quotedKeys.size < QUOTED_KEYS_CACHED) quotedKeys.set(key, text);
  return text;
}

function hasToJson(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

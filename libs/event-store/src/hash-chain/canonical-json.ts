/**
 * JSON text with object keys sorted (by UTF-16 code units), otherwise exactly what JSON.stringify gives: so a value
 * hashes the same before it is stored and after it is read back as JSON, whatever order its keys come in.
 * It runs for every event appended, so it builds one string rather than an array per object, sorts only keys
 * that are out of order, quotes each distinct key once, and writes strings without escapes and numbers itself
 * rather than calling JSON.stringify per value (about 20% of its time on a demo's events, bench/RESULTS.md).
 */
export function canonicalJson(value: unknown): string {
  return serialize(value) ?? 'null';
}

function serialize(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quotedString(value);
    case 'number':
      return Number.isFinite(value) ? `${value}` : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (hasToJson(value)) return serialize(value.toJSON());
      return Array.isArray(value) ? serializeArray(value) : serializeObject(value as Record<string, unknown>);
    default:
      // undefined, functions and symbols (dropped), bigint (thrown): as JSON.stringify does.
      return JSON.stringify(value);
  }
}

function serializeObject(value: Record<string, unknown>): string {
  const keys = Object.keys(value);
  if (!isSorted(keys)) keys.sort();
  let text = '{';
  for (const key of keys) {
    const member = serialize(value[key]);
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

/** A string with none of these is quoted as it is; JSON.stringify escapes them (surrogates when unpaired). */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

function quotedString(text: string): string {
  return ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function hasToJson(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

import { wordCode, wordOfCode } from './packed-words';
import type { SaleState } from './terminal-ledger.state';

/**
 * A sale done at the counter (settled, voided, declined, reversed, released, or approved in cash) is kept in the
 * terminal's state as one string of its values in a fixed order, without keys: a state keeps every sale for refunds
 * and disputes, and as objects (the sale, its amounts, its receipts) they took about 1.7 times the heap (RESULTS).
 * The string holds every field but the transaction id, which is the sale's key in the state.
 */
export type StoredSale = SaleState | string;

type PackedField = Exclude<keyof SaleState, 'transactionId'>;

const FIELDS: readonly PackedField[] = [
  'status',
  'operatorId',
  'amount',
  'tip',
  'method',
  'card',
  'walletReference',
  'pinResult',
  'scheme',
  'approvedAt',
  'preAuthorization',
  'hold',
  'offline',
  'refundedMinor',
  'fee',
  'feeReturnedMinor',
  'disputedMinor',
  'receipts',
];

const SEPARATOR = '\x1f';

const DONE: ReadonlySet<SaleState['status']> = new Set(['SETTLED', 'VOIDED', 'DECLINED', 'REVERSED', 'RELEASED', 'OFFLINE_DECLINED']);

/** What the state keeps of a sale: packed once the counter is done with it, as it is while it is being made. */
export function storedSale(sale: SaleState): StoredSale {
  return DONE.has(sale.status) || (sale.status === 'APPROVED' && sale.method === 'CASH') ? packSale(sale) : sale;
}

export function saleFromStored(transactionId: string, stored: StoredSale): SaleState {
  return typeof stored === 'string' ? unpackSale(transactionId, stored) : stored;
}

export function packSale(sale: SaleState): string {
  // One flat string: concatenated piece by piece, V8 would keep a tree of its pieces, larger than the sale's objects.
  return FIELDS.map((field) => packedValue(sale[field])).join(SEPARATOR);
}

export function unpackSale(transactionId: string, text: string): SaleState {
  const values = text.split(SEPARATOR);
  if (values.length !== FIELDS.length) throw new Error(`a packed sale holds ${values.length} fields, not ${FIELDS.length}: ${text}`);
  const sale: Record<string, unknown> = { transactionId };
  for (let i = 0; i < FIELDS.length; i++) {
    const value = unpackedValue(values[i]);
    if (value !== undefined) sale[FIELDS[i]] = value;
  }
  return sale as unknown as SaleState;
}

/**
 * '' for a field the sale lacks; 'w' and its one-character code for a listed word (packed-words.ts), 'v' and their
 * codes for a list of them (its receipts); 't' and its milliseconds for an instant; 's' and any other string without
 * the separator; for an object of strings in a known key order (an amount as the domain writes it, a card), its tag
 * and its values between spaces ('mEUR 1234' rather than the JSON's 31 characters); 'a' and the strings of another
 * list between spaces; 'j' and the JSON of anything else, which never holds the separator raw (JSON escapes control
 * characters). A string packed between spaces is never empty and holds neither a space nor the separator.
 */
const SHAPES: Readonly<Record<string, readonly string[]>> = {
  m: ['currency', 'minor'],
  c: ['entryMode', 'maskedPan', 'scheme'],
};
const SHAPE_TAGS = Object.keys(SHAPES);
const SPACE = ' ';
const ISO_INSTANT_LENGTH = '2026-12-06T03:47:46.123Z'.length;
const INSTANT_RADIX = 36;

function packedValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') {
    const code = wordCode(value);
    if (code !== undefined) return `w${code}`;
    const instant = packedInstant(value);
    if (instant !== undefined) return `t${instant}`;
    if (!value.includes(SEPARATOR)) return `s${value}`;
  }
  if (Array.isArray(value)) {
    const codes = value.map((item) => (typeof item === 'string' ? wordCode(item) : undefined));
    if (codes.every((code) => code !== undefined)) return `v${codes.join('')}`;
    if (value.every(isSpaceFree)) return `a${value.join(SPACE)}`;
  }
  const tag = shapeOf(value);
  if (tag !== undefined) return `${tag}${SHAPES[tag].map((key) => (value as Record<string, string>)[key]).join(SPACE)}`;
  return `j${JSON.stringify(value)}`;
}

function unpackedValue(packed: string): unknown {
  if (packed === '') return undefined;
  const tag = packed[0];
  const values = () => (packed.length === 1 ? [] : packed.slice(1).split(SPACE));
  if (tag === 's') return packed.slice(1);
  if (tag === 'w') return wordOfCode(packed.slice(1));
  if (tag === 't') return new Date(parseInt(packed.slice(1), INSTANT_RADIX)).toISOString();
  if (tag === 'v') return [...packed.slice(1)].map(wordOfCode);
  if (tag === 'a') return values();
  if (tag === 'j') return JSON.parse(packed.slice(1)) as unknown;
  const keys = SHAPES[tag];
  if (keys === undefined) throw new Error(`a packed sale's field starts with '${tag}': ${packed}`);
  const shaped = values();
  return Object.fromEntries(keys.map((key, i) => [key, shaped[i]]));
}

/**
 * An instant as `toISOString` writes it (when a sale was approved) as its milliseconds in base 36: 8 characters, not
 * 24; only if it comes back the same.
 */
function packedInstant(value: string): string | undefined {
  if (value.length !== ISO_INSTANT_LENGTH || !value.endsWith('Z')) return undefined;
  const milliseconds = Date.parse(value);
  if (!(milliseconds >= 0) || new Date(milliseconds).toISOString() !== value) return undefined;
  return milliseconds.toString(INSTANT_RADIX);
}

const isSpaceFree = (value: unknown): value is string => typeof value === 'string' && value !== '' && !value.includes(SPACE) && !value.includes(SEPARATOR);

/** The tag of the shape whose keys the value has, in that order, each holding a space-free string. */
function shapeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  return SHAPE_TAGS.find((tag) => {
    const shape = SHAPES[tag];
    return keys.length === shape.length && shape.every((key, i) => keys[i] === key && isSpaceFree(record[key]));
  });
}

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
 * '' for a field the sale lacks; 's' and a string without the separator; 'm', the minor units, a space and the
 * currency for an amount as the domain writes it ({ currency, minor }, in that order); 'j' and the JSON of anything
 * else, which never holds the separator raw (JSON escapes control characters).
 */
function packedValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string' && !value.includes(SEPARATOR)) return `s${value}`;
  if (isPlainMoney(value)) return `m${value.minor} ${value.currency}`;
  return `j${JSON.stringify(value)}`;
}

function unpackedValue(packed: string): unknown {
  if (packed === '') return undefined;
  switch (packed[0]) {
    case 's':
      return packed.slice(1);
    case 'm': {
      const space = packed.indexOf(' ');
      return { currency: packed.slice(space + 1), minor: packed.slice(1, space) };
    }
    case 'j':
      return JSON.parse(packed.slice(1)) as unknown;
    default:
      throw new Error(`a packed sale's field starts with '${packed[0]}': ${packed}`);
  }
}

function isPlainMoney(value: unknown): value is { currency: string; minor: string } {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  if (keys.length !== 2 || keys[0] !== 'currency' || keys[1] !== 'minor') return false;
  const { currency, minor } = value as Record<string, unknown>;
  return typeof currency === 'string' && typeof minor === 'string' && !minor.includes(' ') && !minor.includes(SEPARATOR) && !currency.includes(SEPARATOR);
}

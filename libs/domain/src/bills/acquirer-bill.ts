import { isCalendarDate } from '../values/calendar-date';
import { Bill, BillLine } from './bill';
import {
  amountField, countField, currencyField, expectColumns, expectFieldCount, expectTotal, localTimeField, malformed,
  moneyOf, positiveAmountField, referenceField,
} from './bill-fields';
import { billLines, splitCsvLine, TextLine } from './bill-text';

export const ACQUIRER_HEADER = [
  'settlement_date', 'merchant_id', 'terminal_id', 'batch_number', 'transaction_type', 'transaction_time', 'masked_pan',
  'reference_number', 'auth_code', 'currency', 'amount', 'fee', 'net_amount',
] as const;

export const ACQUIRER_TRAILER = 'TOTAL';

type Column = (typeof ACQUIRER_HEADER)[number];

/** The trailer's figures are in the decimals of the first line's currency; CNY for a file without lines. */
const DEFAULT_CURRENCY = 'CNY';

interface Settled {
  readonly date: string;
  readonly line: BillLine;
  readonly net: bigint;
}

function settledLine(line: TextLine, fields: readonly string[]): Settled {
  expectFieldCount(fields, ACQUIRER_HEADER.length, line.number);
  const field = (name: Column) => fields[ACQUIRER_HEADER.indexOf(name)];
  const n = line.number;
  const date = field('settlement_date');
  if (!isCalendarDate(date)) throw malformed(`expected settlement_date as YYYY-MM-DD, got "${date}"`, n);
  const type = field('transaction_type');
  if (type !== 'SALE' && type !== 'REFUND' && type !== 'CHARGEBACK') throw malformed(`expected transaction_type SALE, REFUND or CHARGEBACK, got "${type}"`, n);
  const terminalId = referenceField(field('terminal_id'), 'terminal_id', n);
  const batch = field('batch_number');
  if (!/^[1-9]\d*$/.test(batch) || !Number.isSafeInteger(Number(batch))) throw malformed(`expected batch_number as a positive integer, got "${batch}"`, n);
  const localTime = localTimeField(field('transaction_time'), 'transaction_time', n);
  const reference = referenceField(field('reference_number'), 'reference_number', n);
  const currency = currencyField(field('currency'), 'currency', n);
  const amount = positiveAmountField(field('amount'), currency, 'amount', n);
  const fee = amountField(field('fee'), currency, 'fee', n);
  const net = amountField(field('net_amount'), currency, 'net_amount', n);
  expectTotal(net, (type === 'SALE' ? amount : -amount) - fee, currency, 'net_amount', n);
  return {
    date,
    net,
    line: {
      lineNumber: n, kind: type, reference, merchantReference: '', refundReference: '', localTime,
      amount: moneyOf(amount, currency), fee: moneyOf(fee, currency), terminalId, batchNumber: Number(batch),
    },
  };
}

function checkTrailer(line: TextLine, fields: readonly string[], settled: readonly Settled[]): void {
  expectFieldCount(fields, 5, line.number);
  const currency = settled[0]?.line.amount.currency ?? DEFAULT_CURRENCY;
  const sum = (of: (s: Settled) => bigint) => settled.reduce((acc, s) => acc + of(s), 0n);
  const check = (text: string, computed: bigint, name: string) =>
    expectTotal(amountField(text, currency, name, line.number), computed, currency, name, line.number);
  expectTotal(countField(fields[1], 'the TOTAL count', line.number), settled.length, undefined, 'the TOTAL count', line.number);
  check(fields[2], sum((s) => (s.line.kind === 'SALE' ? 1n : -1n) * BigInt(s.line.amount.minor)), 'the TOTAL amount');
  check(fields[3], sum((s) => BigInt(s.line.fee.minor)), 'the TOTAL fee');
  check(fields[4], sum((s) => s.net), 'the TOTAL net_amount');
}

/** The acquirer's settlement file: header, one line per settled trade, and a TOTAL trailer last. */
export function parseAcquirerBill(bytes: Uint8Array): Bill {
  const [header, ...rest] = billLines(bytes);
  if (header === undefined) throw malformed('expected the header of an acquirer settlement file', 1);
  expectColumns(splitCsvLine(header), ACQUIRER_HEADER, header.number, 'settlement file header');
  const settled: Settled[] = [];
  for (const [i, line] of rest.entries()) {
    const fields = splitCsvLine(line);
    if (fields[0] === ACQUIRER_TRAILER) {
      if (i < rest.length - 1) throw malformed('expected nothing after the TOTAL line', rest[i + 1].number);
      checkTrailer(line, fields, settled);
      return { source: 'acquirer', ...(settled.length > 0 ? { date: settled[0].date } : {}), lines: settled.map((s) => s.line) };
    }
    const next = settledLine(line, fields);
    if (settled.length > 0 && next.date !== settled[0].date) {
      throw malformed(`expected settlement_date ${settled[0].date} as on every line, got ${next.date}`, line.number);
    }
    settled.push(next);
  }
  throw malformed('expected a TOTAL line after the settled trades', (rest.at(-1) ?? header).number);
}

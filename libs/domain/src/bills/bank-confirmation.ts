import { isCalendarDate } from '../values/calendar-date';
import { Bill, BillLine } from './bill';
import {
  amountField, countField, currencyField, expectColumns, expectFieldCount, expectTotal, malformed, moneyOf, positiveAmountField, referenceField,
} from './bill-fields';
import { billLines, splitCsvLine, TextLine } from './bill-text';

export const BANK_HEADER = ['value_date', 'payout_id', 'currency', 'amount', 'bank_reference', 'status', 'reason'] as const;

export const BANK_TRAILER = 'TOTAL';

type Column = (typeof BANK_HEADER)[number];

function confirmation(line: TextLine, fields: readonly string[]): { date: string; line: BillLine } {
  expectFieldCount(fields, BANK_HEADER.length, line.number);
  const field = (name: Column) => fields[BANK_HEADER.indexOf(name)];
  const n = line.number;
  const date = field('value_date');
  if (!isCalendarDate(date)) throw malformed(`expected value_date as YYYY-MM-DD, got "${date}"`, n);
  const status = field('status');
  if (status !== 'PAID' && status !== 'RETURNED') throw malformed(`expected status PAID or RETURNED, got "${status}"`, n);
  const reason = field('reason');
  if (status === 'RETURNED' && reason === '') throw malformed('expected the reason a RETURNED payout came back', n);
  const currency = currencyField(field('currency'), 'currency', n);
  const amount = positiveAmountField(field('amount'), currency, 'amount', n);
  return {
    date,
    line: {
      lineNumber: n, kind: status === 'PAID' ? 'PAYOUT_PAID' : 'PAYOUT_RETURNED', reference: referenceField(field('bank_reference'), 'bank_reference', n),
      merchantReference: referenceField(field('payout_id'), 'payout_id', n), refundReference: '', localTime: `${date} 00:00:00`,
      amount: moneyOf(amount, currency), fee: moneyOf(0n, currency), ...(status === 'RETURNED' ? { reason } : {}),
    },
  };
}

/**
 * The bank's confirmation of the merchant's payouts (our documented layout: banks' own differ): a header, a line per
 * payout it credited (PAID) or sent back (RETURNED, with the reason), and a TOTAL line with the count and the sum
 * credited, in the first line's currency's decimals. Every line has the same value date, the file's.
 */
export function parseBankConfirmation(bytes: Uint8Array): Bill {
  const [header, ...rest] = billLines(bytes);
  if (header === undefined) throw malformed("expected the header of a bank's payout confirmation", 1);
  expectColumns(splitCsvLine(header), BANK_HEADER, header.number, 'payout confirmation header');
  const lines: BillLine[] = [];
  let date: string | undefined;
  for (const [i, text] of rest.entries()) {
    const fields = splitCsvLine(text);
    if (fields[0] === BANK_TRAILER) {
      if (i < rest.length - 1) throw malformed('expected nothing after the TOTAL line', rest[i + 1].number);
      expectFieldCount(fields, 3, text.number);
      const currency = lines[0]?.amount.currency ?? 'CNY';
      expectTotal(countField(fields[1], 'the TOTAL count', text.number), lines.length, undefined, 'the TOTAL count', text.number);
      const paid = lines.filter((line) => line.kind === 'PAYOUT_PAID').reduce((sum, line) => sum + BigInt(line.amount.minor), 0n);
      expectTotal(amountField(fields[2], currency, 'the TOTAL amount', text.number), paid, currency, 'the TOTAL amount', text.number);
      return { source: 'bank', ...(date ? { date } : {}), lines };
    }
    const next = confirmation(text, fields);
    if (date !== undefined && next.date !== date) throw malformed(`expected value_date ${date} as on every line, got ${next.date}`, text.number);
    date = next.date;
    lines.push(next.line);
  }
  throw malformed('expected a TOTAL line after the payouts', (rest.at(-1) ?? header).number);
}

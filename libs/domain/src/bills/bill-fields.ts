import { currencyExponent, isKnownCurrency } from '../values/currency';
import { isCalendarDate } from '../values/calendar-date';
import { MoneyJson } from '../values/money';
import { BillRefusedError } from './bill-refused.error';
import { decimalToMinor, minorToDecimal } from './decimal-amount';

// Checks of single fields shared by the layouts; each refusal names the line and what was expected.

export function malformed(reason: string, lineNumber: number): BillRefusedError {
  return new BillRefusedError('MALFORMED', reason, lineNumber);
}

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** YYYY-MM-DD HH:MM:SS, a real calendar time. */
export function isLocalTime(text: string): boolean {
  const m = LOCAL_TIME.exec(text);
  return m !== null && isCalendarDate(m[1]) && Number(m[2]) <= 23 && Number(m[3]) <= 59 && Number(m[4]) <= 59;
}

export function expectColumns(fields: readonly string[], expected: readonly string[], lineNumber: number, what: string): void {
  const wrong = expected.findIndex((name, i) => fields[i] !== name);
  if (wrong >= 0) throw malformed(`expected column ${wrong + 1} of the ${what} to be ${expected[wrong]}`, lineNumber);
  if (fields.length !== expected.length) throw malformed(`expected ${expected.length} columns in the ${what}, got ${fields.length}`, lineNumber);
}

export function expectFieldCount(fields: readonly string[], count: number, lineNumber: number): void {
  if (fields.length !== count) throw malformed(`expected ${count} fields, got ${fields.length}`, lineNumber);
}

export function localTimeField(text: string, name: string, lineNumber: number): string {
  if (!isLocalTime(text)) throw malformed(`expected ${name} as YYYY-MM-DD HH:MM:SS, got "${text}"`, lineNumber);
  return text;
}

export function referenceField(text: string, name: string, lineNumber: number): string {
  if (text === '') throw malformed(`expected a ${name}`, lineNumber);
  return text;
}

export function currencyField(text: string, name: string, lineNumber: number): string {
  if (!isKnownCurrency(text)) throw malformed(`expected ${name} as a known ISO 4217 code, got "${text}"`, lineNumber);
  return text;
}

export function countField(text: string, name: string, lineNumber: number): number {
  if (!/^\d{1,15}$/.test(text)) throw malformed(`expected ${name} as a count, got "${text}"`, lineNumber);
  return Number(text);
}

/** The amount in minor units of the currency. */
export function amountField(text: string, currency: string, name: string, lineNumber: number): bigint {
  const exponent = currencyExponent(currency) ?? 0;
  const minor = decimalToMinor(text, exponent);
  if (minor === undefined) throw malformed(`expected ${name} as a decimal with at most ${exponent} decimals, got "${text}"`, lineNumber);
  return minor;
}

export function positiveAmountField(text: string, currency: string, name: string, lineNumber: number): bigint {
  const minor = amountField(text, currency, name, lineNumber);
  if (minor <= 0n) throw malformed(`expected ${name} above zero, got "${text}"`, lineNumber);
  return minor;
}

/** A count or total the sender states, against what its lines add up to. */
export function expectTotal(stated: bigint | number, computed: bigint | number, currency: string | undefined, name: string, lineNumber: number): void {
  if (stated === computed) return;
  const show = (n: bigint | number) => (currency === undefined ? String(n) : minorToDecimal(BigInt(n), currencyExponent(currency) ?? 0));
  throw malformed(`expected ${name} ${show(computed)} (what the lines add up to), got ${show(stated)}`, lineNumber);
}

export function moneyOf(minor: bigint, currency: string): MoneyJson {
  return { currency, minor: minor.toString() };
}

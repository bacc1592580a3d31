/** An amount as the API gives it: integer minor units as a decimal string, and their decimal places. */
export interface Money {
  readonly currency: string;
  readonly minor: string;
  readonly exponent: number;
}

/** `-123456` with exponent 2 is `-1234.56`: exact, never through a float. */
export function decimalString(minor: string | bigint, exponent: number): string {
  const value = BigInt(minor);
  const digits = (value < 0n ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${value < 0n ? '-' : ''}${whole}${fraction}`;
}

/** The amount in the locale's currency format, with exactly the currency's decimal places. */
export function formatMoney(money: Money, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency, minimumFractionDigits: money.exponent, maximumFractionDigits: money.exponent });
  return format.format(decimalString(money.minor, money.exponent) as Intl.StringNumericLiteral);
}

/** For chart axes only (never for a figure read as money): 12,345.67 -> "¥12K" / "¥1.2万". */
export function formatCompactMoney(value: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A float of major units to size bars and slices with; the exact amount stays in `minor`. */
export function chartValue(minor: string | bigint, exponent: number): number {
  return Number(decimalString(minor, exponent));
}

/** gross / count in minor units, rounded half away from zero; zero for no sales. */
export function averageMinor(total: bigint, count: number): bigint {
  if (count === 0) return 0n;
  const divisor = BigInt(count);
  const quotient = total / divisor;
  const remainder = total % divisor;
  const away = (remainder < 0n ? -remainder : remainder) * 2n >= divisor;
  return away ? quotient + (total < 0n ? -1n : 1n) : quotient;
}

/** The change from `previous` to `current` as a fraction (0.25 is +25 %); undefined when there was nothing before. */
export function change(current: bigint, previous: bigint): number | undefined {
  if (previous === 0n) return undefined;
  return Number(((current - previous) * 1_000_000n) / (previous < 0n ? -previous : previous)) / 1_000_000;
}

const DECIMAL_INPUT = /^\s*(\d{1,12})(?:[.,](\d*))?\s*$/;

/** What a person typed as an amount ("12.5") in minor units ("1250"); undefined when it is no amount of the currency. */
export function minorFromInput(text: string, exponent: number): string | undefined {
  const match = DECIMAL_INPUT.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return undefined;
  return BigInt(`${match[1]}${fraction.padEnd(exponent, '0')}`).toString();
}

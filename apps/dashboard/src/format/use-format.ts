import { useIntl } from 'react-intl';
import type { CalendarDate } from '../time/calendar-date';
import { formatClock, formatDateTime, formatDay, formatZoneOffset } from './date-time';
import { formatMoney, type Money } from './money';

export interface Formats {
  readonly locale: string;
  money(money: Money): string;
  /** A sum in minor units of a currency. */
  amount(minor: bigint, currency: string, exponent: number): string;
  count(value: number): string;
  /** A signed change: "+12.5%". */
  change(fraction: number): string;
  clock(instant: Date | string): string;
  dateTime(instant: Date | string): string;
  day(date: CalendarDate, style?: 'short' | 'long'): string;
  zoneOffset(instant: Date): string;
}

/** Money, numbers, days and times in the page's language, times on the merchant's clock. */
export function useFormat(timeZone: string): Formats {
  const { locale } = useIntl();
  return {
    locale,
    money: (money) => formatMoney(money, locale),
    amount: (minor, currency, exponent) => formatMoney({ currency, minor: minor.toString(), exponent }, locale),
    count: (value) => new Intl.NumberFormat(locale).format(value),
    change: (fraction) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(fraction),
    clock: (instant) => formatClock(instant, timeZone, locale),
    dateTime: (instant) => formatDateTime(instant, timeZone, locale),
    day: (date, style) => formatDay(date, locale, style),
    zoneOffset: (instant) => formatZoneOffset(timeZone, instant, locale),
  };
}

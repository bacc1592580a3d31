import { COMPARISONS, isValidRange, PRESETS, presetRange, type Comparison, type DateRange, type Preset } from '../time/date-range';
import { addDays, isCalendarDate, type CalendarDate } from '../time/calendar-date';

export const TABS = ['overview', 'transactions', 'settlements', 'shifts', 'end-of-day', 'balances', 'payouts', 'reconciliation', 'terminals'] as const;
export type Tab = (typeof TABS)[number];

/** A preset, read again on the merchant's today whenever the page refreshes, or fixed days. */
export type Period = { readonly preset: Preset } | { readonly range: DateRange };

export interface TransactionFilters {
  readonly method?: string;
  readonly terminal?: string;
  readonly status?: string;
  /** Amounts as the person typed them, in major units ("12.50"). */
  readonly min?: string;
  readonly max?: string;
  readonly refunded?: 'yes' | 'no';
}

/** What the address bar holds, so that a link shows the same view; never the token. */
export interface ViewState {
  readonly tab: Tab;
  readonly period: Period;
  readonly compare: Comparison;
  /** The end of day's day; the merchant's today when not set. */
  readonly day?: CalendarDate;
  /** The reconciliation's day (the bills' business day); the merchant's yesterday when not set. */
  readonly billDay?: CalendarDate;
  /** Auditors: the merchant they picked. */
  readonly merchant?: string;
  readonly filters: TransactionFilters;
  /** The sale open in the drawer. */
  readonly sale?: { readonly id: string; readonly terminalId: string };
}

export const DEFAULT_VIEW: ViewState = { tab: 'overview', period: { preset: 'today' }, compare: 'previous', filters: {} };

const FILTER_KEYS = ['method', 'terminal', 'status', 'min', 'max'] as const;
const AMOUNT = /^\d{1,12}([.,]\d{0,3})?$/;
const oneOf = <T extends string>(choices: readonly T[], value: string | null): T | undefined => choices.find((choice) => choice === value);

function readPeriod(params: URLSearchParams): Period {
  const preset = oneOf(PRESETS, params.get('range'));
  if (preset) return { preset };
  const range = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  return params.get('range') === 'custom' && isValidRange(range) ? { range } : DEFAULT_VIEW.period;
}

function readFilters(params: URLSearchParams): TransactionFilters {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value && (!['min', 'max'].includes(key) || AMOUNT.test(value))) filters[key] = value;
  }
  const refunded = oneOf(['yes', 'no'] as const, params.get('refunded'));
  return { ...filters, ...(refunded ? { refunded } : {}) };
}

/** The view a query string asks for; what it gets wrong falls back to the default. */
export function readViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const merchant = params.get('merchant') || undefined;
  const saleId = params.get('sale');
  const saleTerminal = params.get('saleTerminal');
  const day = params.get('day') ?? '';
  const billDay = params.get('billDay') ?? '';
  return {
    tab: oneOf(TABS, params.get('tab')) ?? DEFAULT_VIEW.tab,
    period: readPeriod(params),
    compare: oneOf(COMPARISONS, params.get('compare')) ?? DEFAULT_VIEW.compare,
    ...(isCalendarDate(day) ? { day } : {}),
    ...(isCalendarDate(billDay) ? { billDay } : {}),
    ...(merchant ? { merchant } : {}),
    filters: readFilters(params),
    ...(saleId && saleTerminal ? { sale: { id: saleId, terminalId: saleTerminal } } : {}),
  };
}

/** The query string of a view ("?tab=transactions&range=last7"), leaving out what is the default. */
export function writeViewState(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.tab !== DEFAULT_VIEW.tab) params.set('tab', view.tab);
  if ('preset' in view.period) {
    if (view.period.preset !== 'today') params.set('range', view.period.preset);
  } else {
    params.set('range', 'custom');
    params.set('from', view.period.range.from);
    params.set('to', view.period.range.to);
  }
  if (view.compare !== DEFAULT_VIEW.compare) params.set('compare', view.compare);
  if (view.day) params.set('day', view.day);
  if (view.billDay) params.set('billDay', view.billDay);
  if (view.merchant) params.set('merchant', view.merchant);
  for (const key of FILTER_KEYS) {
    const value = view.filters[key];
    if (value) params.set(key, value);
  }
  if (view.filters.refunded) params.set('refunded', view.filters.refunded);
  if (view.sale) {
    params.set('sale', view.sale.id);
    params.set('saleTerminal', view.sale.terminalId);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The days the view shows, on the merchant's today. */
export function periodRange(period: Period, today: CalendarDate): DateRange {
  return 'preset' in period ? presetRange(period.preset, today) : period.range;
}

/** The end of day's day: the one asked for, or the merchant's today when none is, or one still to come is. */
export function endOfDayDay(view: ViewState, today: CalendarDate): CalendarDate {
  return view.day !== undefined && view.day <= today ? view.day : today;
}

/** The reconciliation's day: the one asked for, or the merchant's yesterday (the last whole day, whose bills come today) when none is, or one still to come is. */
export function reconciliationDay(view: ViewState, today: CalendarDate): CalendarDate {
  return view.billDay !== undefined && view.billDay <= today ? view.billDay : addDays(today, -1);
}

import { addDays, daysBetween, endOfMonth, isCalendarDate, startOfMonth, type CalendarDate } from './calendar-date';

export const PRESETS = ['today', 'yesterday', 'last7', 'thisMonth', 'lastMonth'] as const;
export type Preset = (typeof PRESETS)[number];

/** Days of the merchant's calendar, both included. */
export interface DateRange {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

/** previous: the same number of days just before; lastWeek: the same days one week earlier. */
export const COMPARISONS = ['previous', 'lastWeek'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** The range a preset names, on the merchant's `today`. */
export function presetRange(preset: Preset, today: CalendarDate): DateRange {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'thisMonth':
      return { from: startOfMonth(today), to: today };
    case 'lastMonth': {
      const lastDay = addDays(startOfMonth(today), -1);
      return { from: startOfMonth(lastDay), to: endOfMonth(lastDay) };
    }
  }
}

export function rangeLength(range: DateRange): number {
  return daysBetween(range.from, range.to) + 1;
}

export function isValidRange(range: DateRange): boolean {
  return isCalendarDate(range.from) && isCalendarDate(range.to) && range.from <= range.to;
}

/** The period the figures are compared with. */
export function comparedRange(range: DateRange, comparison: Comparison): DateRange {
  const shift = comparison === 'lastWeek' ? 7 : rangeLength(range);
  return { from: addDays(range.from, -shift), to: addDays(range.to, -shift) };
}

/** Every day of the range, oldest first. */
export function rangeDays(range: DateRange): CalendarDate[] {
  return Array.from({ length: rangeLength(range) }, (_, i) => addDays(range.from, i));
}

/** As the API takes it: dates alone, read in the merchant's zone; `to` exclusive, the day after the last. */
export function apiPeriod(range: DateRange): { from: CalendarDate; to: CalendarDate } {
  return { from: range.from, to: addDays(range.to, 1) };
}

import type { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/use-t';
import type { Period } from '../state/view-state';
import type { CalendarDate } from '../time/calendar-date';
import { isValidRange, PRESETS, type DateRange, type Preset } from '../time/date-range';
import { useFormat } from '../format/use-format';
import { useReportSession } from '../report/report-session';

const PRESET_LABEL: Record<Preset, MessageId> = {
  today: 'period.today',
  yesterday: 'period.yesterday',
  last7: 'period.last7',
  thisMonth: 'period.thisMonth',
  lastMonth: 'period.lastMonth',
};

interface PeriodPickerProps {
  readonly period: Period;
  /** The days it names now, on the merchant's today. */
  readonly range: DateRange;
  readonly today: CalendarDate;
  onPeriod(period: Period): void;
}

/** Presets and custom days, all days of the merchant's calendar (the zone is said next to them). */
export function PeriodPicker({ period, range, today, onPeriod }: PeriodPickerProps) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const choice = 'preset' in period ? period.preset : 'custom';
  const pick = (value: string) => {
    const preset = PRESETS.find((p) => p === value);
    onPeriod(preset ? { preset } : { range });
  };
  const setDay = (bound: keyof DateRange, day: string) => {
    const next = { ...range, [bound]: day };
    if (isValidRange(next)) onPeriod({ range: next });
  };

  return (
    <fieldset className="period">
      <legend className="visually-hidden">{t('period.legend')}</legend>
      <label>
        <span className="visually-hidden">{t('period.preset')}</span>
        <select value={choice} onChange={(event) => pick(event.target.value)} data-testid="period">
          {PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t(PRESET_LABEL[preset])}
            </option>
          ))}
          <option value="custom">{t('period.custom')}</option>
        </select>
      </label>
      {choice === 'custom' && (
        <>
          <label>
            <span>{t('period.from')}</span>
            <input type="date" value={range.from} max={range.to} onChange={(event) => setDay('from', event.target.value)} data-testid="period-from" />
          </label>
          <label>
            <span>{t('period.to')}</span>
            <input type="date" value={range.to} min={range.from} max={today} onChange={(event) => setDay('to', event.target.value)} data-testid="period-to" />
          </label>
        </>
      )}
      <p className="muted period-days" data-testid="period-days">
        {t('period.days', { from: format.day(range.from), to: format.day(range.to), zone: merchant.timeZone, sameDay: range.from === range.to ? 'yes' : 'no' })}
      </p>
    </fieldset>
  );
}

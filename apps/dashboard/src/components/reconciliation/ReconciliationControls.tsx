import { useT } from '../../i18n/use-t';
import { isCalendarDate, type CalendarDate } from '../../time/calendar-date';

/** Which day's bills the tab reconciles (the merchant's calendar; none to come). */
export function ReconciliationControls({ day, today, onDay }: { readonly day: CalendarDate; readonly today: CalendarDate; onDay(day: CalendarDate): void }) {
  const t = useT();
  const pick = (value: string) => isCalendarDate(value) && value <= today && onDay(value);
  return (
    <form className="filters" onSubmit={(event) => event.preventDefault()}>
      <label>
        <span>{t('reconciliation.day')}</span>
        <input type="date" value={day} max={today} required onChange={(event) => pick(event.target.value)} data-testid="reconciliation-day" />
      </label>
    </form>
  );
}

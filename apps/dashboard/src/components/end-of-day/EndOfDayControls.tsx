import { useT } from '../../i18n/use-t';
import { isCalendarDate, type CalendarDate } from '../../time/calendar-date';
import { TerminalSelect } from '../TerminalSelect';

interface EndOfDayControlsProps {
  readonly day: CalendarDate;
  /** The merchant's today: no later day can be picked. */
  readonly today: CalendarDate;
  readonly terminal?: string;
  readonly terminals: readonly string[];
  onDay(day: CalendarDate): void;
  onTerminal(terminal: string | undefined): void;
}

/** Which day and terminal the end of day is of, and its print; none of them is printed. */
export function EndOfDayControls({ day, today, terminal, terminals, onDay, onTerminal }: EndOfDayControlsProps) {
  const t = useT();
  const pick = (value: string) => isCalendarDate(value) && value <= today && onDay(value);
  return (
    <form className="filters no-print" onSubmit={(event) => event.preventDefault()}>
      <label>
        <span>{t('endOfDay.day')}</span>
        <input type="date" value={day} max={today} required onChange={(event) => pick(event.target.value)} data-testid="end-of-day-day" />
      </label>
      <TerminalSelect terminal={terminal} terminals={terminals} onTerminal={onTerminal} testId="end-of-day-terminal" />
      <button type="button" className="primary print" onClick={() => window.print()} data-testid="print">
        {t('endOfDay.print')}
      </button>
    </form>
  );
}

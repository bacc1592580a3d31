import type { CalendarDate } from '../../time/calendar-date';
import { ReconciliationControls } from './ReconciliationControls';
import { ReconciliationDay } from './ReconciliationDay';

interface ReconciliationProps {
  readonly day: CalendarDate;
  /** The merchant's today: no later day can be picked. */
  readonly today: CalendarDate;
  onDay(day: CalendarDate): void;
  onOpen(sale: { id: string; terminalId: string }): void;
}

/** 对账: the outside bills of a day against the ledger; another day starts afresh (its uploads and decisions apart). */
export function Reconciliation({ day, today, onDay, onOpen }: ReconciliationProps) {
  return (
    <div className="reconciliation-tab">
      <ReconciliationControls day={day} today={today} onDay={onDay} />
      <ReconciliationDay key={day} day={day} onOpen={onOpen} />
    </div>
  );
}

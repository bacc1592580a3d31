import { END_OF_DAY_QUERY } from '../../api/documents';
import type { EndOfDay as EndOfDayReport } from '../../api/report-types';
import { useFormat } from '../../format/use-format';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { useReport } from '../../report/use-report';
import type { CalendarDate } from '../../time/calendar-date';
import { ReportState } from '../ReportState';
import { BatchList } from '../settlements/BatchList';
import { ShiftTable } from '../shifts/ShiftTable';
import { DayFigures } from './DayFigures';
import { EndOfDayControls } from './EndOfDayControls';

interface EndOfDayData {
  readonly endOfDay: EndOfDayReport;
  readonly terminals: readonly { readonly terminalId: string }[];
}

interface EndOfDayProps {
  readonly day: CalendarDate;
  readonly today: CalendarDate;
  /** One terminal's day; the whole merchant's when undefined. */
  readonly terminal?: string;
  onDay(day: CalendarDate): void;
  onTerminal(terminal: string | undefined): void;
}

/** 日结: a day's close, of the merchant or of one terminal, to read on screen or print as the day's sheet. */
export function EndOfDay({ day, today, terminal, onDay, onTerminal }: EndOfDayProps) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const report = useReport<EndOfDayData>(END_OF_DAY_QUERY, { day, ...(terminal ? { terminalId: terminal } : {}) });
  const data = report.data?.endOfDay;

  return (
    <div className="end-of-day" aria-busy={report.loading}>
      <EndOfDayControls day={day} today={today} terminal={terminal} terminals={(report.data?.terminals ?? []).map((row) => row.terminalId)} onDay={onDay} onTerminal={onTerminal} />
      <ReportState report={report} />
      {data && (
        <>
          <section className="card" aria-labelledby="end-of-day-heading">
            <h2 id="end-of-day-heading">{t('endOfDay.title', { merchant: merchant.name, day: format.day(data.day) })}</h2>
            <p className="muted">{t('endOfDay.explain', { zone: merchant.timeZone })}</p>
            <p data-testid="end-of-day-scope">
              {t('endOfDay.scope', { whole: data.terminalId === null ? 'yes' : 'no', terminal: data.terminalId ?? '', from: format.dateTime(data.from), to: format.dateTime(data.to) })}
            </p>
            <DayFigures day={data} />
          </section>
          <section className="card" aria-labelledby="end-of-day-batches-heading">
            <h2 id="end-of-day-batches-heading">{t('endOfDay.batches')}</h2>
            <BatchList batches={data.settlements} />
          </section>
          <section className="card" aria-labelledby="end-of-day-shifts-heading">
            <h2 id="end-of-day-shifts-heading">{t('endOfDay.shifts')}</h2>
            {data.shifts.length === 0 ? <p role="status">{t('endOfDay.noShifts')}</p> : <ShiftTable shifts={data.shifts} />}
          </section>
        </>
      )}
    </div>
  );
}

import type { ExportName } from '../api/export-download';
import { useT } from '../i18n/use-t';
import { useReportSession } from '../report/report-session';
import { useDownload } from '../report/use-download';
import type { Tab, TransactionFilters } from '../state/view-state';
import type { CalendarDate } from '../time/calendar-date';
import { apiPeriod, type DateRange } from '../time/date-range';
import { filterArguments } from '../state/filter-arguments';

interface ExportButtonProps {
  readonly tab: Tab;
  readonly range: DateRange;
  readonly filters: TransactionFilters;
  /** The reconciliation tab's bill day. */
  readonly day: CalendarDate;
}

/**
 * The export of each tab: the server's file of what the tab shows (the balances tab: the journal behind them; the
 * payouts tab: the period's payouts by value date, a row per line; the reconciliation tab: the day's discrepancies).
 */
const EXPORT_OF: Record<Tab, ExportName | undefined> = {
  overview: 'sales',
  transactions: 'transactions',
  settlements: 'settlement-batches',
  balances: 'ledger',
  payouts: 'payouts',
  shifts: undefined,
  'end-of-day': undefined,
  reconciliation: 'reconciliation',
  terminals: undefined,
};

/** The auditors' journal (balances tab) comes as CSV only; the report views also as an Excel workbook. */
type ExportFormat = 'csv' | 'xlsx';

export function ExportButton({ tab, range, filters, day }: ExportButtonProps) {
  const t = useT();
  const session = useReportSession();
  const { busy, error, download } = useDownload();
  const name = EXPORT_OF[tab];
  if (name === undefined) return null;

  const parameters = (format: ExportFormat): Record<string, string> => {
    if (tab === 'reconciliation') return { date: day, format };
    const period = apiPeriod(range);
    const base: Record<string, string> = { from: period.from, to: period.to, format };
    if (tab === 'overview') return { ...base, groupBy: 'DAY', splitBy: 'PAYMENT_METHOD' };
    if (tab === 'transactions') {
      const { refunded, ...rest } = filterArguments(filters, range, session.merchant.currencyExponent);
      return { ...base, ...rest, ...(refunded === undefined ? {} : { refunded: String(refunded) }) };
    }
    return base;
  };

  return (
    <div className="export">
      <button type="button" onClick={() => void download(name, parameters('csv'))} disabled={busy} data-testid="export">
        {t('export.button')}
      </button>
      {name !== 'ledger' && (
        <button type="button" onClick={() => void download(name, parameters('xlsx'))} disabled={busy} data-testid="export-xlsx">
          {t('export.xlsx')}
        </button>
      )}
      {error && (
        <p className="alert alert-error" role="alert">
          {t('export.failed')} <span lang="en">{error}</span>
        </p>
      )}
    </div>
  );
}

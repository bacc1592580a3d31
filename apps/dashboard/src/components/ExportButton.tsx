import { useState } from 'react';
import { downloadExport, type ExportName } from '../api/export-download';
import { ReportError, TokenRefusedError } from '../api/graphql-client';
import { useT } from '../i18n/use-t';
import { useReportSession } from '../report/report-session';
import type { Tab, TransactionFilters } from '../state/view-state';
import { apiPeriod, type DateRange } from '../time/date-range';
import { filterArguments } from '../state/filter-arguments';

interface ExportButtonProps {
  readonly tab: Tab;
  readonly range: DateRange;
  readonly filters: TransactionFilters;
}

/** The export of each tab: the server's file of what the tab shows (the balances tab: the journal behind them). */
const EXPORT_OF: Record<Tab, ExportName | undefined> = { overview: 'sales', transactions: 'transactions', settlements: 'settlement-batches', balances: 'ledger', shifts: undefined, 'end-of-day': undefined, terminals: undefined };

/** The auditors' journal (balances tab) comes as CSV only; the report views also as an Excel workbook. */
type ExportFormat = 'csv' | 'xlsx';

export function ExportButton({ tab, range, filters }: ExportButtonProps) {
  const t = useT();
  const session = useReportSession();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const name = EXPORT_OF[tab];
  if (name === undefined) return null;

  const parameters = (format: ExportFormat): Record<string, string> => {
    const period = apiPeriod(range);
    const base: Record<string, string> = { ...(session.merchantId ? { merchantId: session.merchantId } : {}), from: period.from, to: period.to, format };
    if (tab === 'overview') return { ...base, groupBy: 'DAY', splitBy: 'PAYMENT_METHOD' };
    if (tab === 'transactions') {
      const { refunded, ...rest } = filterArguments(filters, range, session.merchant.currencyExponent);
      return { ...base, ...rest, ...(refunded === undefined ? {} : { refunded: String(refunded) }) };
    }
    return base;
  };

  const download = async (format: ExportFormat) => {
    setState({ busy: true });
    try {
      await downloadExport(session.token, name, parameters(format));
      setState({ busy: false });
    } catch (error) {
      if (error instanceof TokenRefusedError) return session.refused(error);
      setState({ busy: false, error: error instanceof ReportError ? error.message : String(error) });
    }
  };

  return (
    <div className="export">
      <button type="button" onClick={() => void download('csv')} disabled={state.busy} data-testid="export">
        {t('export.button')}
      </button>
      {name !== 'ledger' && (
        <button type="button" onClick={() => void download('xlsx')} disabled={state.busy} data-testid="export-xlsx">
          {t('export.xlsx')}
        </button>
      )}
      {state.error && (
        <p className="alert alert-error" role="alert">
          {t('export.failed')} <span lang="en">{state.error}</span>
        </p>
      )}
    </div>
  );
}

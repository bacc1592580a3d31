import { PAYOUTS_QUERY } from '../../api/documents';
import type { Balance, Dispute, Payout, Statement } from '../../api/report-types';
import { useT } from '../../i18n/use-t';
import { useReport } from '../../report/use-report';
import { addDays } from '../../time/calendar-date';
import { apiPeriod, type DateRange } from '../../time/date-range';
import { ReportState } from '../ReportState';
import { BalanceStrip } from './BalanceStrip';
import { DisputeTable } from './DisputeTable';
import { PayoutTable } from './PayoutTable';
import { StatementTable } from './StatementTable';

interface PayoutsData {
  readonly balances: Balance[];
  readonly payouts: Payout[];
  readonly statements: Statement[];
  readonly disputes: Dispute[];
}

interface PayoutsProps {
  readonly range: DateRange;
  onOpen(sale: { id: string; terminalId: string }): void;
}

// A payout is valued up to 30 days after its cut-off (the longest schedule): what the period cut off shows, paid or upcoming.
const LONGEST_DELAY_DAYS = 30;

/** The money going out: balances now, the payouts valued in the period or to come, its daily statements, and every dispute. */
export function Payouts({ range, onOpen }: PayoutsProps) {
  const t = useT();
  const period = apiPeriod(range);
  const report = useReport<PayoutsData>(PAYOUTS_QUERY, { ...period, valuedBefore: addDays(period.to, LONGEST_DELAY_DAYS) });
  if (!report.data) return <ReportState report={report} />;
  const { balances, payouts, statements, disputes } = report.data;

  return (
    <div className="payouts-tab" aria-busy={report.loading}>
      <ReportState report={report} />
      <p className="muted">{t('payouts.explain')}</p>
      <BalanceStrip balances={balances} />
      <section className="card" aria-labelledby="payouts-heading" data-section="payouts">
        <h2 id="payouts-heading">{t('payouts.title')}</h2>
        <PayoutTable payouts={payouts} />
      </section>
      <section className="card" aria-labelledby="statements-heading" data-section="statements">
        <h2 id="statements-heading">{t('statements.title')}</h2>
        <p className="muted">{t('statements.explain')}</p>
        <StatementTable statements={statements} />
      </section>
      <section className="card" aria-labelledby="disputes-heading" data-section="disputes">
        <h2 id="disputes-heading">{t('disputes.title')}</h2>
        <p className="muted">{t('disputes.explain')}</p>
        <DisputeTable disputes={disputes} onOpen={onOpen} />
      </section>
    </div>
  );
}

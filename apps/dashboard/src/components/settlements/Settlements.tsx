import { SETTLEMENTS_QUERY } from '../../api/documents';
import type { SettlementBatch, TerminalSequence } from '../../api/report-types';
import { useT } from '../../i18n/use-t';
import { useReport } from '../../report/use-report';
import { apiPeriod, type DateRange } from '../../time/date-range';
import { ReportState } from '../ReportState';
import { BatchList } from './BatchList';
import { SequenceGaps } from './SequenceGaps';

interface SettlementsData {
  readonly settlementBatches: SettlementBatch[];
  readonly terminalSequences: TerminalSequence[];
}

/** Did every batch reconcile: the period's batches, newest first, and the terminals whose events wait on a gap. */
export function Settlements({ range }: { readonly range: DateRange }) {
  const t = useT();
  const report = useReport<SettlementsData>(SETTLEMENTS_QUERY, apiPeriod(range));
  if (!report.data) return <ReportState report={report} />;
  const batches = [...report.data.settlementBatches].reverse();
  const mismatched = batches.filter((batch) => batch.status === 'MISMATCH').length;

  return (
    <div className="settlements" aria-busy={report.loading}>
      <ReportState report={report} />
      <section className="card" aria-labelledby="batches-heading">
        <h2 id="batches-heading">{t('settlements.batches')}</h2>
        <p data-testid="batches-summary">{t('settlements.summary', { batches: batches.length, mismatched })}</p>
        <BatchList batches={batches} />
      </section>
      <section className="card" aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">{t('settlements.gaps')}</h2>
        <SequenceGaps sequences={report.data.terminalSequences} />
      </section>
    </div>
  );
}

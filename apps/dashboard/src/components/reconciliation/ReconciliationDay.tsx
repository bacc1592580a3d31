import { useState } from 'react';
import { RECONCILIATION_QUERY } from '../../api/documents';
import type { Reconciliation } from '../../api/report-types';
import { isUndecided, showsDecision, showsImport } from '../../figures/reconciliation-figures';
import { useFormat } from '../../format/use-format';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { useCatchUpReport } from '../../report/use-catch-up';
import type { CalendarDate } from '../../time/calendar-date';
import { ReportState } from '../ReportState';
import { BillFileTable } from './BillFileTable';
import { BillUpload } from './BillUpload';
import { DiscrepancyTable } from './DiscrepancyTable';
import { ReconciliationStatus } from './ReconciliationStatus';
import { ThreeWayTables } from './ThreeWayTables';

interface ReconciliationDayProps {
  readonly day: CalendarDate;
  onOpen(sale: { id: string; terminalId: string }): void;
}

/** A day's reconciliation: where it stands and the upload, the files imported, the discrepancies to decide, the three-way match. */
export function ReconciliationDay({ day, onOpen }: ReconciliationDayProps) {
  const t = useT();
  const session = useReportSession();
  const format = useFormat(session.merchant.timeZone);
  const { report, waiting, lagging, until } = useCatchUpReport<{ reconciliation: Reconciliation }>(RECONCILIATION_QUERY, { date: day });
  const data = report.data?.reconciliation;
  /** A discrepancy this tab tried to decide that was decided finally elsewhere. */
  const [decidedBefore, setDecidedBefore] = useState<string>();
  // Auditors read; only the merchant's own token imports bills and decides.
  const writes = session.merchantId === undefined;

  return (
    <>
      <section className="card" aria-labelledby="reconciliation-heading" data-section="reconciliation" aria-busy={report.loading}>
        <h2 id="reconciliation-heading">{t('reconciliation.title', { day: format.day(day) })}</h2>
        <p className="muted">{t('reconciliation.explain', { zone: session.merchant.timeZone })}</p>
        <ReportState report={report} />
        {data && <ReconciliationStatus reconciliation={data} />}
        <div aria-live="polite">
          {waiting && <p className="muted" data-testid="catching-up">{t('reconciliation.waiting')}</p>}
          {lagging && <p className="alert">{t('reconciliation.lagging')}</p>}
        </div>
        {writes ? <BillUpload day={day} onImported={(answer) => until((shown) => showsImport(shown.reconciliation, answer))} /> : <p className="muted">{t('reconciliation.auditor')}</p>}
      </section>
      {data && (
        <>
          <section className="card" aria-labelledby="bill-files-heading" data-section="bill-files">
            <h2 id="bill-files-heading">{t('billFiles.title')}</h2>
            <p className="muted">{t('billFiles.explain')}</p>
            <BillFileTable files={data.files} />
          </section>
          <section className="card" aria-labelledby="discrepancies-heading" data-section="discrepancies">
            <h2 id="discrepancies-heading">{t('discrepancies.title')}</h2>
            <p className="muted">{t('discrepancies.explain')}</p>
            <div aria-live="polite">
              {decidedBefore && (
                <p className="alert" data-testid="decided-before">
                  {t('decide.alreadyDecided', { id: decidedBefore })}
                </p>
              )}
            </div>
            <DiscrepancyTable
              discrepancies={data.discrepancies}
              writes={writes}
              onOpen={onOpen}
              onDecided={(answer) => {
                setDecidedBefore(undefined);
                until((shown) => showsDecision(shown.reconciliation, answer));
              }}
              onDecidedBefore={(id) => {
                setDecidedBefore(id);
                until((shown) => shown.reconciliation.discrepancies.some((found) => found.id === id && !isUndecided(found.status)));
              }}
            />
          </section>
          <section className="card" aria-labelledby="three-way-heading" data-section="three-way">
            <h2 id="three-way-heading">{t('threeWay.title')}</h2>
            <p className="muted">{t('threeWay.explain')}</p>
            <ThreeWayTables lines={data.threeWay} />
          </section>
        </>
      )}
    </>
  );
}

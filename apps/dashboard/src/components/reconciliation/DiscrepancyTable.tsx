import type { DecisionAnswer } from '../../api/back-office-answers';
import type { Discrepancy } from '../../api/report-types';
import { useT } from '../../i18n/use-t';
import { RowTable } from '../RowTable';
import { DiscrepancyRow } from './DiscrepancyRow';
import { useOpenTrade } from './use-open-trade';

interface DiscrepancyTableProps {
  readonly discrepancies: readonly Discrepancy[];
  /** The merchant's token: an open discrepancy can be decided. */
  readonly writes: boolean;
  onOpen(sale: { id: string; terminalId: string }): void;
  onDecided(answer: DecisionAnswer): void;
  /** The API said it was decided finally before (another person, another tab). */
  onDecidedBefore(id: string): void;
}

/** The discrepancies of the day's current bills, by id: each side's amount and fee, where it stands, and its decision. */
export function DiscrepancyTable({ discrepancies, writes, onOpen, onDecided, onDecidedBefore }: DiscrepancyTableProps) {
  const t = useT();
  const trade = useOpenTrade(onOpen);
  if (discrepancies.length === 0) return <p role="status">{t('discrepancies.none')}</p>;
  const headers = [
    t('discrepancies.id'), t('discrepancies.source'), t('discrepancies.kind'), t('discrepancies.reference'), t('discrepancies.line'), t('discrepancies.transaction'),
    t('discrepancies.amount'), t('discrepancies.fee'), t('discrepancies.status'), t('discrepancies.decision'),
  ];

  return (
    <>
      {trade.message && (
        <p className="alert" role="status" data-testid="open-trade-message">
          {trade.message}
        </p>
      )}
      <RowTable name="discrepancies" className="discrepancies" caption={t('discrepancies.title')} headers={headers} numberColumns={[4, 6, 7]}>
        {discrepancies.map((found) => (
          <DiscrepancyRow key={found.id} discrepancy={found} headers={headers} writes={writes} onOpenTrade={() => void trade.open(found)} onDecided={onDecided} onDecidedBefore={onDecidedBefore} />
        ))}
      </RowTable>
    </>
  );
}

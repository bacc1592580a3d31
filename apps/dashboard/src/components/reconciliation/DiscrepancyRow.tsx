import type { DecisionAnswer } from '../../api/back-office-answers';
import type { Discrepancy } from '../../api/report-types';
import { isUndecided } from '../../figures/reconciliation-figures';
import type { Money } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { billSourceLabel, discrepancyKindLabel, discrepancyStatusLabel, tradeKindLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { StatusBadge } from '../payouts/StatusBadge';
import { discrepancyTone } from '../payouts/status-tone';
import { DecideForm } from './DecideForm';
import { DecisionNote } from './DecisionNote';

interface DiscrepancyRowProps {
  readonly discrepancy: Discrepancy;
  readonly headers: readonly string[];
  readonly writes: boolean;
  onOpenTrade(): void;
  onDecided(answer: DecisionAnswer): void;
  onDecidedBefore(id: string): void;
}

/** One discrepancy: the bill's side and the ledger's, bill / ledger (the figures that differ marked), its status, its decision or the form to take one. */
export function DiscrepancyRow({ discrepancy: found, headers, writes, onOpenTrade, onDecided, onDecidedBefore }: DiscrepancyRowProps) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const money = (amount: Money | null) => (amount ? format.money(amount) : '–');
  const figure = (differs: boolean) => (differs ? 'number differs' : 'number');
  const decidable = writes && isUndecided(found.status);

  return (
    <tr data-discrepancy={found.id} data-status={found.status} data-kind={found.kind}>
      <th scope="row" className="mono">{found.id}</th>
      <td data-label={headers[1]} data-testid="discrepancy-source">{billSourceLabel(t, found.source)}</td>
      <td data-label={headers[2]}>
        <span>
          <span data-testid="discrepancy-kind">{discrepancyKindLabel(t, found.kind)}</span> · <span data-testid="discrepancy-trade">{tradeKindLabel(t, found.tradeKind)}</span>
        </span>
      </td>
      <td data-label={headers[3]} className="mono" data-testid="discrepancy-reference">{found.reference}</td>
      <td data-label={headers[4]} className="number" data-testid="discrepancy-line">{found.lineNumber ?? '–'}</td>
      <td data-label={headers[5]} data-testid="discrepancy-transaction">
        {found.transactionId && found.terminalId ? (
          <button type="button" className="link" onClick={onOpenTrade} aria-label={t('discrepancies.openTransaction', { id: found.transactionId })}>
            <span className="mono">{found.transactionId}</span>
          </button>
        ) : (
          '–'
        )}
      </td>
      <td data-label={headers[6]} className={figure(found.kind === 'AMOUNT_DIFFERS')}>
        <span>
          <span className="money" data-testid="bill-amount">{money(found.billAmount)}</span> / <span className="money" data-testid="ledger-amount">{money(found.ledgerAmount)}</span>
        </span>
      </td>
      <td data-label={headers[7]} className={figure(found.kind === 'FEE_DIFFERS')}>
        <span>
          <span className="money" data-testid="bill-fee">{money(found.billFee)}</span> / <span className="money" data-testid="ledger-fee">{money(found.ledgerFee)}</span>
        </span>
      </td>
      <td data-label={headers[8]}>
        <StatusBadge tone={discrepancyTone(found.status)} label={discrepancyStatusLabel(t, found.status)} testId="discrepancy-status" />
      </td>
      <td className="decision-cell">
        {found.decision && <DecisionNote decision={found.decision} />}
        {decidable && <DecideForm discrepancyId={found.id} onDecided={onDecided} onDecidedBefore={onDecidedBefore} />}
        {!found.decision && !decidable && '–'}
      </td>
    </tr>
  );
}

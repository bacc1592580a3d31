import type { Reconciliation } from '../../api/report-types';
import { undecidedCount } from '../../figures/reconciliation-figures';
import { reconciliationDayLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { StatusBadge } from '../payouts/StatusBadge';
import { reconciliationTone } from '../payouts/status-tone';

/** Where the day stands: no bills, every bill matched, how many discrepancies await a decision, or every one decided. */
export function ReconciliationStatus({ reconciliation }: { readonly reconciliation: Reconciliation }) {
  const t = useT();
  const { status, discrepancies } = reconciliation;
  return (
    <p className="status-line" data-testid="reconciliation-status" data-status={status}>
      <StatusBadge tone={reconciliationTone(status)} label={reconciliationDayLabel(t, status)} testId="reconciliation-badge" />
      <span data-testid="reconciliation-summary">{t('reconciliation.status', { status, open: undecidedCount(discrepancies) })}</span>
    </p>
  );
}

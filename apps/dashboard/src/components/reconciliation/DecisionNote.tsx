import type { DiscrepancyDecision } from '../../api/report-types';
import { useFormat } from '../../format/use-format';
import { decisionLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';

/** Who decided what about a discrepancy, when, and why. */
export function DecisionNote({ decision }: { readonly decision: DiscrepancyDecision }) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  return (
    <div className="decided" data-testid="discrepancy-decided" data-decision={decision.decision} data-by={decision.decidedBy}>
      <p>{t('discrepancies.decided', { decision: decision.decision, label: decisionLabel(t, decision.decision), who: decision.decidedBy, at: format.dateTime(decision.decidedAt) })}</p>
      {decision.note && <p className="muted">{t('discrepancies.note', { note: decision.note })}</p>}
    </div>
  );
}

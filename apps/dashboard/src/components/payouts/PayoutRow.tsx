import { useState } from 'react';
import type { Payout } from '../../api/report-types';
import { useFormat } from '../../format/use-format';
import { payoutStatusLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { PayoutLines } from './PayoutLines';
import { StatusBadge } from './StatusBadge';
import { payoutTone } from './status-tone';

/** One payout, and under it, once opened, its lines: a body of its own, so that the two rows stay together. */
export function PayoutRow({ payout, headers }: { readonly payout: Payout; readonly headers: readonly string[] }) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const [open, setOpen] = useState(false);
  const linesId = `payout-lines-${payout.id}`;
  const reference = payout.status === 'FAILED' && payout.failureReason ? t('payouts.failed', { reason: payout.failureReason }) : (payout.bankReference ?? '–');

  return (
    <tbody data-payout={payout.id} data-status={payout.status}>
      <tr>
        <th scope="row">
          <button type="button" className="link disclosure" aria-expanded={open} {...(open ? { 'aria-controls': linesId } : {})} onClick={() => setOpen(!open)} data-testid="payout-toggle">
            <span aria-hidden="true">{open ? '▾' : '▸'} </span>
            {payout.id}
          </button>
        </th>
        <td data-label={headers[1]}>{format.day(payout.valueDate)}</td>
        <td data-label={headers[2]}>
          <StatusBadge tone={payoutTone(payout.status)} label={payoutStatusLabel(t, payout.status)} testId="payout-status" />
        </td>
        <td data-label={headers[3]} className="number" data-testid="payout-amount">
          {format.money(payout.amount)}
        </td>
        <td data-label={headers[4]} data-testid="payout-reference">
          {reference}
        </td>
      </tr>
      {open && (
        <tr className="payout-detail">
          <td id={linesId} colSpan={headers.length}>
            <PayoutLines payout={payout} />
          </td>
        </tr>
      )}
    </tbody>
  );
}

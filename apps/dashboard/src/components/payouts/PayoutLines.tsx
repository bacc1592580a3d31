import type { Payout } from '../../api/report-types';
import { lineReference, payoutLinesAddUp, payoutLineTotals } from '../../figures/payout-figures';
import { useFormat } from '../../format/use-format';
import { ledgerEventLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';

/** The ledger events a payout pays, what it brings forward, and their totals: its settled funds and fees. */
export function PayoutLines({ payout }: { readonly payout: Payout }) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const money = (minor: bigint) => format.amount(minor, payout.currency, payout.amount.exponent);
  const totals = payoutLineTotals(payout);
  const headers = [t('payouts.line.event'), t('payouts.line.reference'), t('payouts.line.terminal'), t('payouts.line.settled'), t('payouts.line.fees')];
  const reference = (text: string) => {
    const parsed = lineReference(text);
    return 'batch' in parsed ? t('terminals.batch', { batch: parsed.batch }) : parsed.id;
  };

  return (
    <div className="payout-lines">
      <table data-table="payout-lines">
        <caption>{t('payouts.lines', { id: payout.id })}</caption>
        <thead>
          <tr>
            {headers.map((header, i) => (
              <th key={header} scope="col" className={i >= 3 ? 'number' : undefined}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {payout.lines.map((line) => (
            <tr key={`${line.position} ${line.reference}`} data-line={line.eventType}>
              <th scope="row">{ledgerEventLabel(t, line.eventType)}</th>
              <td data-label={headers[1]}>{reference(line.reference)}</td>
              <td data-label={headers[2]}>{line.terminalId}</td>
              <td data-label={headers[3]} className="number">
                {format.money(line.settled)}
              </td>
              <td data-label={headers[4]} className="number">
                {format.money(line.fees)}
              </td>
            </tr>
          ))}
          {payout.broughtForward && (
            <tr data-line="brought-forward">
              <th scope="row">{t('payouts.broughtForward')}</th>
              <td data-label={headers[1]}>{t('payouts.broughtForwardNote')}</td>
              <td data-label={headers[2]}>–</td>
              <td data-label={headers[3]} className="number" data-testid="brought-forward-settled">
                {format.money(payout.broughtForward.settled)}
              </td>
              <td data-label={headers[4]} className="number" data-testid="brought-forward-fees">
                {format.money(payout.broughtForward.fees)}
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('table.total')}</th>
            <td />
            <td />
            <td data-label={headers[3]} className="number" data-testid="lines-total-settled">
              {money(totals.settled)}
            </td>
            <td data-label={headers[4]} className="number" data-testid="lines-total-fees">
              {money(totals.fees)}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="muted">{t('payouts.paysNet', { settled: format.money(payout.settled), fees: format.money(payout.fees), amount: format.money(payout.amount) })}</p>
      {!payoutLinesAddUp(payout) && (
        <p className="alert alert-error" role="alert">
          {t('payouts.linesDisagree', { settled: format.money(payout.settled), fees: format.money(payout.fees) })}
        </p>
      )}
    </div>
  );
}

import type { Balance } from '../../api/report-types';
import { useT } from '../../i18n/use-t';
import { BalanceFigures, type BalanceKey } from '../balances/BalanceFigures';

/** The balances money goes out of and into: owed, held in disputes, on the way to the bank, and in it. */
const OUTGOING: readonly BalanceKey[] = ['available', 'held', 'inTransit', 'paidOut'];

/** Where the merchant's money stands now, per currency (of all time, not of the period). */
export function BalanceStrip({ balances }: { readonly balances: readonly Balance[] }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="payout-balances-heading" data-section="balances">
      <h2 id="payout-balances-heading">{t('balance.title')}</h2>
      {balances.length === 0 ? (
        <p role="status">{t('balance.none')}</p>
      ) : (
        balances.map((balance) => <BalanceFigures key={balance.currency} balance={balance} keys={OUTGOING} notes={false} />)
      )}
    </section>
  );
}

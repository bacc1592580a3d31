import type { Payout } from '../../api/report-types';
import { newestPayoutsFirst } from '../../figures/payout-figures';
import { useT } from '../../i18n/use-t';
import { PayoutRow } from './PayoutRow';

/** The period's payouts by value date, newest first; each row opens to the lines it pays. */
export function PayoutTable({ payouts }: { readonly payouts: readonly Payout[] }) {
  const t = useT();
  if (payouts.length === 0) return <p role="status">{t('payouts.none')}</p>;
  const headers = [t('payouts.id'), t('payouts.valueDate'), t('payouts.status'), t('payouts.amount'), t('payouts.reference')];
  return (
    <table className="payouts" data-table="payouts">
      <caption className="visually-hidden">{t('payouts.title')}</caption>
      <thead>
        <tr>
          {headers.map((header, i) => (
            <th key={header} scope="col" className={i === 3 ? 'number' : undefined}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      {newestPayoutsFirst(payouts).map((payout) => (
        <PayoutRow key={payout.id} payout={payout} headers={headers} />
      ))}
    </table>
  );
}

import type { Balance } from '../../api/report-types';
import { useFormat } from '../../format/use-format';
import type { MessageId } from '../../i18n/messages.en';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';

export type BalanceKey = 'pending' | 'settled' | 'fees' | 'available' | 'held' | 'inTransit' | 'paidOut' | 'cash';

const LABELS: Readonly<Record<BalanceKey, { readonly title: MessageId; readonly note: MessageId }>> = {
  pending: { title: 'balance.pending', note: 'balance.note.pending' },
  settled: { title: 'balance.settled', note: 'balance.note.settled' },
  fees: { title: 'balance.fees', note: 'balance.note.fees' },
  available: { title: 'balance.available', note: 'balance.note.available' },
  held: { title: 'balance.held', note: 'balance.note.held' },
  inTransit: { title: 'balance.inTransit', note: 'balance.note.inTransit' },
  paidOut: { title: 'balance.paidOut', note: 'balance.note.paidOut' },
  cash: { title: 'balance.cash', note: 'balance.note.cash' },
};

/** Every balance, in the order the balances tab shows them. */
export const ALL_BALANCES: readonly BalanceKey[] = ['pending', 'settled', 'fees', 'available', 'held', 'inTransit', 'paidOut', 'cash'];

interface BalanceFiguresProps {
  readonly balance: Balance;
  readonly keys: readonly BalanceKey[];
  /** Each figure with the note that says what it is (the balances tab), or the figures alone (a strip). */
  readonly notes?: boolean;
}

/** One currency's balances as figure cards: `data-balance` and `data-testid=balance-<key>` name each. */
export function BalanceFigures({ balance, keys, notes = true }: BalanceFiguresProps) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  return (
    <div className={notes ? 'kpis' : 'kpis kpis-strip'} data-currency={balance.currency}>
      {keys.map((key) => (
        <article key={key} className="kpi" data-balance={key}>
          <h3>{t(LABELS[key].title)}</h3>
          <p className="kpi-value" data-testid={`balance-${key}`}>
            {format.money(balance[key])}
          </p>
          {notes && <p className="kpi-note">{t(LABELS[key].note)}</p>}
        </article>
      ))}
    </div>
  );
}

import type { MessageId } from '../../i18n/messages.en';
import type { Figures } from '../../figures/sales-figures';
import { averageMinor, change } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';

type KpiId = 'gross' | 'refunds' | 'voids' | 'fees' | 'net' | 'count' | 'average';

const KPIS: readonly { readonly id: KpiId; readonly title: MessageId; readonly note: MessageId }[] = [
  { id: 'gross', title: 'figure.gross', note: 'kpi.note.gross' },
  { id: 'net', title: 'figure.net', note: 'kpi.note.net' },
  { id: 'count', title: 'figure.count', note: 'kpi.note.count' },
  { id: 'average', title: 'figure.average', note: 'kpi.note.average' },
  { id: 'refunds', title: 'figure.refunds', note: 'kpi.note.refunds' },
  { id: 'voids', title: 'figure.voids', note: 'kpi.note.voids' },
  { id: 'fees', title: 'figure.fees', note: 'kpi.note.fees' },
];

/** A KPI's value: money in minor units, or the number of sales. */
function valueOf(id: KpiId, figures: Figures): bigint {
  if (id === 'count') return BigInt(figures.count);
  if (id === 'average') return averageMinor(figures.gross, figures.count);
  return figures[id];
}

/** A change's sign, or with nothing before, the sign of what there is now. */
const directionOf = (signed: number | bigint) => (signed > 0 ? 'up' : signed < 0 ? 'down' : 'same');

interface KpiCardsProps {
  readonly currency: string;
  readonly exponent: number;
  readonly current: Figures;
  readonly compared: Figures;
}

/** The period's figures of one currency, each with its change against the compared period (a percentage, or up or down from zero), its value then, and what it includes. */
export function KpiCards({ currency, exponent, current, compared }: KpiCardsProps) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const shown = (id: KpiId, value: bigint) => (id === 'count' ? format.count(Number(value)) : format.amount(value, currency, exponent));

  return (
    <div className="kpis" data-currency={currency}>
      {KPIS.map(({ id, title, note }) => {
        const value = valueOf(id, current);
        const before = valueOf(id, compared);
        const fraction = change(value, before);
        return (
          <article key={id} className="kpi" data-kpi={id}>
            <h3>{t(title)}</h3>
            <p className="kpi-value" data-testid={`kpi-${id}`}>
              {shown(id, value)}
            </p>
            <p className="kpi-change" data-testid={`kpi-${id}-change`}>
              {fraction === undefined
                ? t('kpi.fromZero', { before: shown(id, before), direction: directionOf(value) })
                : t('kpi.change', { change: format.change(fraction), before: shown(id, before), direction: directionOf(fraction) })}
            </p>
            <p className="kpi-note">{t(note)}</p>
          </article>
        );
      })}
    </div>
  );
}

import type { EndOfDay } from '../../api/report-types';
import { endOfDayFigures } from '../../figures/end-of-day-figures';
import { methodLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { FiguresTable } from '../FiguresTable';

/** The day's sales per payment method, and in all on the totals row: one table per currency, the merchant's first. */
export function DayFigures({ day }: { readonly day: Pick<EndOfDay, 'totals' | 'byMethod'> }) {
  const t = useT();
  const { merchant } = useReportSession();
  return endOfDayFigures(day, merchant.currency, merchant.currencyExponent).map(({ currency, exponent, rows, total }) => (
    <div key={currency} data-currency={currency}>
      <FiguresTable
        name="end-of-day"
        caption={currency === merchant.currency ? t('endOfDay.figures') : t('endOfDay.figuresIn', { currency })}
        keyHeader={t('table.method')}
        rows={rows.map((row) => ({ ...row, label: methodLabel(t, row.key) }))}
        total={total}
        currency={currency}
        exponent={exponent}
      />
    </div>
  ));
}

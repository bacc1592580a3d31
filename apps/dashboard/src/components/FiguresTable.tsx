import type { Figures } from '../figures/sales-figures';
import { useFormat } from '../format/use-format';
import { useT } from '../i18n/use-t';
import { useReportSession } from '../report/report-session';

interface FiguresTableProps {
  /** The table's name (its caption). */
  readonly caption: string;
  /** The header of the first column: Day, Hour, Method, Terminal... */
  readonly keyHeader: string;
  readonly rows: readonly { readonly key: string; readonly label: string; readonly figures: Figures }[];
  readonly total: Figures;
  readonly currency: string;
  readonly exponent: number;
  readonly name: string;
}

/** Sales figures by key, with a totals row; on a narrow screen each row reads as a card of label: value lines. */
export function FiguresTable({ caption, keyHeader, rows, total, currency, exponent, name }: FiguresTableProps) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const money = (minor: bigint) => format.amount(minor, currency, exponent);
  const columns = [
    { header: t('figure.count'), value: (f: Figures) => format.count(f.count) },
    { header: t('figure.gross'), value: (f: Figures) => money(f.gross) },
    { header: t('figure.tips'), value: (f: Figures) => money(f.tips) },
    { header: t('figure.refunds'), value: (f: Figures) => money(f.refunds) },
    { header: t('figure.voids'), value: (f: Figures) => money(f.voids) },
    { header: t('figure.fees'), value: (f: Figures) => money(f.fees) },
    { header: t('figure.offlineDeclined'), value: (f: Figures) => money(f.offlineDeclined) },
    { header: t('figure.disputes'), value: (f: Figures) => money(f.disputes) },
    { header: t('figure.net'), value: (f: Figures) => money(f.net) },
  ];
  return (
    <table className="figures" data-table={name}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          {columns.map((column) => (
            <th scope="col" key={column.header} className="number">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row">{row.label}</th>
            {columns.map((column) => (
              <td key={column.header} className="number" data-label={column.header}>
                {column.value(row.figures)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('table.total')}</th>
          {columns.map((column) => (
            <td key={column.header} className="number" data-label={column.header}>
              {column.value(total)}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

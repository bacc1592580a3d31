import type { ReactNode } from 'react';

interface RowTableProps {
  /** `data-table`, for tests and styles. */
  readonly name: string;
  readonly caption: string;
  /** The column titles, the first one over the row headers. */
  readonly headers: readonly string[];
  /** The table's class: its look (default: the plain row table). */
  readonly className?: string;
  /** The columns (by index) of figures, aligned to the right like their cells. */
  readonly numberColumns?: readonly number[];
  readonly children: ReactNode;
}

/** A table of one row per thing (a terminal, a shift): a hidden caption, column headers, and the rows given. */
export function RowTable({ name, caption, headers, className = 'gaps', numberColumns = [], children }: RowTableProps) {
  return (
    <table className={className} data-table={name}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {headers.map((header, i) => (
            <th key={header} scope="col" className={numberColumns.includes(i) ? 'number' : undefined}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

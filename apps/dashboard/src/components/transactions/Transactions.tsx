import { useState } from 'react';
import { TRANSACTIONS_QUERY } from '../../api/documents';
import type { Transaction } from '../../api/report-types';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { useReport } from '../../report/use-report';
import { filterArguments } from '../../state/filter-arguments';
import type { TransactionFilters as Filters } from '../../state/view-state';
import type { DateRange } from '../../time/date-range';
import { ReportState } from '../ReportState';
import { FindSale } from './FindSale';
import { TransactionFilters } from './TransactionFilters';
import { TransactionTable } from './TransactionTable';

/** Sales per page: with their amounts, well within the API's query cost. */
const PAGE_SIZE = 25;

interface TransactionsData {
  readonly transactions: { readonly edges: { readonly node: Transaction }[]; readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null } };
  readonly terminals: { readonly key: string }[];
}

interface TransactionsProps {
  readonly range: DateRange;
  readonly filters: Filters;
  onFilters(filters: Filters): void;
  onOpen(sale: { id: string; terminalId: string }): void;
}

/** The period's sales, newest first, filtered, a page at a time (cursors from the API). */
export function Transactions({ range, filters, onFilters, onOpen }: TransactionsProps) {
  const t = useT();
  const { merchant } = useReportSession();
  const filter = filterArguments(filters, range, merchant.currencyExponent);
  const filterKey = JSON.stringify(filter);
  // The cursors of the pages read so far; other filters start again from the first page.
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({ key: filterKey, cursors: [undefined] });
  const cursors = paging.key === filterKey ? paging.cursors : [undefined];
  const report = useReport<TransactionsData>(TRANSACTIONS_QUERY, { filter, first: PAGE_SIZE, after: cursors[cursors.length - 1], from: filter.from, to: filter.to });
  const page = report.data?.transactions;

  return (
    <div className="transactions" aria-busy={report.loading}>
      <section className="card" aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t('transactions.filters')}</h2>
        <TransactionFilters filters={filters} terminals={(report.data?.terminals ?? []).map((b) => b.key)} onFilters={onFilters} />
        <FindSale onOpen={onOpen} />
      </section>
      <section className="card" aria-labelledby="sales-heading">
        <h2 id="sales-heading">{t('transactions.sales')}</h2>
        <ReportState report={report} />
        {page && (
          <>
            <TransactionTable sales={page.edges.map((edge) => edge.node)} onOpen={onOpen} />
            <nav className="pager" aria-label={t('transactions.pages')}>
              <button type="button" disabled={cursors.length === 1} onClick={() => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) })}>
                {t('transactions.previousPage')}
              </button>
              <span>{t('transactions.page', { page: cursors.length })}</span>
              <button
                type="button"
                disabled={!page.pageInfo.hasNextPage}
                onClick={() => setPaging({ key: filterKey, cursors: [...cursors, page.pageInfo.endCursor ?? undefined] })}
                data-testid="next-page"
              >
                {t('transactions.nextPage')}
              </button>
            </nav>
          </>
        )}
      </section>
    </div>
  );
}

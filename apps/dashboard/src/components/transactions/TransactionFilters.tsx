import { useState } from 'react';
import { KNOWN_METHODS, methodOrder } from '../../figures/sales-figures';
import { methodLabel, statusLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import type { TransactionFilters as Filters } from '../../state/view-state';
import { TerminalSelect } from '../TerminalSelect';

export const STATUSES = ['APPROVED', 'DECLINED', 'REVERSED', 'VOIDED', 'SETTLED', 'OFFLINE_DECLINED', 'HELD', 'RELEASED'] as const;

interface TransactionFiltersProps {
  readonly filters: Filters;
  /** The terminals with sales in the period. */
  readonly terminals: readonly string[];
  onFilters(filters: Filters): void;
}

/** Method, terminal, status, refunds, amount range; the period is the page's. Amounts apply when typed in full. */
export function TransactionFilters({ filters, terminals, onFilters }: TransactionFiltersProps) {
  const t = useT();
  const [amounts, setAmounts] = useState({ min: filters.min ?? '', max: filters.max ?? '' });
  const set = (key: keyof Filters, value: string) => onFilters({ ...filters, [key]: value || undefined });
  const methods = methodOrder([...KNOWN_METHODS, ...(filters.method ? [filters.method] : [])]);

  return (
    <form className="filters" onSubmit={(event) => event.preventDefault()}>
      <label>
        <span>{t('filter.method')}</span>
        <select value={filters.method ?? ''} onChange={(event) => set('method', event.target.value)} data-testid="filter-method">
          <option value="">{t('filter.any')}</option>
          {methods.map((method) => (
            <option key={method} value={method}>
              {methodLabel(t, method)}
            </option>
          ))}
        </select>
      </label>
      <TerminalSelect terminal={filters.terminal} terminals={terminals} onTerminal={(terminal) => set('terminal', terminal ?? '')} testId="filter-terminal" />
      <label>
        <span>{t('filter.status')}</span>
        <select value={filters.status ?? ''} onChange={(event) => set('status', event.target.value)} data-testid="filter-status">
          <option value="">{t('filter.any')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(t, status)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filter.refunds')}</span>
        <select value={filters.refunded ?? ''} onChange={(event) => set('refunded', event.target.value)} data-testid="filter-refunded">
          <option value="">{t('filter.any')}</option>
          <option value="yes">{t('filter.refunded')}</option>
          <option value="no">{t('filter.notRefunded')}</option>
        </select>
      </label>
      {(['min', 'max'] as const).map((bound) => (
        <label key={bound}>
          <span>{t(bound === 'min' ? 'filter.minAmount' : 'filter.maxAmount')}</span>
          <input
            inputMode="decimal"
            value={amounts[bound]}
            pattern="\d{1,12}([.,]\d{0,3})?"
            onChange={(event) => setAmounts({ ...amounts, [bound]: event.target.value })}
            onBlur={() => set(bound, amounts[bound].trim())}
            onKeyDown={(event) => event.key === 'Enter' && set(bound, amounts[bound].trim())}
            data-testid={`filter-${bound}`}
          />
        </label>
      ))}
    </form>
  );
}

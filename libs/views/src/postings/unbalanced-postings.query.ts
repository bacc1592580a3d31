import type { ReadStore } from '@posledger/read-store';

export interface UnbalancedPostings {
  readonly merchantId: string;
  readonly currency: string;
  /** Debits minus credits, a decimal string of minor units. */
  readonly difference: string;
}

/** Invariant 5 over the `postings` view: every merchant and currency whose debits and credits differ (none, always). */
export function unbalancedPostings(store: ReadStore): Promise<UnbalancedPostings[]> {
  return store.select<UnbalancedPostings>(
    `SELECT merchant_id AS merchantId, toString(currency) AS currency, toString(sum(toInt128(debit)) - sum(toInt128(credit))) AS difference
     FROM postings GROUP BY merchant_id, currency HAVING sum(toInt128(debit)) != sum(toInt128(credit)) ORDER BY merchant_id, currency`,
  );
}

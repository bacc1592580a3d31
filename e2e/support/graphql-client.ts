import { eventually as eventuallyWithin, type EventuallyOptions } from '@posledger/testing';

const E2E_TIMEOUT_MS = 60_000;
const E2E_INTERVAL_MS = 250;

export interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function graphql<T>(url: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

export interface MoneyJson {
  currency: string;
  minor: string;
}

export interface Bucket {
  key: string;
  count: number;
  gross: MoneyJson;
  tips: MoneyJson;
  refunds: MoneyJson;
  voids: MoneyJson;
  fees: MoneyJson;
  offlineDeclined: MoneyJson;
  disputes: MoneyJson;
  net: MoneyJson;
}

export const SALES_SUMMARY = `query($merchantId: ID, $groupBy: SalesGrouping!) {
  salesSummary(merchantId: $merchantId, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", groupBy: $groupBy) {
    key count gross { currency minor } tips { currency minor } refunds { currency minor } voids { currency minor } fees { currency minor } offlineDeclined { currency minor } disputes { currency minor } net { currency minor }
  }
}`;

export async function salesSummary(url: string, token: string, groupBy: string, merchantId?: string): Promise<Bucket[]> {
  const result = await graphql<{ salesSummary: Bucket[] }>(url, token, SALES_SUMMARY, { groupBy, merchantId });
  if (!result.data) throw new Error(`salesSummary failed: ${JSON.stringify(result.errors)}`);
  return result.data.salesSummary;
}

/**
 * Polls until `check` holds (the views are eventually consistent), or fails naming what it waited for, with the last
 * value. The shared helper with the e2e defaults: 60 s, a probe every 250 ms; the third argument is a timeout in ms
 * or the helper's options.
 */
export function eventually<T>(probe: () => T | Promise<T>, check: (value: T) => boolean, timeoutOrOptions: number | EventuallyOptions = {}): Promise<T> {
  const options = typeof timeoutOrOptions === 'number' ? { timeoutMs: timeoutOrOptions } : timeoutOrOptions;
  return eventuallyWithin(probe, check, { ...options, timeoutMs: options.timeoutMs ?? E2E_TIMEOUT_MS, intervalMs: options.intervalMs ?? E2E_INTERVAL_MS });
}

// Reports take a merchant's days from the zone it registered with, read from the registry, not from the merchants
// view: a merchant the views have not projected yet still gets its own days, and no report queries the read store for it.
import { DEFAULT_FEE_SCHEDULE } from '@posledger/domain';
import { openRegistry, RegisterMerchantCommand } from '@posledger/registry';
import { startReportsAppOnDisk, type ReportsAppOnDisk } from '../test-support/reports-app-on-disk';

jest.setTimeout(60_000);

let reports: ReportsAppOnDisk;

beforeAll(async () => {
  reports = await startReportsAppOnDisk('reports-time-zones', 1_000_000);
  const registry = await openRegistry(reports.eventStore);
  await registry.execute(new RegisterMerchantCommand({ merchantId: 'm-shanghai', name: 'Shanghai', timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE }));
  await registry.close();
  // 20:00 UTC on November 1st is 04:00 on November 2nd in Shanghai; the merchants view stays empty.
  const sale = (merchantId: string) => ({
    merchant_id: merchantId, terminal_id: 't-1', transaction_id: `tx-${merchantId}`, kind: 'SALE', method: 'WECHAT_PAY', scheme: 'NONE', currency: 'CNY',
    amount: '1000', sale_count: 1, occurred_at: '2026-11-01 20:00:00.000', recorded_at: '2026-11-01 20:00:01.000', position: '1', entry: 0,
  });
  await reports.readStore.insert('sales_facts', [sale('m-shanghai'), sale('m-unregistered')]);
});

afterAll(async () => {
  await reports?.close();
});

async function dayKeys(merchantId: string): Promise<string[]> {
  const token = await reports.credentials.issueToken({ role: 'merchant', merchantId });
  const response = await reports.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { authorization: `Bearer ${token}` },
    payload: { query: '{ salesSummary(from: "2026-10-31", to: "2026-11-04", groupBy: DAY) { key count } }' },
  });
  const body = response.json() as { data?: { salesSummary: { key: string; count: number }[] }; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.salesSummary.map(({ key, count }) => `${key} ${count}`);
}

it('puts a sale in the day of the zone the merchant registered with, before the views project the merchant', async () => {
  expect(await dayKeys('m-shanghai')).toEqual(['2026-11-02 1']);
});

it('uses UTC days for a merchant the registry does not know', async () => {
  expect(await dayKeys('m-unregistered')).toEqual(['2026-11-01 1']);
});

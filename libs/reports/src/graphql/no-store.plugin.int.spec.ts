// GraphQL answers are never cached, whether they carry data or errors, although Apollo's cache-control plugin is off.
import { startReportsAppOnDisk, type ReportsAppOnDisk } from '../test-support/reports-app-on-disk';

jest.setTimeout(60_000);

let reports: ReportsAppOnDisk;
let merchant: string;

beforeAll(async () => {
  reports = await startReportsAppOnDisk('reports-no-store', 1_000_000);
  merchant = await reports.credentials.issueToken({ role: 'merchant', merchantId: 'm-no-store' });
});

afterAll(async () => {
  await reports?.close();
});

async function post(query: string): Promise<{ headers: Record<string, unknown>; body: { data?: unknown; errors?: unknown } }> {
  const response = await reports.app.inject({ method: 'POST', url: '/graphql', headers: { authorization: `Bearer ${merchant}` }, payload: { query } });
  return { headers: response.headers, body: response.json() };
}

it('answers with cache-control: no-store', async () => {
  const answered = await post('{ salesSummary(from: "2026-11-01", to: "2026-11-02", groupBy: DAY) { key } }');
  expect(answered.body.data).toEqual({ salesSummary: [] });
  expect(answered.headers['cache-control']).toBe('no-store');

  const refused = await post('{ salesSummary(from: "2026-11-02", to: "2026-11-01", groupBy: NOPE) { key } }');
  expect(refused.body.errors).toBeDefined();
  expect(refused.headers['cache-control']).toBe('no-store');
});

// The payouts query and export on the reports app with real adapters: scoped to the token's merchant, value dates
// alone, `to` exclusive, the export a row per payout line.
import { payoutStream, type PayoutEvent } from '@posledger/domain';
import type { RecordedEvent } from '@posledger/event-store';
import type { ReadStore } from '@posledger/read-store';
import { VIEW_PROJECTIONS } from '@posledger/views';
import { READ_STORE } from '../reports.tokens';
import { startReportsAppOnDisk, type ReportsAppOnDisk } from '../test-support/reports-app-on-disk';

jest.setTimeout(60_000);

const CNY = (minor: string) => ({ currency: 'CNY', minor });
const LINES = [
  { position: '7', terminalId: 't-1', eventType: 'BatchClosed', reference: 'batch 1', settled: '10000', fees: '180' },
  { position: '9', terminalId: 't-1', eventType: 'RefundApproved', reference: 'rf-1', settled: '-1000', fees: '0' },
];
const RUN: PayoutEvent[] = [
  {
    type: 'PayoutScheduled',
    data: {
      merchantId: 'm-payouts', payoutId: 'PO-000001', currency: 'CNY', valueDate: '2026-11-24', cutoffAt: '2026-11-23T16:00:00.000Z',
      settled: CNY('9500'), fees: CNY('200'), amount: CNY('9300'), lines: LINES, broughtForward: { currency: 'CNY', settled: '500', fees: '20' },
    },
  },
  { type: 'PayoutsCutOff', data: { merchantId: 'm-payouts', cutoffAt: '2026-11-23T16:00:00.000Z', throughPosition: '9', carriedForward: [] } },
  { type: 'PayoutPaid', data: { merchantId: 'm-payouts', payoutId: 'PO-000001', amount: CNY('9300'), bankReference: 'CNAPS 0001', paidAt: '2026-11-24T02:00:00.000Z' } },
];

let reports: ReportsAppOnDisk;
let merchant: string;
let other: string;

async function graphql(token: string, query: string) {
  const response = await reports.app.inject({
    method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload: { query },
  });
  return response.json<{ data?: { payouts: unknown[] } | null; errors?: { message: string; extensions: { code: string } }[] }>();
}

const exported = (token: string, query: string) => reports.app.inject({ method: 'GET', url: `/v1/exports/payouts?${query}`, headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  reports = await startReportsAppOnDisk('reports-payouts', 1_000_000);
  merchant = await reports.credentials.issueToken({ role: 'merchant', merchantId: 'm-payouts' });
  other = await reports.credentials.issueToken({ role: 'merchant', merchantId: 'm-other' });
  const log: RecordedEvent[] = RUN.map((event, n) => ({
    id: `e-${n}`, streamId: payoutStream('m-payouts'), revision: BigInt(n), position: BigInt(n), type: event.type, data: { ...event.data }, metadata: {}, recordedAt: '2026-11-24T03:00:00.000Z',
  }));
  const projection = VIEW_PROJECTIONS.find(({ name }) => name === 'payouts');
  await reports.app.get<symbol, ReadStore>(READ_STORE).insert('payouts', projection?.project(log).payouts ?? []);
});

afterAll(async () => {
  await reports?.close();
});

describe('payouts', () => {
  it('answers the token’s merchant’s payouts valued in the period, with their lines, and no other merchant’s', async () => {
    const query = `{ payouts(from: "2026-11-24", to: "2026-11-25") {
      id currency amount { minor } settled { minor } fees { minor } valueDate cutoffAt status bankReference paidAt failedAt failureReason
      lines { position terminalId eventType reference settled { currency minor } fees { minor } } broughtForward { settled { minor } fees { minor } }
    } }`;

    expect(await graphql(merchant, query)).toEqual({
      data: {
        payouts: [{
          id: 'PO-000001', currency: 'CNY', amount: { minor: '9300' }, settled: { minor: '9500' }, fees: { minor: '200' }, valueDate: '2026-11-24',
          cutoffAt: '2026-11-23T16:00:00.000Z', status: 'PAID', bankReference: 'CNAPS 0001', paidAt: '2026-11-24T02:00:00.000Z', failedAt: null, failureReason: null,
          lines: [
            { position: '7', terminalId: 't-1', eventType: 'BatchClosed', reference: 'batch 1', settled: CNY('10000'), fees: { minor: '180' } },
            { position: '9', terminalId: 't-1', eventType: 'RefundApproved', reference: 'rf-1', settled: CNY('-1000'), fees: { minor: '0' } },
          ],
          broughtForward: { settled: { minor: '500' }, fees: { minor: '20' } },
        }],
      },
    });
    expect(await graphql(merchant, '{ payouts(from: "2026-11-25", to: "2026-12-01") { id } }')).toEqual({ data: { payouts: [] } });
    expect(await graphql(other, '{ payouts(from: "2026-11-01", to: "2026-12-01") { id } }')).toEqual({ data: { payouts: [] } });
  });

  it('refuses an instant, an impossible date, a period backwards and another merchant, each with its code', async () => {
    const refusal = async (token: string, args: string) => (await graphql(token, `{ payouts(${args}) { id } }`)).errors?.map(({ message, extensions }) => [extensions.code, message]);

    expect(await refusal(merchant, 'from: "2026-11-24T00:00:00Z", to: "2026-11-25"')).toEqual([
      ['REPORTS.INVALID_ARGUMENT', 'from must be a date alone (2026-11-23): a value date, in the merchant\'s calendar; got "2026-11-24T00:00:00Z"'],
    ]);
    expect(await refusal(merchant, 'from: "2026-11-24", to: "2026-02-30"')).toEqual([['REPORTS.INVALID_ARGUMENT', expect.stringContaining('to must be a date alone')]]);
    expect(await refusal(merchant, 'from: "2026-11-25", to: "2026-11-24"')).toEqual([['REPORTS.INVALID_ARGUMENT', 'from (2026-11-25) is after to (2026-11-24): from is inclusive, to exclusive']]);
    expect(await refusal(other, 'from: "2026-11-24", to: "2026-11-25", merchantId: "m-payouts"')).toEqual([['REPORTS.NOT_AUTHORIZED', 'this token may not read merchant m-payouts']]);
  });

  it('exports a row per payout line, funds brought forward as a line of their own, with the payout’s columns', async () => {
    const response = await exported(merchant, 'from=2026-11-24&to=2026-11-25');
    const payout = '2026-11-24,PO-000001,PAID,CNY,9300,9500,200,2026-11-23T16:00:00.000Z,CNAPS 0001,2026-11-24T02:00:00.000Z,,';

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="payouts-m-payouts.csv"');
    expect(response.body.split('\n')).toEqual([
      'value_date,payout_id,status,currency,amount_minor,settled_minor,fees_minor,cutoff_at,bank_reference,paid_at,failed_at,failure_reason,line_position,terminal_id,line_event_type,line_reference,line_settled_minor,line_fees_minor',
      `${payout},7,t-1,BatchClosed,batch 1,10000,180`,
      `${payout},9,t-1,RefundApproved,rf-1,-1000,0`,
      `${payout},,,BROUGHT_FORWARD,,500,20`,
      '',
    ]);
  });

  it('refuses an export without its period, or with instants, as 400', async () => {
    const missing = await exported(merchant, 'from=2026-11-24');
    const instant = await exported(merchant, 'from=2026-11-24T00:00:00Z&to=2026-11-25');

    expect([missing.statusCode, missing.json()]).toEqual([400, { error: 'REPORTS.INVALID_ARGUMENT', message: 'to is required: a date alone (2026-11-23): a value date, in the merchant\'s calendar' }]);
    expect([instant.statusCode, instant.json().error]).toEqual([400, 'REPORTS.INVALID_ARGUMENT']);
  });
});

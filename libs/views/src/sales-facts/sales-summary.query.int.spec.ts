// salesSummary on chDB: whole quarter hours from the sales_facts projections, the edges from the facts, and the whole
// period from the facts where a zone's offset is not a whole quarter hour. Checked against the query it replaced,
// which read every fact of the period.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { moneyJson } from '@posledger/domain';
import { createReadStore, runMigrations, toClickHouseDateTime, type ReadStore } from '@posledger/read-store';
import { VIEW_MIGRATIONS } from '../view-set';
import { querySalesSummary, salesSummarySql, type SalesBucket, type SalesGrouping, type SalesSummaryInput } from './sales-summary.query';

const GROUPINGS: readonly SalesGrouping[] = ['DAY', 'HOUR', 'PAYMENT_METHOD', 'TERMINAL', 'CARD_SCHEME'];
const KINDS = ['SALE', 'VOID', 'FEE', 'REFUND', 'TIP', 'VOID_TIP', 'FEE_RETURN', 'DISPUTE_FEE', 'DISPUTE_LOST', 'OFFLINE_DECLINED'];
// Two days around Berlin's autumn change and Lord Howe's half-hour one, and in Monrovia at -0:44:30 (until 1972).
const WINDOWS = [
  { start: Date.parse('2026-10-24T00:00:00Z'), zones: ['Europe/Berlin', 'UTC', 'Asia/Kathmandu', 'America/St_Johns'] },
  { start: Date.parse('2026-10-03T00:00:00Z'), zones: ['Australia/Lord_Howe', 'Asia/Kathmandu'] },
  { start: Date.parse('1971-06-01T00:00:00Z'), zones: ['Africa/Monrovia'] },
];
const WINDOW_MS = 2 * 86_400_000;
const QUARTER_HOUR_MS = 900_000;

// The query salesSummary ran before the projections: every fact of the period, each kind summed apart.
const KEY: Record<SalesGrouping, string> = {
  DAY: 'toString(toDate(occurred_at, {timeZone:String}))',
  HOUR: "formatDateTime(occurred_at, '%Y-%m-%dT%H', {timeZone:String})",
  PAYMENT_METHOD: 'toString(method)',
  TERMINAL: 'terminal_id',
  CARD_SCHEME: 'toString(scheme)',
};

async function everyFact(store: ReadStore, input: SalesSummaryInput): Promise<SalesBucket[]> {
  const rows = await store.select<Record<string, string>>(
    `SELECT ${KEY[input.groupBy]} AS key, ${input.splitBy ? KEY[input.splitBy] : "''"} AS split_key, toString(currency) AS currency,
        toString(sumIf(sale_count, kind != 'OFFLINE_DECLINED')) AS count,
        toString(sumIf(toInt128(amount), kind = 'SALE') - sumIf(toInt128(amount), kind = 'VOID')) AS gross,
        toString(sumIf(toInt128(amount), kind = 'TIP') - sumIf(toInt128(amount), kind = 'VOID_TIP')) AS tips,
        toString(sumIf(toInt128(amount), kind = 'REFUND')) AS refunds,
        toString(sumIf(toInt128(amount), kind = 'VOID')) AS voids,
        toString(sumIf(toInt128(amount), kind IN ('FEE', 'DISPUTE_FEE')) - sumIf(toInt128(amount), kind = 'FEE_RETURN')) AS fees,
        toString(sumIf(toInt128(amount), kind = 'OFFLINE_DECLINED')) AS offline_declined,
        toString(sumIf(toInt128(amount), kind = 'DISPUTE_LOST')) AS disputes
     FROM sales_facts
     WHERE merchant_id = {merchantId:String} AND occurred_at >= {from:DateTime64(3, 'UTC')} AND occurred_at < {to:DateTime64(3, 'UTC')}
       ${input.recordedBefore ? "AND recorded_at < {recordedBefore:DateTime64(3, 'UTC')}" : ''}
       ${input.terminalId !== undefined ? 'AND terminal_id = {terminalId:String}' : ''}
     GROUP BY key, split_key, currency ORDER BY key, split_key, currency
     SETTINGS optimize_use_projections = 0`,
    { ...input },
  );
  return rows.map((row) => {
    const money = (minor: bigint | string) => moneyJson(minor, row.currency);
    const net = BigInt(row.gross) + BigInt(row.tips) - BigInt(row.refunds) - BigInt(row.fees) - BigInt(row.offline_declined) - BigInt(row.disputes);
    return {
      key: row.key,
      ...(input.splitBy ? { splitKey: row.split_key } : {}),
      count: Number(row.count),
      gross: money(row.gross),
      tips: money(row.tips),
      refunds: money(row.refunds),
      voids: money(row.voids),
      fees: money(row.fees),
      offlineDeclined: money(row.offline_declined),
      disputes: money(row.disputes),
      net: money(net),
    };
  });
}

const quarterHourIn = fc.integer({ min: 1, max: WINDOW_MS / QUARTER_HOUR_MS - 1 });

/** Anywhere, on a quarter hour, or within a minute before one (where Monrovia's hours begin). */
const instantIn = (window: number): fc.Arbitrary<number> =>
  fc.oneof(
    fc.integer({ min: 0, max: WINDOW_MS - 1 }).map((ms) => window + ms),
    quarterHourIn.map((n) => window + n * QUARTER_HOUR_MS),
    fc.tuple(quarterHourIn, fc.integer({ min: 1, max: 60_000 })).map(([n, before]) => window + n * QUARTER_HOUR_MS - before),
  );

const fact = (window: number) =>
  fc.record({
    terminal: fc.constantFrom('t-1', 't-2'),
    kind: fc.constantFrom(...KINDS),
    method: fc.constantFrom('DEBIT', 'CREDIT', 'ALIPAY', 'CASH'),
    scheme: fc.constantFrom('VISA', 'UNIONPAY', 'NONE'),
    currency: fc.constantFrom('EUR', 'CNY'),
    amount: fc.oneof(fc.bigInt({ min: 1n, max: 100_000n }), fc.bigInt({ min: 2n ** 62n, max: 2n ** 63n - 1n })),
    saleCount: fc.constantFrom(-1, 0, 1),
    occurredAt: instantIn(window),
    recordedAfterMs: fc.integer({ min: 0, max: 7_200_000 }),
  });

const scenario = fc.constantFrom(...WINDOWS).chain(({ start, zones }) =>
  fc.record({
    facts: fc.array(fact(start), { minLength: 1, maxLength: 40 }),
    bounds: fc.tuple(instantIn(start), instantIn(start)),
    timeZone: fc.constantFrom(...zones),
    groupBy: fc.constantFrom(...GROUPINGS),
    splitBy: fc.option(fc.constantFrom(...GROUPINGS), { nil: undefined }),
    terminalId: fc.option(fc.constant('t-1'), { nil: undefined }),
    recordedBefore: fc.option(instantIn(start), { nil: undefined }),
  }),
);

const chText = (ms: number): string => toClickHouseDateTime(new Date(ms).toISOString());

describe('salesSummary over the quarter-hour totals', () => {
  let dataDir: string;
  let store: ReadStore;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'views-sales-summary-'));
    store = await createReadStore({ dataDir, database: 'sales_summary_query' });
    await runMigrations(store, VIEW_MIGRATIONS);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives the buckets of every fact of the period, for any period, zone, grouping, split and filter', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ facts, bounds, timeZone, groupBy, splitBy, terminalId, recordedBefore }) => {
        const merchantId = `m-${run++}`;
        await store.insert(
          'sales_facts',
          facts.map((f, n) => ({
            merchant_id: merchantId, terminal_id: f.terminal, transaction_id: `x-${n}`, kind: f.kind, method: f.method, scheme: f.scheme, currency: f.currency,
            amount: f.amount.toString(), sale_count: f.saleCount, occurred_at: chText(f.occurredAt), recorded_at: chText(f.occurredAt + f.recordedAfterMs), position: String(n), entry: 0,
          })),
        );
        const [from, to] = [Math.min(...bounds), Math.max(...bounds) + 1];
        const input: SalesSummaryInput = {
          merchantId, from: chText(from), to: chText(to), timeZone, groupBy,
          ...(splitBy !== undefined && splitBy !== groupBy ? { splitBy } : {}),
          ...(terminalId !== undefined ? { terminalId } : {}),
          ...(recordedBefore !== undefined ? { recordedBefore: chText(recordedBefore) } : {}),
        };
        expect(await querySalesSummary(store, input)).toEqual(await everyFact(store, input));
      }),
      { numRuns: 150 },
    );
  }, 300_000);

  it('reads whole quarter hours from the projection that holds the dimensions asked', async () => {
    const input = { merchantId: 'm-explain', from: '2026-10-24 00:00:00.000', to: '2026-10-25 00:00:00.000', timeZone: 'Europe/Berlin' };
    // A fact a minute for two days: enough that reading the totals costs less than reading the facts.
    await store.command(
      `INSERT INTO sales_facts SELECT 'm-explain', concat('t-', toString(number % 3)), toString(number), 'SALE', ['DEBIT', 'ALIPAY'][number % 2 + 1], 'VISA', 'EUR',
         100 + number, 1, addMinutes(toDateTime64('2026-10-23 12:00:00', 3, 'UTC'), number), addMinutes(toDateTime64('2026-10-23 12:00:00', 3, 'UTC'), number), number, 0 FROM numbers(2880)`,
    );
    const cut = { wholeFrom: input.from, wholeTo: input.to };
    const plan = async (groupBy: SalesGrouping, splitBy?: SalesGrouping): Promise<string> =>
      (await store.select<Record<string, string>>(`EXPLAIN ${salesSummarySql({ ...input, groupBy, splitBy }, cut)}`, { ...input, ...cut })).map((row) => Object.values(row)[0]).join('\n');

    expect(await plan('DAY', 'PAYMENT_METHOD')).toContain('ReadFromMergeTree (by_quarter_hour)');
    expect(await plan('HOUR', 'CARD_SCHEME')).toContain('ReadFromMergeTree (by_quarter_hour)');
    expect(await plan('TERMINAL', 'DAY')).toContain('ReadFromMergeTree (by_terminal_quarter_hour)');
  });
});

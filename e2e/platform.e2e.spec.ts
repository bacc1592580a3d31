// The platform end to end through its public contract only: the built CLI, the ingest HTTP API and GraphQL.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSimulation, type MerchantTotals, type SimulatedTerminal, type SimulationReport } from '@posledger/terminal-simulator';
import { eventually, graphql, salesSummary, type Bucket } from './support/graphql-client';
import { cli, cliRun, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { daysAgoUtcMidnight } from './support/sim-clock';
import { figuresByKey } from './support/terminal-figures';
import { event, postSigned } from './support/terminal-http';

jest.setTimeout(240_000);

const SIMULATION_START = daysAgoUtcMidnight(4);
/** Both merchants' terminals approve card sales offline up to this in the simulated outages. */
const OFFLINE_LIMIT_MINOR = 50_000n;

const sum = (buckets: Bucket[], field: 'gross' | 'tips' | 'refunds' | 'voids' | 'fees' | 'offlineDeclined' | 'net') => buckets.reduce((total, b) => total + BigInt(b[field].minor), 0n);
const count = (buckets: Bucket[]) => buckets.reduce((total, b) => total + b.count, 0);

function matchesBooks(buckets: Bucket[], books: MerchantTotals): boolean {
  return count(buckets) === books.count && sum(buckets, 'gross') === BigInt(books.gross) && sum(buckets, 'tips') === BigInt(books.tips) &&
    sum(buckets, 'voids') === BigInt(books.voids) && sum(buckets, 'refunds') === BigInt(books.refunds) && sum(buckets, 'offlineDeclined') === BigInt(books.offlineDeclined);
}

describe('the platform on embedded defaults, through the public contract', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  const tokens: Record<string, string> = {};
  const terminals: SimulatedTerminal[] = [];
  let report: SimulationReport;

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-e2e-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', 'm-shanghai', '--name', '上海便利店', '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
    cli(env, ['merchant', 'add', '--id', 'm-london', '--name', 'London café', '--timezone', 'Europe/London', '--currency', 'GBP', '--fees', 'DEBIT=40,CREDIT=150,WECHAT_PAY=60,ALIPAY=60']);
    for (const [merchantId, currency, ids] of [['m-shanghai', 'CNY', ['sh-1', 'sh-2', 'sh-3']], ['m-london', 'GBP', ['ld-1']]] as const) {
      cli(env, ['merchant', 'offline-limit', '--merchant', merchantId, '--up-to', OFFLINE_LIMIT_MINOR.toString()]);
      for (const terminalId of ids) {
        const { secret } = cli<{ terminalId: string; secret: string }>(env, ['terminal', 'add', '--merchant', merchantId, '--id', terminalId]);
        terminals.push({ terminalId, merchantId, secret, currency, offlineUpToMinor: OFFLINE_LIMIT_MINOR });
      }
      tokens[merchantId] = cli<{ token: string }>(env, ['token', '--merchant', merchantId]).token;
    }
    tokens.auditor = cli<{ token: string }>(env, ['token', '--auditor']).token;
    platform = await startPlatformProcess(env);
    report = await runSimulation({
      ingestUrl: platform.ingestUrl,
      terminals,
      maxEvents: 4000,
      startAt: SIMULATION_START,
      seed: 20261123,
      batchSize: 25,
      settleAtEnd: true,
      // Outages often enough that each terminal approves sales offline and the host declines some once forwarded; deposits held and completed.
      rates: { outage: 0.03, offlineDecline: 0.2, preAuthorization: 0.03 },
    });
  });

  afterAll(async () => {
    if (platform) await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it('takes every simulated batch, outages and offline sales among them', () => {
    expect(report.failures).toEqual([]);
    expect(report.eventsSent).toBeGreaterThan(3000);
    expect(BigInt(report.totals['m-shanghai'].offlineDeclined)).toBeGreaterThan(0n);
  });

  it("salesSummary equals, to the cent, the totals the simulator kept, for every grouping", async () => {
    for (const merchantId of ['m-shanghai', 'm-london']) {
      const books = report.totals[merchantId];
      // The views are eventually consistent: wait until the last settlement is in too (nothing pending, and the
      // fees of the balance equal the fees of the sales facts), so every later read sees the same state.
      const settled = async () => ({
        byMethod: await salesSummary(platform.graphqlUrl, tokens[merchantId], 'PAYMENT_METHOD'),
        balances: (await graphql<{ balances: { pending: { minor: string }; fees: { minor: string } }[] }>(platform.graphqlUrl, tokens[merchantId], '{ balances { pending { minor } fees { minor } } }')).data?.balances ?? [],
      });
      const { byMethod } = await eventually(settled, ({ byMethod: b, balances }) =>
        matchesBooks(b, books) && balances.length === 1 && balances[0].pending.minor === '0' && balances[0].fees.minor === sum(b, 'fees').toString(),
      );
      for (const bucket of byMethod) {
        const mine = books.byMethod[bucket.key as keyof MerchantTotals['byMethod']];
        expect(figuresByKey([bucket])).toEqual({ [bucket.key]: mine });
        expect(bucket.gross.currency).toBe(books.currency);
        const net = BigInt(bucket.gross.minor) + BigInt(bucket.tips.minor) - BigInt(bucket.refunds.minor) - BigInt(bucket.fees.minor) - BigInt(bucket.offlineDeclined.minor);
        expect(bucket.net.minor).toBe(net.toString());
      }
      const byTerminal = await salesSummary(platform.graphqlUrl, tokens[merchantId], 'TERMINAL');
      expect(figuresByKey(byTerminal)).toEqual(books.byTerminal);
      for (const grouping of ['DAY', 'HOUR', 'CARD_SCHEME']) {
        const buckets = await salesSummary(platform.graphqlUrl, tokens[merchantId], grouping);
        expect(matchesBooks(buckets, books)).toBe(true);
        expect(sum(buckets, 'fees').toString()).toBe(sum(byMethod, 'fees').toString());
      }
    }
  });

  it("groups days and hours in the merchant's time zone", async () => {
    const days = await salesSummary(platform.graphqlUrl, tokens['m-shanghai'], 'DAY');
    const hours = await salesSummary(platform.graphqlUrl, tokens['m-shanghai'], 'HOUR');
    expect(days.every((b) => /^\d{4}-\d{2}-\d{2}$/.test(b.key))).toBe(true);
    expect(hours.every((b) => /^\d{4}-\d{2}-\d{2}T\d{2}$/.test(b.key))).toBe(true);
    // The simulated clock starts at UTC midnight, which is 08:00 in Shanghai: no Shanghai hour before it.
    expect(hours[0].key >= `${SIMULATION_START.slice(0, 10)}T08`).toBe(true);
  });

  it('balances: all batches closed, so nothing pending; settled less fees is available; cash apart; declined offline sales never settled', async () => {
    const result = await graphql<{ balances: Record<string, unknown>[] }>(
      platform.graphqlUrl,
      tokens['m-shanghai'],
      '{ balances { currency pending { minor } settled { minor } fees { minor } available { minor } cash { minor } } }',
    );
    const books = report.totals['m-shanghai'];
    const cash = books.byMethod.CASH;
    expect(cash.count).toBeGreaterThan(0);
    expect(BigInt(books.tips)).toBeGreaterThan(0n);
    // Settled: every sale but cash, with its tip, less refunds (cash is refunded from the drawer), less the offline
    // sales the host declined (each before its batch closed).
    const settled = BigInt(books.gross) + BigInt(books.tips) - BigInt(cash.gross) - (BigInt(books.refunds) - BigInt(cash.refunds)) - BigInt(books.offlineDeclined);
    const byMethod = await salesSummary(platform.graphqlUrl, tokens['m-shanghai'], 'PAYMENT_METHOD');
    expect(result.data?.balances).toEqual([
      {
        currency: 'CNY',
        pending: { minor: '0' },
        settled: { minor: settled.toString() },
        fees: { minor: sum(byMethod, 'fees').toString() },
        available: { minor: (settled - sum(byMethod, 'fees')).toString() },
        cash: { minor: (BigInt(cash.gross) - BigInt(cash.refunds)).toString() },
      },
    ]);
  });

  it('settlement batches reconcile terminal totals with the ledger: all MATCHED', async () => {
    const result = await graphql<{ settlementBatches: { terminalId: string; status: string; differences: unknown[] }[] }>(
      platform.graphqlUrl,
      tokens['m-shanghai'],
      '{ settlementBatches(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { terminalId batchNumber status differences { method } } }',
    );
    const batches = result.data?.settlementBatches ?? [];
    expect(new Set(batches.map((b) => b.terminalId))).toEqual(new Set(['sh-1', 'sh-2', 'sh-3']));
    expect(batches.filter((b) => b.status !== 'MATCHED')).toEqual([]);
  });

  it('transactions page by cursor without overlap, and a transaction shows its events in order', async () => {
    const seen = new Set<string>();
    let after: string | undefined;
    let settled = 0;
    let cash = 0;
    let offlineDeclined = 0;
    for (let page = 0; page < 100; page++) {
      const result = await graphql<{ transactions: { edges: { node: { id: string; status: string } }[]; pageInfo: { hasNextPage: boolean; endCursor?: string } } }>(
        platform.graphqlUrl,
        tokens['m-shanghai'],
        'query($after: String) { transactions(first: 100, after: $after) { edges { node { id status } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      const connection = result.data!.transactions;
      for (const { node } of connection.edges) {
        expect(seen.has(node.id)).toBe(false);
        seen.add(node.id);
        if (node.status === 'SETTLED') settled++;
        if (node.status === 'APPROVED') cash++;
        if (node.status === 'OFFLINE_DECLINED') offlineDeclined++;
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    // Every batch closed: what is not settled is cash, which no batch settles, or an offline sale the host declined.
    expect(offlineDeclined).toBeGreaterThan(0);
    expect(settled + offlineDeclined).toBe(report.totals['m-shanghai'].count - report.totals['m-shanghai'].byMethod.CASH.count);
    expect(cash).toBe(report.totals['m-shanghai'].byMethod.CASH.count);

    const [id] = seen;
    const detail = await graphql<{ transaction: { id: string; events: { position: string; type: string }[] } }>(
      platform.graphqlUrl,
      tokens['m-shanghai'],
      'query($id: ID!) { transaction(id: $id) { id events { position type } } }',
      { id },
    );
    const positions = detail.data!.transaction.events.map((e) => BigInt(e.position));
    expect(positions.length).toBeGreaterThan(2);
    expect([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(positions);
    expect(detail.data!.transaction.events[0].type).toBe('TerminalEventRecorded');
  });

  it("invariant 7: another merchant's token sees nothing of this merchant", async () => {
    const named = await graphql(platform.graphqlUrl, tokens['m-london'], '{ balances(merchantId: "m-shanghai") { currency } }');
    expect(named.errors?.[0].extensions?.code).toBe('REPORTS.NOT_AUTHORIZED');
    const own = await salesSummary(platform.graphqlUrl, tokens['m-london'], 'TERMINAL');
    expect(own.map((b) => b.key)).toEqual(['ld-1']);
    const anonymous = await graphql(platform.graphqlUrl, undefined, '{ balances { currency } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('REPORTS.NOT_AUTHENTICATED');
    const auditor = await salesSummary(platform.graphqlUrl, tokens.auditor, 'TERMINAL', 'm-shanghai');
    expect(auditor.map((b) => b.key)).toEqual(['sh-1', 'sh-2', 'sh-3']);
  });

  it('invariant 6: rebuilding every view from position 0 of the event store yields exactly the live views', async () => {
    const views = async () => {
      const result = await graphql(
        platform.graphqlUrl,
        tokens.auditor,
        `query($m: ID!) {
          byDay: salesSummary(merchantId: $m, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", groupBy: DAY) { key count gross { minor } refunds { minor } voids { minor } fees { minor } net { minor } }
          byTerminal: salesSummary(merchantId: $m, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", groupBy: TERMINAL) { key count gross { minor } fees { minor } }
          balances(merchantId: $m) { currency pending { minor } settled { minor } fees { minor } available { minor } }
          settlementBatches(merchantId: $m, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { terminalId batchNumber closedAt status ledgerTotals { method count amount { minor } } }
        }`,
        { m: 'm-shanghai' },
      );
      // A page of 100 transactions costs most of one query's budget: it goes on its own.
      const sales = await graphql(
        platform.graphqlUrl,
        tokens.auditor,
        'query($m: ID!) { transactions(merchantId: $m, first: 100) { edges { node { id status amount { minor } refunded { minor } occurredAt } } } }',
        { m: 'm-shanghai' },
      );
      return JSON.stringify([result, sales]);
    };
    const live = await views();
    expect(live).toContain('"byDay"');
    await stopPlatformProcess(platform);
    rmSync(join(env.dataDir, 'read-store'), { recursive: true, force: true });
    platform = await startPlatformProcess(env);
    const rebuilt = await eventually(views, (v) => v === live, 90_000);
    expect(rebuilt).toBe(live);
  });

  it('start names each app once, a second ledger only with Kafka, and says why otherwise', () => {
    const twoLedgers = cliRun(env, ['start', '--apps', 'ingest,ledger,ledger']);
    expect(twoLedgers.status).toBe(1);
    expect(twoLedgers.stderr).toContain('several ledgers share the terminal events as one Kafka consumer group: set KAFKA_BROKERS');
    const twoIngests = cliRun(env, ['start', '--apps', 'ingest,ingest,ledger']);
    expect(twoIngests.status).toBe(1);
    expect(twoIngests.stderr).toContain('--apps names ingest once per process');
  });

  describe('bad input changes nothing', () => {
    let terminalId: string;
    let secret: string;
    const figures = () => salesSummary(platform.graphqlUrl, tokens['m-shanghai'], 'TERMINAL');

    beforeAll(() => {
      terminalId = `bad-${randomUUID().slice(0, 8)}`;
      secret = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', 'm-shanghai', '--id', terminalId]).secret;
    });

    it('invariant 3: a resent batch is answered as duplicates and no figure changes', async () => {
      const before = await figures();
      const sale = randomUUID();
      const body = JSON.stringify({
        events: [
          event(terminalId, 1, 'operator.signed_in', { operatorId: 'op-1' }),
          event(terminalId, 2, 'qr.scanned', { walletReference: 'WX-1' }, sale),
          event(terminalId, 3, 'payment.method_selected', { method: 'WECHAT_PAY' }, sale),
          event(terminalId, 4, 'amount.entered', { amountMinor: '1999', currency: 'CNY' }, sale),
          event(terminalId, 5, 'authorization.requested', {}, sale),
          event(terminalId, 6, 'authorization.approved', { authCode: 'A1', hostReference: 'H1' }, sale),
        ],
      });
      expect(await postSigned(platform.ingestUrl, terminalId, secret, body)).toEqual({ status: 202, body: { accepted: 6, duplicates: 0 } });
      const withSale = await eventually(figures, (b) => b.some((x) => x.key === terminalId));
      expect(withSale.find((b) => b.key === terminalId)).toMatchObject({ count: 1, gross: { minor: '1999' } });
      expect(await postSigned(platform.ingestUrl, terminalId, secret, body)).toEqual({ status: 202, body: { accepted: 0, duplicates: 6 } });
      // A terminal's events reach the views in order: once a receipt sent after the resend is in, whatever the
      // resend could have changed has been applied too. A receipt changes no figure.
      const marker = event(terminalId, 7, 'receipt.emailed', {}, sale);
      expect(await postSigned(platform.ingestUrl, terminalId, secret, JSON.stringify({ events: [marker] }))).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
      await eventually(
        () => graphql<{ transaction: { events: { data: string }[] } | null }>(platform.graphqlUrl, tokens['m-shanghai'], 'query($id: ID!) { transaction(id: $id) { events { data } } }', { id: sale }),
        (r) => (r.data?.transaction?.events ?? []).some((e) => e.data.includes(marker.eventId)),
        { what: 'the receipt sent after the resend, in the views' },
      );
      expect(await figures()).toEqual(withSale);
      expect(withSale.filter((b) => b.key !== terminalId)).toEqual(before);
    });

    it('a bad or stale signature is 401 and nothing is taken', async () => {
      const body = JSON.stringify({ events: [event(terminalId, 8, 'receipt.emailed', {}, randomUUID())] });
      expect((await postSigned(platform.ingestUrl, terminalId, 'f'.repeat(64), body)).status).toBe(401);
      expect((await postSigned(platform.ingestUrl, terminalId, secret, body, Date.now() - 6 * 60_000)).status).toBe(401);
      expect((await postSigned(platform.ingestUrl, 'no-such-terminal', secret, body)).status).toBe(401);
      // Nothing was taken: the same event is new when it finally comes signed.
      expect(await postSigned(platform.ingestUrl, terminalId, secret, body)).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
    });

    it('one malformed event is 400 naming it, and nothing of the batch is taken', async () => {
      const good = event(terminalId, 9, 'operator.signed_out', {});
      const bad = event(terminalId, 10, 'amount.entered', { amountMinor: '12.50', currency: 'CNY' }, randomUUID());
      const rejected = await postSigned(platform.ingestUrl, terminalId, secret, JSON.stringify({ events: [good, bad] }));
      expect(rejected.status).toBe(400);
      expect(rejected.body.errors).toEqual([expect.objectContaining({ index: 1, field: 'payload.amountMinor' })]);
      expect(await postSigned(platform.ingestUrl, terminalId, secret, JSON.stringify({ events: [good] }))).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
    });

    it('a terminal may only send its own events', async () => {
      const other = event('sh-1', 9999, 'operator.signed_out', {});
      const answer = await postSigned(platform.ingestUrl, terminalId, secret, JSON.stringify({ events: [other] }));
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ index: 0, field: 'terminalId' })]);
    });

    it('invariant 2: a full PAN is masked to first 6 / last 4 and recorded as masked; one elsewhere is refused', async () => {
      const sale = randomUUID();
      const flow = [
        event(terminalId, 10, 'operator.signed_in', { operatorId: 'op-2' }),
        event(terminalId, 11, 'card.inserted', { entryMode: 'CHIP', maskedPan: '4111111111111111', scheme: 'VISA' }, sale),
        event(terminalId, 12, 'pin.entered', { result: 'VERIFIED' }, sale),
        event(terminalId, 13, 'payment.method_selected', { method: 'DEBIT' }, sale),
        event(terminalId, 14, 'amount.entered', { amountMinor: '4200', currency: 'CNY' }, sale),
        event(terminalId, 15, 'authorization.requested', {}, sale),
        event(terminalId, 16, 'authorization.approved', { authCode: 'A2', hostReference: 'H2' }, sale),
      ];
      expect(await postSigned(platform.ingestUrl, terminalId, secret, JSON.stringify({ events: flow }))).toEqual({ status: 202, body: { accepted: 7, duplicates: 0 } });
      const refused = await postSigned(
        platform.ingestUrl,
        terminalId,
        secret,
        JSON.stringify({ events: [event(terminalId, 17, 'receipt.emailed', {}, sale), event(terminalId, 18, 'authorization.declined', { responseCode: '05', reason: 'card 4111 1111 1111 1111 refused' }, randomUUID())] }),
      );
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ index: 1, field: 'payload.reason' })]);
      expect(JSON.stringify(refused.body)).not.toContain('4111 1111 1111 1111');

      const history = await eventually(
        () => graphql<{ transaction: { maskedPan: string; events: { type: string; data: string }[] } | null }>(platform.graphqlUrl, tokens['m-shanghai'], 'query($id: ID!) { transaction(id: $id) { maskedPan events { type data } } }', { id: sale }),
        (r) => Boolean(r.data?.transaction),
      );
      const card = history.data!.transaction!.events.find((e) => e.type === 'TerminalEventRecorded' && e.data.includes('card.inserted'));
      expect(JSON.parse(card!.data)).toMatchObject({ panMasked: true, event: { payload: { maskedPan: '411111******1111' } } });
      expect(history.data!.transaction!.maskedPan).toBe('411111******1111');
      expect(JSON.stringify(history)).not.toContain('4111111111111111');
    });

    it('a body over the limit is 413', async () => {
      const huge = JSON.stringify({ events: [event(terminalId, 17, 'operator.signed_in', { operatorId: 'x'.repeat(1_100_000) })] });
      expect((await postSigned(platform.ingestUrl, terminalId, secret, huge)).status).toBe(413);
    });
  });
});

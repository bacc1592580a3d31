// Invariant 6 as an operation on a serving platform: the auditors' replay rebuilds every view from position 0 of a
// real LMDB event store into chDB shadow tables while the live views keep answering, and switches only when equal.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { openCredentialStore, type CredentialStore } from '@posledger/credentials';
import { createLmdbEventStore, type EventStore } from '@posledger/event-store';
import { createReadStore, createViewRebuilder, runMigrations, type ReadStore, type RebuildProgress, type ViewRebuilder } from '@posledger/read-store';
import { unbalancedPostings } from '@posledger/views';
import { createReportsApp } from '@posledger/reports';
import { LiveProjections } from '../platform/live-projections';
import { VIEW_MIGRATIONS, VIEW_PROJECTIONS } from '@posledger/views';
import type { ReplayReportJson } from './replay-report-json';
import { recordHistories } from './test-support/recorded-history';

jest.setTimeout(600_000);

const VIEWS = ['postings', 'settlement_batches', 'sales_facts', 'transaction_changes', 'ledger_events', 'merchants', 'terminal_sequences', 'shifts', 'disputes', 'terminal_activity', 'payouts', 'statements', 'bill_files', 'bill_discrepancies', 'bill_three_way'];
const REPORT = 'position events durationMs eventsPerSecond equal switched views { view projection liveRows replayedRows liveChecksum replayedChecksum equal }';
const SUMMARY = `query($m: ID!) {
  salesSummary(merchantId: $m, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", groupBy: TERMINAL) { key count gross { minor } refunds { minor } voids { minor } fees { minor } net { minor } }
  balances(merchantId: $m) { currency pending { minor } settled { minor } fees { minor } available { minor } }
  settlementBatches(merchantId: $m, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { terminalId batchNumber status }
}`;

const dataDir = mkdtempSync(join(tmpdir(), 'posledger-replay-'));
let eventStore: EventStore;
let readStore: ReadStore;
let credentials: CredentialStore;
let live: LiveProjections;
let rebuilder: ViewRebuilder;
let app: NestFastifyApplication;
let graphqlUrl: string;
let auditor: string;
let merchantIds: string[];

async function graphql<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function replay(force = false): Promise<ReplayReportJson> {
  const result = await graphql<{ replayViews: ReplayReportJson }>(auditor, `mutation($force: Boolean) { replayViews(force: $force) { ${REPORT} } }`, { force });
  if (!result.data) throw new Error(`replayViews failed: ${JSON.stringify(result.errors)}`);
  return result.data.replayViews;
}

/** What merchants and auditors read: every merchant's sales by terminal, balances and settlement batches. */
async function figures(): Promise<string> {
  const all = await Promise.all(merchantIds.map((m) => graphql(auditor, SUMMARY, { m })));
  return JSON.stringify(all);
}

const rowCount = async (table: string): Promise<number> => Number((await readStore.select<{ rows: string }>(`SELECT count() AS rows FROM ${table}`))[0].rows);

beforeAll(async () => {
  eventStore = await createLmdbEventStore({ path: join(dataDir, 'event-store') });
  const terminals = await recordHistories(eventStore, '', 60, 1_000, 11);
  merchantIds = [...new Set(terminals.map((terminal) => terminal.merchantId))];
  readStore = await createReadStore({ dataDir, database: 'replay_spec' });
  await runMigrations(readStore, VIEW_MIGRATIONS);
  live = new LiveProjections(eventStore, readStore, VIEW_PROJECTIONS);
  await live.start();
  rebuilder = createViewRebuilder({ eventStore, readStore, projections: VIEW_PROJECTIONS, live });
  credentials = openCredentialStore(dataDir);
  auditor = await credentials.issueToken({ role: 'auditor', subject: 'replay spec' });
  // The test polls the figures as fast as it can while a replay runs: no rate limit in the way.
  app = await createReportsApp({ readStore, credentials, views: rebuilder, eventStore, rateLimitPerSecond: 1_000_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  graphqlUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  await live.caughtUp();
});

afterAll(async () => {
  await app?.close();
  await live?.stop();
  await readStore?.close();
  await credentials?.close();
  await eventStore?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('replay of every view (auditors)', () => {
  it('invariant 6: a replay of over 100,000 events equals the live views view by view and switches, while queries keep answering', async () => {
    const head = await eventStore.headPosition();
    expect(head).toBeGreaterThanOrEqual(100_000n);
    const before = await figures();

    let replaying = true;
    const replayed = replay().finally(() => (replaying = false));
    const answersDuringReplay: string[] = [];
    while (replaying) answersDuringReplay.push(await figures());
    const report = await replayed;

    // Every auditor call (the replay itself, each progress poll) appends to the audit trail: the head moves on.
    const headAfter = await eventStore.headPosition();
    expect(report).toMatchObject({ equal: true, switched: true });
    expect(BigInt(report.position)).toBeGreaterThanOrEqual(head);
    expect(BigInt(report.position)).toBeLessThanOrEqual(headAfter);
    expect(report.events).toBe(Number(report.position));
    expect(report.views.map((view) => view.view)).toEqual(VIEWS);
    for (const view of report.views) {
      expect(view).toMatchObject({ equal: true, replayedRows: view.liveRows, replayedChecksum: view.liveChecksum });
      expect(view.liveRows).toBeGreaterThan(0);
    }
    expect(answersDuringReplay.length).toBeGreaterThan(0);
    for (const answer of answersDuringReplay) expect(answer).toBe(before);
    expect(await figures()).toBe(before);
  });

  it('leaves no shadow table or shadow checkpoint behind, and the views still obey double entry and hold each event once', async () => {
    const tables = await readStore.select<{ name: string }>("SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE '%replay%'");
    const checkpoints = await readStore.select<{ name: string }>("SELECT DISTINCT name FROM projection_checkpoints WHERE name LIKE '%replay%'");
    const unbalanced = await readStore.select('SELECT position, currency FROM postings GROUP BY position, currency HAVING sum(debit) != sum(credit)');
    const [postings] = await readStore.select<{ rows: string; distinct: string }>('SELECT count() AS rows, uniqExact(position, entry) AS distinct FROM postings');
    const [facts] = await readStore.select<{ rows: string; distinct: string }>('SELECT count() AS rows, uniqExact(position, entry) AS distinct FROM sales_facts');

    expect(tables).toEqual([]);
    expect(checkpoints).toEqual([]);
    expect(unbalanced).toEqual([]);
    expect(postings.rows).toBe(postings.distinct);
    expect(facts.rows).toBe(facts.distinct);
  });

  it('gives identical checksums when replaying the same store twice', async () => {
    const first = await replay();
    const second = await replay();

    // The second replay covers the first one's audit-trail record too, which no view reads: same checksums.
    expect(second.views).toEqual(first.views);
  });

  it('reports progress up to the head, then includes events appended while it ran in both views', async () => {
    const progress: RebuildProgress[] = [];
    let appending: Promise<unknown> | undefined;
    const report = await rebuilder.rebuild({
      onProgress: (p) => {
        progress.push(p);
        appending ??= recordHistories(eventStore, 'late-', 2, 200, 12);
      },
    });
    await appending;
    await live.caughtUp();
    const merchants = await readStore.select<{ merchant_id: string }>("SELECT merchant_id FROM merchants WHERE merchant_id LIKE 'late-%'");

    expect(report.equal).toBe(true);
    expect(report.switched).toBe(true);
    const positions = progress.map((p) => p.position);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(progress[progress.length - 1].position).toBe(report.position);
    expect(progress.some((p) => p.phase === 'replaying' && p.eventsPerSecond > 0 && p.etaSeconds !== undefined)).toBe(true);
    expect(merchants).toEqual([{ merchant_id: 'late-m-001' }]);
    expect((await rebuilder.rebuild()).equal).toBe(true);
  });

  it('reports a tampered live view and does not switch; forced, it switches and the live view is correct again', async () => {
    const intact = await rowCount('sales_facts');
    const before = await figures();
    await readStore.command("ALTER TABLE sales_facts DELETE WHERE position = (SELECT min(position) FROM sales_facts WHERE kind = 'SALE')");
    const tampered = await figures();

    const refused = await replay();

    expect(tampered).not.toBe(before);
    expect(refused).toMatchObject({ equal: false, switched: false });
    expect(refused.views.filter((view) => !view.equal).map((view) => view.view)).toEqual(['sales_facts']);
    expect(refused.views.find((view) => view.view === 'sales_facts')).toMatchObject({ liveRows: intact - 1, replayedRows: intact });
    expect(await rowCount('sales_facts')).toBe(intact - 1);

    const forced = await replay(true);

    expect(forced).toMatchObject({ equal: false, switched: true });
    expect(await rowCount('sales_facts')).toBe(intact);
    expect(await figures()).toBe(before);
    expect((await replay()).equal).toBe(true);
  });

  it('is for auditor tokens only, and one at a time', async () => {
    const merchant = await credentials.issueToken({ role: 'merchant', merchantId: merchantIds[0] });
    const refused = await graphql(merchant, `mutation { replayViews { ${REPORT} } }`);
    const progress = await graphql(merchant, '{ replayProgress { phase } }');

    const running = rebuilder.rebuild();
    const second = await graphql(auditor, `mutation { replayViews { ${REPORT} } }`);
    await running;

    expect(refused.errors?.[0].extensions?.code).toBe('REPORTS.NOT_AUTHORIZED');
    expect(progress.errors?.[0].extensions?.code).toBe('REPORTS.NOT_AUTHORIZED');
    expect(second.errors?.[0].extensions?.code).toBe('REPORTS.REPLAY_IN_PROGRESS');
  });

  it('invariant 5: debits equal credits per merchant and currency over the postings view, and a planted unbalanced row is found', async () => {
    expect(await rowCount('postings')).toBeGreaterThan(0);
    expect(await unbalancedPostings(readStore)).toEqual([]);

    const planted = { merchant_id: merchantIds[0], terminal_id: 'planted', currency: 'CNY', account: 'merchant:pending', debit: '0', credit: '7', transaction_id: 'planted', event_type: 'Planted', occurred_at: '2026-11-23 00:00:00.000', recorded_at: '2026-11-23 00:00:00.000', position: '999999999999', entry: 0 };
    await readStore.insert('postings', [planted]);
    try {
      expect(await unbalancedPostings(readStore)).toEqual([{ merchantId: merchantIds[0], currency: 'CNY', difference: '-7' }]);
    } finally {
      await readStore.command('ALTER TABLE postings DELETE WHERE position = {position:UInt64}', { position: planted.position });
    }
    expect(await unbalancedPostings(readStore)).toEqual([]);
  });
});

// One terminal sending schema-valid but hostile traffic must not make any figure wrong, hide its own sales, or show
// one merchant another's data (invariants 7, 8 and 9), through the public contract only.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, graphql, salesSummary } from './support/graphql-client';
import { cli, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { event, postSigned, qrSale } from './support/terminal-http';

jest.setTimeout(180_000);

const signIn = (terminalId: string) => event(terminalId, 1, 'operator.signed_in', { operatorId: 'op-1' });

describe('a hostile terminal', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  const secrets: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const post = (terminalId: string, events: unknown[]) => postSigned(platform.ingestUrl, terminalId, secrets[terminalId], JSON.stringify({ events }));

  beforeAll(async () => {
    env = {
      dataDir: mkdtempSync(join(tmpdir(), 'posledger-hostile-')),
      ingestPort: await freePort(),
      reportsPort: await freePort(),
      // A ledger cache of one event of history: each terminal's state is dropped as soon as another terminal sends, and
      // folded again from the store when it next sends.
      extraEnv: { SEQUENCE_GAP_TIMEOUT_MS: '1500', POSLEDGER_LEDGER_CACHED_EVENTS: '1' },
    };
    for (const merchantId of ['m-a', 'm-b']) {
      cli(env, ['merchant', 'add', '--id', merchantId, '--name', `Shop ${merchantId}`, '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
      tokens[merchantId] = cli<{ token: string }>(env, ['token', '--merchant', merchantId]).token;
    }
    for (const [terminalId, merchantId] of [['a-gap', 'm-a'], ['a-1', 'm-a'], ['a-big', 'm-a'], ['b-1', 'm-b']]) {
      secrets[terminalId] = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', merchantId, '--id', terminalId]).secret;
    }
    platform = await startPlatformProcess(env);
  });

  afterAll(async () => {
    if (platform) await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it('invariant 9: a batch refused with 400 leaves a gap; after the gap timeout the later sale is in the reports and the gap is visible', async () => {
    expect((await post('a-gap', [signIn('a-gap')])).status).toBe(202);
    const refused = await post('a-gap', [{ ...event('a-gap', 2, 'operator.signed_out', {}), payload: { unexpected: true } }]);
    expect(refused.status).toBe(400);
    expect((await post('a-gap', qrSale('a-gap', 3, '1234'))).status).toBe(202);
    const close = event('a-gap', 8, 'settlement.closed', { batchNumber: 1, totals: [{ method: 'WECHAT_PAY', count: 1, amountMinor: '1234', currency: 'CNY' }] });
    expect((await post('a-gap', [close])).status).toBe(202);

    const buckets = await eventually(() => salesSummary(platform.graphqlUrl, tokens['m-a'], 'TERMINAL'), (b) => b.some((x) => x.key === 'a-gap'));
    expect(buckets.find((b) => b.key === 'a-gap')).toMatchObject({ count: 1, gross: { minor: '1234' } });
    const sequences = await graphql<{ terminalSequences: unknown[] }>(platform.graphqlUrl, tokens['m-a'],
      '{ terminalSequences { terminalId nextSequence parkedCount waitingSince skippedGaps skippedSequences lastSkippedGap { from to reason } } }');
    expect(sequences.data?.terminalSequences).toEqual([{
      terminalId: 'a-gap', nextSequence: 9, parkedCount: 0, waitingSince: null, skippedGaps: 1, skippedSequences: 1,
      lastSkippedGap: { from: 2, to: 2, reason: 'TIMEOUT' },
    }]);
    const batches = await eventually(
      () => graphql<{ settlementBatches: { terminalId: string; status: string }[] }>(platform.graphqlUrl, tokens['m-a'],
        '{ settlementBatches(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { terminalId status } }'),
      (r) => (r.data?.settlementBatches ?? []).length > 0,
    );
    expect(batches.data?.settlementBatches).toEqual([{ terminalId: 'a-gap', status: 'MISMATCH' }]);
  });

  it("invariant 7: a reused transaction id never shows one merchant another merchant's sale", async () => {
    const shared = randomUUID();
    expect((await post('b-1', [signIn('b-1'), ...qrSale('b-1', 2, '5000', shared)])).status).toBe(202);
    expect((await post('b-1', [event('b-1', 7, 'settlement.closed', { batchNumber: 1, totals: [] })])).status).toBe(202);
    expect((await post('a-1', [signIn('a-1'), ...qrSale('a-1', 2, '700', shared)])).status).toBe(202);
    const query = `query($id: ID!) { transaction(id: $id) { terminalId merchantId amount { minor } events { type data } } }`;
    type Found = { transaction: { terminalId: string; merchantId: string; amount: { minor: string }; events: { type: string; data: string }[] } | null };
    const seenByA = await eventually(() => graphql<Found>(platform.graphqlUrl, tokens['m-a'], query, { id: shared }), (r) => Boolean(r.data?.transaction));
    const seenByB = await eventually(() => graphql<Found>(platform.graphqlUrl, tokens['m-b'], query, { id: shared }), (r) => (r.data?.transaction?.events ?? []).some((e) => e.type === 'BatchClosed'));
    expect(seenByA.data?.transaction).toMatchObject({ terminalId: 'a-1', merchantId: 'm-a', amount: { minor: '700' } });
    expect(seenByB.data?.transaction).toMatchObject({ terminalId: 'b-1', merchantId: 'm-b', amount: { minor: '5000' } });
    // Whole values only: a random UUID may hold "a-1" between two of its groups.
    expect(JSON.stringify(seenByA.data)).not.toMatch(/(?<![\w-])(b-1|m-b|5000)(?![\w-])/);
    expect(JSON.stringify(seenByB.data)).not.toMatch(/(?<![\w-])(a-1|m-a|700)(?![\w-])/);
    const listedByA = await graphql<{ transactions: { edges: { node: { terminalId: string } }[] } }>(platform.graphqlUrl, tokens['m-a'], '{ transactions(first: 50) { edges { node { terminalId } } } }');
    expect(listedByA.data?.transactions.edges.map((e) => e.node.terminalId)).not.toContain('b-1');
  });

  it('invariant 8: amounts are bounded at 12 digits, and two sales at the bound sum exactly', async () => {
    const tooBig = await post('a-big', [signIn('a-big'), ...qrSale('a-big', 2, '1000000000000')]);
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.body)).toContain('amountMinor');
    const wide = await post('a-big', [signIn('a-big'), ...qrSale('a-big', 2, '99999999999999999999999')]);
    expect(wide.status).toBe(400);
    const atBound = [signIn('a-big'), ...qrSale('a-big', 2, '999999999999'), ...qrSale('a-big', 7, '999999999999')];
    expect((await post('a-big', atBound)).status).toBe(202);
    const buckets = await eventually(() => salesSummary(platform.graphqlUrl, tokens['m-a'], 'TERMINAL'), (b) => b.some((x) => x.key === 'a-big'));
    expect(buckets.find((b) => b.key === 'a-big')).toMatchObject({ count: 2, gross: { minor: '1999999999998' } });
  });

  it('invariant 8: batch numbers and counts beyond 32 bits, and sales dated years away, are refused at ingest', async () => {
    const wrapped = event('a-big', 12, 'settlement.closed', { batchNumber: 4294967296, totals: [] });
    expect((await post('a-big', [wrapped])).status).toBe(400);
    const huge = event('a-big', 12, 'settlement.closed', { batchNumber: 2, totals: [{ method: 'DEBIT', count: 2 ** 53 - 1, amountMinor: '1', currency: 'CNY' }] });
    expect((await post('a-big', [huge])).status).toBe(400);
    const old = { ...event('a-big', 12, 'operator.signed_out', {}), occurredAt: '2018-01-01T00:00:00Z' };
    const refused = await post('a-big', [old]);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('occurredAt');
    const batches = await graphql<{ settlementBatches: unknown[] }>(platform.graphqlUrl, tokens['m-a'],
      '{ settlementBatches(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { terminalId batchNumber } }');
    expect(batches.errors).toBeUndefined();
  });
});

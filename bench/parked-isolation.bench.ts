// Invariant 9, defect 5 of the reliability issue: one terminal sending events far ahead of its sequence must not slow
// another merchant's reports. The embedded platform (`posledger start` as a child process), in one run:
//  1. idle: merchant B's probe terminal posts a complete QR sale every 200 ms for 10 s; per sale, from the start of
//     its POST until salesSummary(groupBy: TERMINAL) with B's token counts it (polled every 10 ms); GET /health of
//     the reports app timed every 200 ms;
//  2. control: the same while a terminal of merchant A posts 10,000 events in sequence (20 batches of 500, as fast as
//     ingest answers): what that volume costs without any gap;
//  3. flood: the same while merchant A's hostile terminal (sequence 1 sent, then nothing below 1,000,000) posts 20
//     batches of 500, each a million sequences past the previous, as fast as ingest answers;
// each figure beside the idle one, and the hostile terminal's terminalSequences at the end.
import { readFileSync } from 'node:fs';
import { openCredentialStore } from '@posledger/credentials';
import { loadPlatformConfig } from '@posledger/platform-config';
import type { TerminalEvent } from '@posledger/terminal-simulator';
import { startPlatformChild } from './support/platform-child';
import { expectedParkedFigures, FAR_AHEAD_STRIDE, farAheadBatches, inSequenceBatches, signIn } from './support/flood-batches';
import { freePort } from '../e2e/support/platform-process';
import { postSigned } from './support/post-signed';
import { floodPhase, probePhase, type FloodFigures, type PhaseFigures, type ProbePlan } from './support/probe-phase';
import { provisionTerminals } from './support/provision-terminals';
import { countedSales, SaleProbe } from './support/qr-sale-probe';
import { compareWithBaseline } from './support/report';
import { reportsGraphql } from './support/reports-graphql';
import { signBatch } from './support/signed-batches';
import { percentile } from './support/stats';
import { runBench, withTempDir } from './support/temp-dir';
import type { BenchTerminal } from './support/terminal-traffic';

const PROBE: BenchTerminal = { terminalId: 'b-probe', merchantId: 'm-b', currency: 'CNY' };
const STEADY: BenchTerminal = { terminalId: 'a-steady', merchantId: 'm-a', currency: 'CNY' };
const HOSTILE: BenchTerminal = { terminalId: 'a-hostile', merchantId: 'm-a', currency: 'CNY' };
const FLOOD_BATCHES = 20;
const FLOOD_BATCH_SIZE = 500;
const END_CHECK_MS = 100;
const END_TIMEOUT_MS = 120_000;

interface TerminalSequenceJson {
  readonly terminalId: string;
  readonly nextSequence: number;
  readonly parkedCount: number;
  readonly skippedGaps: number;
  readonly skippedSequences: number;
  readonly lastSkippedGap: { from: number; to: number; reason: string } | null;
}

const count = (n: number): string => n.toLocaleString('en-US');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const loadAverage = (): string => readFileSync('/proc/loadavg', 'utf8').trim();
const spread = (samples: readonly number[]): string => [50, 99, 100].map((p) => percentile(samples, p).toFixed(0)).join(' / ');

async function hostileSequence(graphqlUrl: string, token: string): Promise<TerminalSequenceJson | undefined> {
  const data = await reportsGraphql<{ terminalSequences: TerminalSequenceJson[] }>(
    graphqlUrl,
    token,
    '{ terminalSequences { terminalId nextSequence parkedCount skippedGaps skippedSequences lastSkippedGap { from to reason } } }',
  );
  return data.terminalSequences.find((row) => row.terminalId === HOSTILE.terminalId);
}

function printBesideIdle(label: string, measured: readonly number[], idle: readonly number[]): void {
  for (const [name, p] of [['p50', 50], ['p99', 99], ['max', 100]] as const) {
    compareWithBaseline(`   ${label} ${name}`, Math.round(percentile(measured, p) * 10) / 10, 'idle', Math.round(percentile(idle, p) * 10) / 10, 'ms');
  }
}

function printFlood(label: string, flood: FloodFigures, idle: PhaseFigures): void {
  const during = (at: number): boolean => at >= flood.startedAt && at <= flood.endedAt;
  const sales = flood.sales.filter((s) => during(s.postedAt)).map((s) => s.visibleMs);
  const health = flood.health.filter((h) => during(h.sentAt)).map((h) => h.ms);
  console.log(
    `${label}: ${count(flood.load.events)} events in ${flood.load.batches} batches, all 202 in ${seconds(flood.load.lastAnsweredAt - flood.load.firstSentAt)} ` +
      `(${count(flood.load.eventsPerSecond)} events/s); its last event visible in the reports ${seconds(flood.endedAt - flood.startedAt)} after its first POST`,
  );
  console.log(`   posted while its events were in flight (its first POST until its last event was visible): ${sales.length} probe sales, ${health.length} /health`);
  if (sales.length > 0) printBesideIdle('POST -> counted in salesSummary', sales, idle.sales.map((s) => s.visibleMs));
  if (health.length > 0) printBesideIdle('GET /health', health, idle.health.map((h) => h.ms));
  console.log(
    `   whole phase, p50 / p99 / max: POST -> counted ${spread(flood.sales.map((s) => s.visibleMs))} ms (${flood.sales.length}), ` +
      `GET /health ${spread(flood.health.map((h) => h.ms))} ms (${flood.health.length})`,
  );
}

async function main(): Promise<void> {
  console.log(`load average at start: ${loadAverage()}`);
  await withTempDir('posledger-parked-isolation-', async (dataDir) => {
    const steadyBatches = inSequenceBatches(STEADY, FLOOD_BATCHES, FLOOD_BATCH_SIZE);
    const hostileBatches = farAheadBatches(HOSTILE.terminalId, FLOOD_BATCHES, FLOOD_BATCH_SIZE);
    const expected = expectedParkedFigures(HOSTILE, [signIn(HOSTILE.terminalId), ...hostileBatches.flat()], FLOOD_BATCH_SIZE);

    const secrets = await provisionTerminals(loadPlatformConfig({}, dataDir), [PROBE, STEADY, HOSTILE], 'Asia/Shanghai');
    const credentials = openCredentialStore(dataDir);
    const tokenOf = { b: await credentials.issueToken({ role: 'merchant', merchantId: 'm-b' }), a: await credentials.issueToken({ role: 'merchant', merchantId: 'm-a' }) };
    await credentials.close();
    const reportsUrl = `http://127.0.0.1:${await freePort()}`;
    const platform = await startPlatformChild('ingest,ledger,reports', {
      POSLEDGER_DATA: dataDir,
      INGEST_PORT: '0',
      REPORTS_PORT: new URL(reportsUrl).port,
      // Polling every 10 ms is over the default 20 requests/s per token.
      REPORTS_RATE_LIMIT: '1000',
      // The flood must be taken whole to measure what parking costs; the default limit of 1,000 events/s per
      // terminal would refuse most of it with 429.
      TERMINAL_EVENT_RATE_LIMIT: '1000000',
      KAFKA_BROKERS: '',
      EVENTSTORE_URL: '',
      CLICKHOUSE_URL: '',
    });
    try {
      const graphqlUrl = `${reportsUrl}/graphql`;
      const sign = (terminal: BenchTerminal, events: readonly TerminalEvent[]) => signBatch(terminal.terminalId, secrets.get(terminal.terminalId) ?? '', events);
      for (const terminal of [PROBE, STEADY, HOSTILE]) {
        const status = await postSigned(platform.ingestUrl, sign(terminal, [signIn(terminal.terminalId)]));
        if (status !== 202) throw new Error(`sign-in of ${terminal.terminalId} answered ${status}`);
      }
      const probe = new SaleProbe({ ingestEndpoint: platform.ingestUrl, graphqlUrl, token: tokenOf.b }, { ...PROBE, secret: secrets.get(PROBE.terminalId) ?? '' }, 2);
      const plan: ProbePlan = { probe, sales: 50, saleIntervalMs: 200, pollMs: 10, healthUrl: `${reportsUrl}/health`, healthIntervalMs: 200 };
      await probe.run(3, plan.saleIntervalMs, plan.pollMs); // warm-up: the first queries and parts in chDB

      const idle = await probePhase(plan);
      console.log(`1. idle: ${idle.sales.length} QR sales of ${PROBE.merchantId}, one every ${plan.saleIntervalMs} ms, salesSummary polled every ${plan.pollMs} ms`);
      console.log(`   p50 / p99 / max: POST -> counted in salesSummary ${spread(idle.sales.map((s) => s.visibleMs))} ms, GET /health ${spread(idle.health.map((h) => h.ms))} ms (${idle.health.length})`);

      const flood = { url: platform.ingestUrl, checkMs: END_CHECK_MS, endTimeoutMs: END_TIMEOUT_MS };
      const steady = await floodPhase(plan, { ...flood, requests: steadyBatches.map((b) => sign(STEADY, b)), ended: async () => (await countedSales(graphqlUrl, tokenOf.a, STEADY.terminalId)) > 0 });
      printFlood(`2. control: ${STEADY.terminalId} (${STEADY.merchantId}) in sequence`, steady, idle);

      let mostParked = 0;
      const hostile = await floodPhase(plan, {
        ...flood,
        requests: hostileBatches.map((b) => sign(HOSTILE, b)),
        ended: async () => {
          const row = await hostileSequence(graphqlUrl, tokenOf.a);
          mostParked = Math.max(mostParked, row?.parkedCount ?? 0);
          return row?.parkedCount === expected.parkedCount && row.skippedGaps === expected.skippedGaps;
        },
      });
      printFlood(`3. flood: ${HOSTILE.terminalId} (${HOSTILE.merchantId}), each batch ${count(FAR_AHEAD_STRIDE)} sequences past the previous`, hostile, idle);

      const end = await hostileSequence(graphqlUrl, tokenOf.a);
      console.log(
        `   terminalSequences of ${HOSTILE.terminalId} at the end: parkedCount ${end?.parkedCount} (most seen during the flood ${count(mostParked)}), ` +
          `skippedGaps ${end?.skippedGaps}, skippedSequences ${count(end?.skippedSequences ?? 0)}, nextSequence ${count(end?.nextSequence ?? 0)}, ` +
          `last gap ${JSON.stringify(end?.lastSkippedGap)}; the domain decider on the same events: parkedCount ${expected.parkedCount}, skippedGaps ${expected.skippedGaps}`,
      );
      console.log('   before the fix (reliability issue, defect 5): median 4.3 s, up to 12 s, against 42 ms idle; /health 4.9 s');
    } finally {
      await platform.stop();
    }
  });
  console.log(`load average at end: ${loadAverage()}`);
}

runBench(main);

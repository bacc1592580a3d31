// Invariant 3 under fire: every process is SIGKILLed at least 20 times, at seeded random moments, while terminals
// stream and retry; afterwards every stream holds each terminal event once and in order, every figure equals the
// simulator's books, postings balance per merchant and currency, and a replay of the store equals the live views.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { unbalancedPostings } from '@posledger/views';
import { createReadStore } from '@posledger/read-store';
import { Prng, runSimulation, type SimulationReport } from '@posledger/terminal-simulator';
import { eventually } from './support/graphql-client';
import { describeWithKafka } from './support/kafka-broker';
import { cli, freePort, startAppsProcess, startPlatformProcess, stopPlatformProcess, type AppsProcess, type PlatformEnv } from './support/platform-process';
import { provision, TEST_MERCHANTS, type Provisioned } from './support/provision';
import { daysAgoUtcMidnight } from './support/sim-clock';
import { bookedByTerminal, lastSequences, reportedByTerminal } from './support/terminal-figures';
import { auditTerminalStreams } from './support/terminal-streams';

jest.setTimeout(600_000);

const KILLS_PER_PROCESS = 20;
const MERCHANT_IDS = TEST_MERCHANTS.map((m) => m.merchantId);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const RETRY = { maxAttempts: 400, baseDelayMs: 100, maxDelayMs: 1000 };

/** Seeded moments: 200 to 1,500 ms after the process came back. */
function killDelays(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.intBetween(200, 1500);
}

async function setUp(name: string, terminalCount: number, extraEnv: Record<string, string> = {}): Promise<{ env: PlatformEnv; provisioned: Provisioned }> {
  const dataDir = mkdtempSync(join(tmpdir(), `posledger-crash-matrix-${name}-`));
  const provisioned = await provision(dataDir, terminalCount);
  return { env: { dataDir, ingestPort: await freePort(), reportsPort: await freePort(), extraEnv }, provisioned };
}

/** Every stream exactly once and in order, every figure equal to the books. */
async function expectExact(env: PlatformEnv, graphqlUrl: string, auditorToken: string, report: SimulationReport): Promise<void> {
  expect(report.failures).toEqual([]);
  const sequences = lastSequences(report);
  const expectedRecorded = Object.values(sequences).reduce((total, last) => total + last, 0);
  const audit = await eventually(() => auditTerminalStreams(env.dataDir, sequences), (a) => a.recorded >= expectedRecorded, 180_000);
  expect(audit.problems).toEqual([]);
  expect(audit.recorded).toBe(expectedRecorded);
  const books = bookedByTerminal(report);
  const reported = await eventually(() => reportedByTerminal(graphqlUrl, auditorToken, MERCHANT_IDS), (f) => isDeepStrictEqual(f, books), 180_000);
  expect(reported).toEqual(books);
}

/** With every process stopped: debits equal credits per merchant and currency in the postings view, and replay equals live. */
async function expectBalancedAndReplayable(env: PlatformEnv): Promise<void> {
  const readStore = await createReadStore({ dataDir: env.dataDir });
  try {
    expect(await unbalancedPostings(readStore)).toEqual([]);
    const [{ lines }] = await readStore.select<{ lines: string }>('SELECT toString(count()) AS lines FROM postings');
    expect(Number(lines)).toBeGreaterThan(0);
  } finally {
    await readStore.close();
  }
  // Exit 0 only when every rebuilt view has the live view's rows and checksum (exit 4 otherwise).
  expect(cli<{ equal: boolean }>(env, ['replay']).equal).toBe(true);
}

describe('crash matrix, embedded layout (one process)', () => {
  let env: PlatformEnv;
  afterAll(() => rmSync(env.dataDir, { recursive: true, force: true }));

  it(`invariant 3: ${KILLS_PER_PROCESS} SIGKILLs of the platform under traffic, terminals retrying: exact, balanced, replayable`, async () => {
    const setup = await setUp('embedded', 8);
    env = setup.env;
    let platform = await startPlatformProcess(env);
    let kills = 0;
    let streaming = true;
    const simulation = runSimulation({
      // Traffic lasts until the last kill, however fast the machine restarts the platform; the budget is a backstop.
      ingestUrl: platform.ingestUrl, terminals: setup.provisioned.terminals, maxEvents: 100_000, eventsPerSecond: 300, stopWhen: () => kills >= KILLS_PER_PROCESS,
      startAt: daysAgoUtcMidnight(10), seed: 31, batchSize: 20, retry: RETRY, onProgress: () => undefined,
    }).finally(() => (streaming = false));
    const nextDelay = killDelays(31);
    while (kills < KILLS_PER_PROCESS) {
      await sleep(nextDelay());
      expect(streaming).toBe(true);
      await stopPlatformProcess(platform, 'SIGKILL');
      kills++;
      platform = await startPlatformProcess(env);
    }
    const report = await simulation;
    expect(kills).toBe(KILLS_PER_PROCESS);
    await expectExact(env, platform.graphqlUrl, setup.provisioned.auditorToken, report);
    await stopPlatformProcess(platform);
    await expectBalancedAndReplayable(env);
  });
});

describeWithKafka('crash matrix, Kafka layout (ingest+reports and ledger in their own processes)', (brokers) => {
  let env: PlatformEnv;
  const running: AppsProcess[] = [];
  afterAll(async () => {
    for (const process of running) await stopPlatformProcess(process);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it(`invariant 3: ${KILLS_PER_PROCESS} SIGKILLs of each process under traffic, terminals retrying: exact, balanced, replayable`, async () => {
    const topic = `crash-matrix-${randomUUID().slice(0, 8)}`;
    const setup = await setUp('kafka', 12, {
      KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC: topic, KAFKA_DLQ_TOPIC: `${topic}.dlq`, KAFKA_SESSION_TIMEOUT_MS: '6000',
    });
    env = setup.env;
    let front = await startPlatformProcess(env, ['--apps', 'ingest,reports']);
    let ledger = await startAppsProcess(env, ['--apps', 'ledger']);
    running.push(front, ledger);
    const kills = { front: 0, ledger: 0 };
    let streaming = true;
    const simulation = runSimulation({
      ingestUrl: front.ingestUrl, terminals: setup.provisioned.terminals, maxEvents: 100_000, eventsPerSecond: 150,
      stopWhen: () => kills.front >= KILLS_PER_PROCESS && kills.ledger >= KILLS_PER_PROCESS,
      startAt: daysAgoUtcMidnight(10), seed: 32, batchSize: 20, retry: RETRY, onProgress: () => undefined,
    }).finally(() => (streaming = false));
    const nextDelay = killDelays(32);
    while (kills.front < KILLS_PER_PROCESS || kills.ledger < KILLS_PER_PROCESS) {
      await sleep(nextDelay());
      expect(streaming).toBe(true);
      if (kills.ledger <= kills.front) {
        await stopPlatformProcess(ledger, 'SIGKILL');
        kills.ledger++;
        ledger = await startAppsProcess(env, ['--apps', 'ledger']);
        running.push(ledger);
      } else {
        await stopPlatformProcess(front, 'SIGKILL');
        kills.front++;
        front = await startPlatformProcess(env, ['--apps', 'ingest,reports']);
        running.push(front);
      }
    }
    const report = await simulation;
    expect(kills).toEqual({ front: KILLS_PER_PROCESS, ledger: KILLS_PER_PROCESS });
    await expectExact(env, front.graphqlUrl, setup.provisioned.auditorToken, report);
    await stopPlatformProcess(front);
    await stopPlatformProcess(ledger);
    await expectBalancedAndReplayable(env);
  });
});

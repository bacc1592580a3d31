// The built platform on a real Apache Kafka broker (scripts/kafka start), through its public contract: ingest
// HTTP, GraphQL and the CLI's `start [--apps ...]`. Every figure must equal the simulator's books exactly, and
// every terminal stream in the event store must hold each terminal event once, in sequence order.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { LEDGER_GROUP_ID } from '../libs/ledger/src/consumer/terminal-events.consumer';
import { runSimulation, type SimulatedTerminal, type SimulationOptions, type SimulationReport } from '@posledger/terminal-simulator';
import { eventually } from './support/graphql-client';
import { describeWithKafka, kafkaScript } from './support/kafka-broker';
import { committedOffsets, groupMembersOn, produceRaw, waitForMessage } from './support/kafka-client';
import { freePort, startAppsProcess, startPlatformProcess, stopPlatformProcess, type AppsProcess, type PlatformEnv } from './support/platform-process';
import { provision, TEST_MERCHANTS } from './support/provision';
import { daysAgoUtcMidnight } from './support/sim-clock';
import { bookedByTerminal, lastSequences, reportedByTerminal } from './support/terminal-figures';
import { auditTerminalStreams } from './support/terminal-streams';
import { event, postSigned, postSignedWithHeaders } from './support/terminal-http';

jest.setTimeout(300_000);

const MERCHANT_IDS = TEST_MERCHANTS.map((m) => m.merchantId);
const PARTITIONS = 12;

interface Setup {
  readonly env: PlatformEnv;
  readonly topic: string;
  readonly dlqTopic: string;
  readonly terminals: SimulatedTerminal[];
  readonly auditorToken: string;
}

describeWithKafka('the platform on Kafka, through the public contract', (brokers) => {
  const runId = randomUUID().slice(0, 8);
  let processes: AppsProcess[] = [];
  let dataDirs: string[] = [];

  /** A fresh data dir with `terminalCount` terminals provisioned, and topics of its own. */
  async function setUp(name: string, terminalCount: number, extraEnv: Record<string, string> = {}): Promise<Setup> {
    const dataDir = mkdtempSync(join(tmpdir(), `posledger-kafka-e2e-${name}-`));
    dataDirs.push(dataDir);
    const topic = `e2e-${runId}-${name}.terminal-events`;
    const dlqTopic = `e2e-${runId}-${name}.terminal-events.dlq`;
    const { terminals, auditorToken } = await provision(dataDir, terminalCount);
    const env: PlatformEnv = {
      dataDir,
      ingestPort: await freePort(),
      reportsPort: await freePort(),
      extraEnv: { KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC: topic, KAFKA_DLQ_TOPIC: dlqTopic, TRANSPORT_PARTITIONS: String(PARTITIONS), ...extraEnv },
    };
    return { env, topic, dlqTopic, terminals, auditorToken };
  }

  function track<T extends AppsProcess>(started: T): T {
    processes.push(started);
    return started;
  }

  function simulate(ingestUrl: string, terminals: readonly SimulatedTerminal[], options: Partial<SimulationOptions> = {}): Promise<SimulationReport> {
    return runSimulation({ ingestUrl, terminals, maxEvents: 5_000, startAt: daysAgoUtcMidnight(4), seed: 20261123, batchSize: 25, settleAtEnd: true, ...options });
  }

  /** Nothing lost, nothing doubled: every stream exact and in order, then every figure equal to the books. */
  async function expectExactlyOnce(setup: Setup, graphqlUrl: string, report: SimulationReport, extraSequences: Record<string, number> = {}): Promise<void> {
    expect(report.failures).toEqual([]);
    const sequences = { ...lastSequences(report), ...extraSequences };
    const expectedRecorded = Object.values(sequences).reduce((total, last) => total + last, 0);
    const audit = await eventually(() => auditTerminalStreams(setup.env.dataDir, sequences), (a) => a.recorded >= expectedRecorded, 180_000);
    expect(audit.problems).toEqual([]);
    expect(audit.recorded).toBe(expectedRecorded);
    const books = bookedByTerminal(report);
    const reported = await eventually(() => reportedByTerminal(graphqlUrl, setup.auditorToken, MERCHANT_IDS), (f) => isDeepStrictEqual(f, books), 180_000);
    expect(reported).toEqual(books);
  }

  afterEach(async () => {
    for (const started of processes.reverse()) await stopPlatformProcess(started);
    for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
    processes = [];
    dataDirs = [];
  });

  afterAll(async () => {
    // The outage test stops the broker; whatever happened, leave it running.
    await kafkaScript('start');
  });

  it('(a) 10,000 events from 200 terminals: each applied exactly once, in order per terminal', async () => {
    const setup = await setUp('a', 200);
    const platform = track(await startPlatformProcess(setup.env));
    expect(platform.output()).toContain(`topic ${setup.topic}`);

    const report = await simulate(platform.ingestUrl, setup.terminals, { maxEvents: 10_000 });

    expect(report.eventsSent).toBeGreaterThanOrEqual(10_000);
    expect(Object.keys(report.terminals)).toHaveLength(200);
    await expectExactlyOnce(setup, platform.graphqlUrl, report);
  });

  it('(b) the ledger process killed with SIGKILL mid-stream and restarted: nothing lost, nothing doubled', async () => {
    // The killed ledger's partitions go to the new one once the group stops waiting for it: 6 s (the broker's least)
    // rather than the default 30 s, as in the crash matrix.
    const setup = await setUp('b', 20, { KAFKA_SESSION_TIMEOUT_MS: '6000' });
    const front = track(await startPlatformProcess(setup.env, ['--apps', 'ingest,reports']));
    const firstLedger = track(await startAppsProcess(setup.env, ['--apps', 'ledger']));
    let streaming = true;
    const simulation = simulate(front.ingestUrl, setup.terminals, { maxEvents: 6_000, eventsPerSecond: 400 }).finally(() => (streaming = false));

    await eventually(() => reportedByTerminal(front.graphqlUrl, setup.auditorToken, MERCHANT_IDS), (f) => Object.keys(f).length > 0);
    expect(streaming).toBe(true);
    await stopPlatformProcess(firstLedger, 'SIGKILL');
    expect(firstLedger.child.signalCode).toBe('SIGKILL');
    track(await startAppsProcess(setup.env, ['--apps', 'ledger']));

    await expectExactlyOnce(setup, front.graphqlUrl, await simulation);
  });

  it("(c) the broker stopped mid-stream, long enough for the terminals' retries to be refused: ingest answers 503 with Retry-After, the retries then succeed, every figure exact", async () => {
    const setup = await setUp('c', 21);
    const [probe, ...terminals] = setup.terminals;
    const platform = track(await startPlatformProcess(setup.env));
    let sent = 0;
    const simulation = simulate(platform.ingestUrl, terminals, {
      maxEvents: 6_000,
      eventsPerSecond: 300,
      // The outage lasts until the terminals were refused twice each on average (each batch waits up to 5 s for the
      // broker, then 2 s of Retry-After), plus the broker's stop and start: retry for well over a minute.
      retry: { maxAttempts: 60, baseDelayMs: 200, maxDelayMs: 2_000, maxRetryAfterMs: 5_000 },
      onProgress: (progress) => (sent = progress.eventsSent),
    });
    const probeBody = JSON.stringify({ events: [event(probe.terminalId, 1, 'operator.signed_in', { operatorId: 'op-probe' })] });

    await eventually(async () => sent, (n) => n >= 1_000);
    let duringOutage: Awaited<ReturnType<typeof postSignedWithHeaders>>;
    const refusalsLogged = (): number => platform.output().split('503 INGEST.TRANSPORT_UNAVAILABLE').length - 1;
    const refusalsBefore = refusalsLogged();
    try {
      await kafkaScript('stop');
      duringOutage = await postSignedWithHeaders(platform.ingestUrl, probe.terminalId, probe.secret, probeBody);
      // The outage has done its work once the streaming terminals' batches were refused, and refused again on retry:
      // the probe's 503, then two for each of the other terminals, in the platform's log.
      await eventually(refusalsLogged, (count) => count >= refusalsBefore + 1 + 2 * terminals.length, {
        timeoutMs: 90_000,
        what: `the probe's and ${2 * terminals.length} of the terminals' batches refused with 503 during the outage`,
      });
    } finally {
      await kafkaScript('start');
    }
    const report = await simulation;

    expect(duringOutage.status).toBe(503);
    expect(duringOutage.headers.get('retry-after')).toMatch(/^\d+$/);
    // A 503 took nothing: the same batch is new once the broker is back.
    expect(await postSigned(platform.ingestUrl, probe.terminalId, probe.secret, probeBody)).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
    await expectExactlyOnce(setup, platform.graphqlUrl, report, { [probe.terminalId]: 1 });
  });

  it('(d) two ledger instances share the partitions as one consumer group: both work, figures exact', async () => {
    const setup = await setUp('d', 24);
    const front = track(await startPlatformProcess(setup.env, ['--apps', 'ingest,reports']));
    track(await startAppsProcess(setup.env, ['--apps', 'ledger']));
    track(await startAppsProcess(setup.env, ['--apps', 'ledger']));

    const members = await eventually(() => groupMembersOn(brokers, LEDGER_GROUP_ID, setup.topic), (m) => m.length === 2);
    const report = await simulate(front.ingestUrl, setup.terminals, { maxEvents: 6_000 });
    await expectExactlyOnce(setup, front.graphqlUrl, report);

    expect(members.flatMap((m) => m.partitions).sort((a, b) => a - b)).toEqual(Array.from({ length: PARTITIONS }, (_, p) => p));
    const committed = await committedOffsets(brokers, LEDGER_GROUP_ID, setup.topic);
    for (const member of members) {
      expect(member.partitions.some((partition) => (committed.get(partition) ?? -1n) > 0n)).toBe(true);
    }
  });

  it('(f) one process started with --apps ingest,ledger,ledger,reports runs two ledgers, each on a thread of its own, in one consumer group: figures exact', async () => {
    const setup = await setUp('f', 24);
    const platform = track(await startPlatformProcess(setup.env, ['--apps', 'ingest,ledger,ledger,reports']));

    const members = await eventually(() => groupMembersOn(brokers, LEDGER_GROUP_ID, setup.topic), (m) => m.length === 2);
    const report = await simulate(platform.ingestUrl, setup.terminals, { maxEvents: 6_000 });
    await expectExactlyOnce(setup, platform.graphqlUrl, report);

    expect(members.flatMap((m) => m.partitions).sort((a, b) => a - b)).toEqual(Array.from({ length: PARTITIONS }, (_, p) => p));
  });

  it('(e) a poison message is dead-lettered with its reason, and the later events of its partition are still processed', async () => {
    const setup = await setUp('e', 12);
    const platform = track(await startPlatformProcess(setup.env));
    const victim = setup.terminals[0];
    const poisonId = randomUUID();
    const poisonValue = JSON.stringify({ event: { eventId: poisonId, terminalId: victim.terminalId, type: 'amount.entered', payload: { amountMinor: '12.50' } } });
    await produceRaw(brokers, setup.topic, {
      key: victim.terminalId,
      value: poisonValue,
      headers: { 'event-id': poisonId, 'event-type': 'amount.entered', 'schema-version': '1' },
    });

    const report = await simulate(platform.ingestUrl, setup.terminals, { maxEvents: 3_000 });
    const dead = await waitForMessage(brokers, setup.dlqTopic, (message) => message.headers['event-id'] === poisonId);

    expect(dead).toMatchObject({ key: victim.terminalId, value: poisonValue });
    expect(dead.headers['dlq-reason']).toEqual(expect.stringMatching(/\S/));
    expect(bookedByTerminal(report)[victim.terminalId]?.count).toBeGreaterThan(0);
    await expectExactlyOnce(setup, platform.graphqlUrl, report);
  });
});

// Tamper evidence through the built CLI: a simulated day verifies ok (also while the platform runs, and through
// GraphQL for auditors), then one record edited directly in the LMDB files makes `posledger verify` exit 3 naming it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@posledger/event-store';
import { runSimulation, type SimulatedTerminal } from '@posledger/terminal-simulator';
import { tamperWithLmdb } from '../libs/event-store/src/testing/lmdb-tampering';
import { graphql } from './support/graphql-client';
import { cli, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { daysAgoUtcMidnight } from './support/sim-clock';

jest.setTimeout(180_000);

const BIN = join(__dirname, '..', 'bin', 'posledger.js');

interface VerifyOutput {
  ok: boolean;
  eventsChecked: number;
  firstProblem?: { kind: string; streamId: string; revision: string; position: string };
}

function verify(env: PlatformEnv): { status: number | null; report: VerifyOutput } {
  const result = spawnSync('node', [BIN, 'verify'], { env: { ...process.env, POSLEDGER_DATA: env.dataDir }, encoding: 'utf8' });
  return { status: result.status, report: JSON.parse(result.stdout) as VerifyOutput };
}

const INTEGRITY = '{ integrity { ok eventsChecked anchorsChecked firstProblem { kind } } }';

describe('tamper evidence of the embedded event store', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess | undefined;
  const terminals: SimulatedTerminal[] = [];

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-integrity-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', 'm-audit', '--name', 'Audited shop', '--timezone', 'Europe/London', '--currency', 'GBP']);
    for (const terminalId of ['i-1', 'i-2', 'i-3']) {
      const { secret } = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', 'm-audit', '--id', terminalId]);
      terminals.push({ terminalId, merchantId: 'm-audit', secret, currency: 'GBP' });
    }
    platform = await startPlatformProcess(env);
    const report = await runSimulation({
      ingestUrl: platform.ingestUrl,
      terminals,
      maxEvents: 1500,
      eventsPerSecond: 1500,
      startAt: daysAgoUtcMidnight(4),
      seed: 11,
      batchSize: 20,
      onProgress: () => undefined,
    });
    expect(report.failures).toEqual([]);
  });

  afterAll(async () => {
    if (platform) await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it('verifies ok while the platform runs, and GraphQL gives auditors (only) the same check', async () => {
    const running = platform as PlatformProcess;
    const { status, report } = verify(env);
    expect({ status, ok: report.ok, problem: report.firstProblem }).toEqual({ status: 0, ok: true, problem: undefined });
    expect(report.eventsChecked).toBeGreaterThan(0);

    const auditor = cli<{ token: string }>(env, ['token', '--auditor']).token;
    const merchant = cli<{ token: string }>(env, ['token', '--merchant', 'm-audit']).token;
    const asAuditor = await graphql<{ integrity: { ok: boolean; eventsChecked: number } }>(running.graphqlUrl, auditor, INTEGRITY);
    expect(asAuditor.errors).toBeUndefined();
    expect(asAuditor.data?.integrity.ok).toBe(true);
    expect(asAuditor.data?.integrity.eventsChecked).toBeGreaterThanOrEqual(report.eventsChecked);
    const asMerchant = await graphql(running.graphqlUrl, merchant, INTEGRITY);
    expect(asMerchant.errors?.[0].message).toMatch(/auditor/);
  });

  it('exits 3 naming the record edited in the LMDB files once the platform stopped', async () => {
    await stopPlatformProcess(platform as PlatformProcess);
    platform = undefined;
    expect(verify(env).status).toBe(0);

    const edited = await tamperWithLmdb(join(env.dataDir, 'event-store'), (files) => {
      let target: RecordedEvent | undefined;
      for (const position of files.dbs.log.getKeys()) {
        const event = files.read(position);
        if (event.streamId === 'terminal-i-2' && event.revision === 3n) target = event;
      }
      if (!target) throw new Error('no fourth event of terminal i-2 in the store');
      files.write({ ...target, data: { ...target.data, tampered: true } });
      return target;
    });

    const { status, report } = verify(env);
    expect(status).toBe(3);
    expect(report.firstProblem).toEqual({
      kind: 'ALTERED',
      streamId: edited.streamId,
      revision: '3',
      position: String(edited.position),
      detail: expect.any(String),
    });
  });
});

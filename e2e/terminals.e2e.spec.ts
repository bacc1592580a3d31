// The fleet through the public contract: a terminal that sends a heartbeat and a sale is online with what it runs
// on and its open batch; one provisioned but silent is listed, never seen; once a terminal stops sending, it turns
// offline after TERMINAL_OFFLINE_AFTER_MS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, graphql } from './support/graphql-client';
import { cli, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { event, postSigned, qrSale } from './support/terminal-http';

jest.setTimeout(120_000);

// Long enough that a terminal is still online when its sale reaches the views on a slow machine.
const OFFLINE_AFTER_MS = 10_000;
const TERMINALS = `{ terminals { terminalId online operatorId lastSeenAt appVersion network signal paperLow openBatch { sales since } lastSettlement { batchNumber status } } }`;

interface Terminal {
  terminalId: string;
  online: boolean;
  operatorId: string | null;
  lastSeenAt: string | null;
  appVersion: string | null;
  network: string | null;
  signal: number | null;
  paperLow: boolean | null;
  openBatch: { sales: number; since: string | null };
  lastSettlement: { batchNumber: number; status: string } | null;
}

describe('terminals (the fleet)', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let token: string;
  let secret: string;

  beforeAll(async () => {
    env = {
      dataDir: mkdtempSync(join(tmpdir(), 'posledger-fleet-')),
      ingestPort: await freePort(),
      reportsPort: await freePort(),
      extraEnv: { TERMINAL_OFFLINE_AFTER_MS: String(OFFLINE_AFTER_MS) },
    };
    cli(env, ['merchant', 'add', '--id', 'm-fleet', '--name', 'Fleet shop', '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
    secret = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', 'm-fleet', '--id', 'f-1']).secret;
    cli(env, ['terminal', 'add', '--merchant', 'm-fleet', '--id', 'f-silent']);
    token = cli<{ token: string }>(env, ['token', '--merchant', 'm-fleet']).token;
    platform = await startPlatformProcess(env);
  });

  afterAll(async () => {
    await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  const terminals = async (): Promise<Terminal[]> => (await graphql<{ terminals: Terminal[] }>(platform.graphqlUrl, token, TERMINALS)).data?.terminals ?? [];

  it('shows a terminal that sent a heartbeat and a sale online, with its software, network and open batch; a silent one never seen', async () => {
    const events = [
      event('f-1', 1, 'terminal.heartbeat', { appVersion: '4.2.1', network: 'CELLULAR', signal: 41, paperLow: true }),
      event('f-1', 2, 'operator.signed_in', { operatorId: 'op-1' }),
      ...qrSale('f-1', 3, '1800'),
    ];
    expect((await postSigned(platform.ingestUrl, 'f-1', secret, JSON.stringify({ events }))).status).toBe(202);

    // A page of events reaches the views table by table: wait for both the sale and the heartbeat.
    const listed = await eventually(terminals, (list) => {
      const f1 = list.find((t) => t.terminalId === 'f-1');
      return f1?.openBatch.sales === 1 && f1.appVersion !== null;
    }, { what: 'f-1 with its heartbeat and its sale in the terminals view' });

    expect(listed.find((t) => t.terminalId === 'f-1')).toMatchObject({
      online: true, operatorId: 'op-1', appVersion: '4.2.1', network: 'CELLULAR', signal: 41, paperLow: true, openBatch: { sales: 1, since: expect.any(String) }, lastSettlement: null,
    });
    expect(listed.find((t) => t.terminalId === 'f-silent')).toMatchObject({ online: false, operatorId: null, lastSeenAt: null, appVersion: null, openBatch: { sales: 0 } });
  });

  it('turns a terminal offline once it has sent nothing for TERMINAL_OFFLINE_AFTER_MS, and online again at its next heartbeat', async () => {
    const offline = await eventually(terminals, (list) => list.find((t) => t.terminalId === 'f-1')?.online === false, { timeoutMs: 60_000, what: 'f-1 offline' });
    expect(Date.now() - Date.parse(offline.find((t) => t.terminalId === 'f-1')?.lastSeenAt ?? '')).toBeGreaterThan(OFFLINE_AFTER_MS);

    const heartbeat = event('f-1', 8, 'terminal.heartbeat', { appVersion: '4.2.2', network: 'WIFI' });
    expect((await postSigned(platform.ingestUrl, 'f-1', secret, JSON.stringify({ events: [heartbeat] }))).status).toBe(202);
    const back = await eventually(terminals, (list) => list.find((t) => t.terminalId === 'f-1')?.appVersion === '4.2.2', { what: 'the new heartbeat' });
    expect(back.find((t) => t.terminalId === 'f-1')).toMatchObject({ online: true, network: 'WIFI', signal: null, paperLow: null });
  });

  it('answers a merchant for its own terminals only', async () => {
    cli(env, ['merchant', 'add', '--id', 'm-other', '--name', 'Other shop', '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
    const other = cli<{ token: string }>(env, ['token', '--merchant', 'm-other']).token;
    const answer = await graphql<{ terminals: Terminal[] }>(platform.graphqlUrl, other, TERMINALS);
    expect(answer.data?.terminals).toEqual([]);
  });
});

// `posledger start` when one app cannot start. The apps start side by side, so the others may already serve when it
// fails: they are stopped, the process exits 1 naming the cause, nothing is left open, and the next start serves.
// And what it prints of its threads, for an operator's `top -H -p PID`.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv } from './support/platform-process';

jest.setTimeout(120_000);

/** A port held by another listener for as long as the test needs. */
function takePort(): Promise<{ port: number; release(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : 0, release: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

describe('posledger start when an app cannot start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'posledger-e2e-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each(['ingest', 'reports'] as const)("%s's port already taken: exits 1 naming EADDRINUSE, and the next start serves", async (app) => {
    const taken = await takePort();
    try {
      const env: PlatformEnv = { dataDir, ingestPort: app === 'ingest' ? taken.port : await freePort(), reportsPort: app === 'reports' ? taken.port : await freePort() };
      await expect(startPlatformProcess(env)).rejects.toThrow(/exited 1 before starting[\s\S]*EADDRINUSE/);
    } finally {
      await taken.release();
    }

    const env: PlatformEnv = { dataDir, ingestPort: await freePort(), reportsPort: await freePort() };
    const platform = await startPlatformProcess(env);
    try {
      const { token } = cli<{ token: string }>(env, ['token', '--auditor']);
      const answer = await fetch(platform.graphqlUrl, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(answer.status).toBe(200);
      // Ingest answers too: an unsigned batch is refused, not dropped.
      expect((await fetch(`${platform.ingestUrl}/v1/terminal-events`, { method: 'POST' })).status).toBe(401);
    } finally {
      await stopPlatformProcess(platform);
    }
  });
});

describe('posledger start, once it serves', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'posledger-e2e-threads-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("prints its process id and each app thread's id, each a thread of that process and none the main one", async () => {
    const platform = await startPlatformProcess({ dataDir, ingestPort: await freePort(), reportsPort: await freePort() });
    try {
      const printed = JSON.parse(/^\{\n[\s\S]*?\n\}$/m.exec(platform.output())?.[0] ?? '{}') as { pid?: number; threads?: { app: string; osThreadId: number }[] };
      const ids = (printed.threads ?? []).map((thread) => thread.osThreadId);

      expect(printed.pid).toBe(platform.child.pid);
      expect(printed.threads?.map((thread) => thread.app)).toEqual(['ledger', 'daily-jobs', 'ingest']);
      expect(new Set([printed.pid, ...ids]).size).toBe(4);
      for (const id of ids) expect(existsSync(`/proc/${printed.pid}/task/${id}`)).toBe(true);
    } finally {
      await stopPlatformProcess(platform);
    }
  });
});

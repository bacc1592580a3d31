// Invariant 10: a full disk answers 503 with Retry-After, keeps the process up, and recovers by itself once space
// returns, with nothing acknowledged lost. The data directory lives on a small tmpfs the test mounts (as root).
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, salesSummary } from './support/graphql-client';
import { cli, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { event, postSignedWithHeaders, qrSale, type RawEvent } from './support/terminal-http';

jest.setTimeout(180_000);

const mountPoint = mkdtempSync(join(tmpdir(), 'posledger-full-disk-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', mountPoint]).status === 0;

/** Writes a file until the filesystem refuses: the disk is then full. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(1 << 20);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

(mounted ? describe : describe.skip)('invariant 10: a full disk (skipped unless the test may mount a tmpfs, i.e. runs as root)', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let secret: string;
  let token: string;
  const fill = join(mountPoint, 'fill');
  const post = (events: RawEvent[]) => postSignedWithHeaders(platform.ingestUrl, 'fd-1', secret, JSON.stringify({ events }));

  beforeAll(async () => {
    env = { dataDir: join(mountPoint, 'data'), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', 'm-disk', '--name', 'Full disk shop', '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
    secret = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', 'm-disk', '--id', 'fd-1']).secret;
    token = cli<{ token: string }>(env, ['token', '--merchant', 'm-disk']).token;
    platform = await startPlatformProcess(env);
  });

  afterAll(async () => {
    if (platform) await stopPlatformProcess(platform);
    spawnSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while full, stays up, and takes the same batches once space returns', async () => {
    const before = [event('fd-1', 1, 'operator.signed_in', { operatorId: 'op-1' }), ...qrSale('fd-1', 2, '1000')];
    expect((await post(before)).status).toBe(202);
    await eventually(() => salesSummary(platform.graphqlUrl, token, 'TERMINAL'), (b) => b[0]?.gross.minor === '1000');

    fillDisk(fill);
    const during = [qrSale('fd-1', 7, '2000'), qrSale('fd-1', 12, '3000')];
    const refused = [];
    for (const batch of during) refused.push(await post(batch));
    expect(refused.map((r) => [r.status, r.headers.get('retry-after')])).toEqual([[503, '2'], [503, '2']]);
    // The reports still answer while nothing can be written.
    expect((await salesSummary(platform.graphqlUrl, token, 'TERMINAL'))[0].gross.minor).toBe('1000');
    expect(platform.child.exitCode).toBeNull();

    unlinkSync(fill);
    for (const batch of during) {
      const answer = await eventually(() => post(batch), (r) => r.status !== 503, 60_000);
      expect(answer.status).toBe(202);
    }
    const buckets = await eventually(() => salesSummary(platform.graphqlUrl, token, 'TERMINAL'), (b) => b[0]?.gross.minor === '6000', 90_000);
    expect(buckets.map((b) => [b.key, b.count, b.gross.minor])).toEqual([['fd-1', 3, '6000']]);
    expect(platform.child.exitCode).toBeNull();
  });
});

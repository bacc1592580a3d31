import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually, waitFor } from '@posledger/testing';
import { transportContract } from '../testing';
import type { DeliveredMessage } from '../transport.port';
import { createEmbeddedTransport } from './embedded-transport';

let baseDir = '';

beforeAll(async () => {
  baseDir = await mkdtemp(join(tmpdir(), 'posledger-transport-'));
});

afterAll(async () => {
  await rm(baseDir, { recursive: true, force: true });
});

transportContract('embedded LMDB log', (runId) => createEmbeddedTransport({ path: join(baseDir, runId) }));

describe('embedded transport durability', () => {
  it('keeps every acknowledged message when the publishing process is SIGKILLed', async () => {
    const path = join(baseDir, 'sigkill');
    const child = spawn(process.execPath, ['--require', join(__dirname, '../../../testing/src/swc-register.js'), join(__dirname, 'sigkill-publisher.child.ts'), path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

    try {
      // Each line is one acknowledged publish of 50 messages: wait for 29 complete lines.
      await waitFor(() => output.split('\n').length >= 30, { timeoutMs: 20_000, intervalMs: 10, what: '29 acknowledged publishes from the child' });
      // Not a wait for anything: a random jitter, so the kill lands at a different point of a publish from run to run.
      await sleep(Math.random() * 20);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');

    const lines = output.split('\n');
    const acknowledged = lines.slice(0, -1).flatMap((line) => line.split(','));
    expect(acknowledged.length).toBeGreaterThanOrEqual(29 * 50);

    const transport = await createEmbeddedTransport({ path });
    const received: DeliveredMessage[] = [];
    const consumer = transport.consumer({ groupId: 'after-crash' });
    await consumer.start(async ({ messages }) => {
      received.push(...messages);
    });
    const stored = new Set<string>();
    const missing = (): string[] => {
      for (const message of received.splice(0)) stored.add(message.eventId);
      return acknowledged.filter((id) => !stored.has(id));
    };
    try {
      await eventually(missing, (ids) => ids.length === 0, { timeoutMs: 10_000, intervalMs: 50, what: `all ${acknowledged.length} acknowledged messages delivered after the crash` });
    } finally {
      await transport.close();
    }

    expect(missing()).toEqual([]);
  }, 40_000);
});

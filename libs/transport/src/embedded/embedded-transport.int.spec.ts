import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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
    const child = spawn(process.execPath, ['--require', join(__dirname, '../testing/swc-register.js'), join(__dirname, 'sigkill-publisher.child.ts'), path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

    const deadline = Date.now() + 20_000;
    while (output.split('\n').length < 30 && Date.now() < deadline) await sleep(10);
    await sleep(Math.random() * 20);
    child.kill('SIGKILL');
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
    const waitUntil = Date.now() + 10_000;
    while (acknowledged.some((id) => !stored.has(id)) && Date.now() < waitUntil) {
      await sleep(50);
      for (const message of received.splice(0)) stored.add(message.eventId);
    }
    await transport.close();

    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  }, 40_000);
});

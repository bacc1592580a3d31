// The real broker of scripts/kafka: which one the suite uses, and stopping / starting it for outage tests.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const KAFKA_SCRIPT = join(__dirname, '..', '..', 'scripts', 'kafka');

export const kafkaBrokers: readonly string[] = process.env.KAFKA_BROKERS?.split(',').map((broker) => broker.trim()).filter(Boolean) ?? [];

/**
 * `describe` against the broker in KAFKA_BROKERS. Without one: a failing test under CI=true, else a skipped
 * suite whose name gives the reason.
 */
export function describeWithKafka(name: string, body: (brokers: readonly string[]) => void): void {
  if (kafkaBrokers.length > 0) {
    describe(`${name} (Kafka at ${kafkaBrokers.join(',')})`, () => body(kafkaBrokers));
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs a broker', () => {
        throw new Error('KAFKA_BROKERS must point at a broker in CI (start one with scripts/kafka start)');
      });
    });
  } else {
    const reason = 'KAFKA_BROKERS is not set (start a broker with scripts/kafka start)';
    console.log(`Skipping ${name}: ${reason}`);
    describe.skip(`${name} (skipped: ${reason})`, () => {
      it('runs against a real broker', () => undefined);
    });
  }
}

/** `scripts/kafka stop|start`, without blocking the event loop (the simulator keeps running meanwhile). */
export function kafkaScript(command: 'start' | 'stop'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [KAFKA_SCRIPT, command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`scripts/kafka ${command} exited ${code}: ${output}`))));
  });
}

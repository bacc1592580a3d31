// Spawned by embedded-transport.int.spec.ts: publishes batches until killed, printing each acknowledged batch's ids.
import { TERMINAL_EVENTS_SCHEMA_VERSION } from '../transport.port';
import { createEmbeddedTransport } from './embedded-transport';

async function main(path: string): Promise<void> {
  const transport = await createEmbeddedTransport({ path });
  const producer = transport.producer();
  for (let batch = 0; ; batch += 1) {
    const messages = Array.from({ length: 50 }, (_, i) => ({
      terminalId: `t-${i % 7}`,
      eventId: `b${batch}-m${i}`,
      type: 'amount.entered',
      schemaVersion: TERMINAL_EVENTS_SCHEMA_VERSION,
      value: JSON.stringify({ batch, i }),
    }));
    await producer.publish(messages);
    process.stdout.write(`${messages.map((m) => m.eventId).join(',')}\n`);
  }
}

void main(process.argv[2]);

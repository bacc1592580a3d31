import { transportContract } from '../testing';
import { createKafkaTransport } from './kafka-transport';

const brokers = process.env.KAFKA_BROKERS?.split(',').map((broker) => broker.trim()).filter(Boolean) ?? [];

if (brokers.length > 0) {
  transportContract(
    `Kafka at ${brokers.join(',')}`,
    (runId) =>
      createKafkaTransport({
        brokers,
        topic: `contract-${runId}.terminal-events`,
        dlqTopic: `contract-${runId}.terminal-events.dlq`,
        partitions: 6,
        clientId: `transport-contract-${runId}`,
      }),
    { timeoutMs: 90_000 },
  );
} else if (process.env.CI === 'true') {
  describe('transport contract: Kafka', () => {
    it('needs a broker', () => {
      throw new Error('KAFKA_BROKERS must point at a broker in CI (start one with scripts/kafka start)');
    });
  });
} else {
  const reason = 'KAFKA_BROKERS is not set (start a broker with scripts/kafka start)';
  console.log(`Skipping the Kafka transport contract: ${reason}`);
  describe.skip(`transport contract: Kafka (skipped: ${reason})`, () => {
    it('runs against a real broker', () => undefined);
  });
}

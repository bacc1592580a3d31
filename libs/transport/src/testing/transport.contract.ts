import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually, type EventuallyOptions } from '@posledger/testing';
import type { DeadLetterReader } from '../dead-letter-record';
import {
  TERMINAL_EVENTS_SCHEMA_VERSION,
  type DeliveredBatch,
  type DeliveredMessage,
  type Transport,
  type TransportMessage,
} from '../transport.port';

export type ContractTransport = Transport & DeadLetterReader;

/**
 * Opens the adapter for one test. `runId` is unique per test; calling the factory again with the same
 * runId must reopen the same log (same directory, same topic) so restarts can be tested.
 */
export type ContractFactory = (runId: string) => Promise<ContractTransport>;

export interface ContractOptions {
  /** Per test; a broker needs longer than an embedded log (group joins, rebalances). */
  readonly timeoutMs?: number;
}

type Handler = (batch: DeliveredBatch) => Promise<void>;

/** The one suite every transport adapter runs. */
export function transportContract(name: string, factory: ContractFactory, { timeoutMs = 30_000 }: ContractOptions = {}): void {
  describe(`transport contract: ${name}`, () => {
    const opened: ContractTransport[] = [];
    let runId = '';

    async function open(): Promise<ContractTransport> {
      const transport = await factory(runId);
      opened.push(transport);
      return transport;
    }

    function message(terminalId: string, sequence: number, type = 'amount.entered'): TransportMessage {
      return {
        terminalId,
        eventId: `${runId}-${terminalId}-${sequence}`,
        type,
        schemaVersion: TERMINAL_EVENTS_SCHEMA_VERSION,
        value: JSON.stringify({ terminalId, sequence, type }),
      };
    }

    function consume(transport: Transport, group: string, handler: Handler, maxBatchSize?: number) {
      const consumer = transport.consumer({ groupId: `${runId}-${group}`, maxBatchSize });
      return { consumer, started: consumer.start(handler) };
    }

    function recordingHandler(into: DeliveredMessage[]): Handler {
      return async ({ messages }) => {
        into.push(...messages);
      };
    }

    /** Within the test's own timeout, less 2 s, so a wait that falls short fails saying what it waited for. */
    const within = (what: string): EventuallyOptions => ({ timeoutMs: timeoutMs - 2_000, intervalMs: 20, what });

    const ids = (messages: readonly TransportMessage[]) => messages.map((m) => m.eventId);

    beforeEach(() => {
      runId = randomUUID().slice(0, 8);
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((transport) => transport.close()));
    }, timeoutMs);

    it('delivers published messages with their fields, one partition per terminal, increasing offsets', async () => {
      const transport = await open();
      const published = [message('t-1', 1), message('t-1', 2), message('t-1', 3)];
      await transport.producer().publish(published);

      const received: DeliveredMessage[] = [];
      await consume(transport, 'ledger', recordingHandler(received)).started;
      await eventually(() => received.length, (count) => count >= 3, within('3 messages'));

      expect(received.map(({ terminalId, eventId, type, schemaVersion, value }) => ({ terminalId, eventId, type, schemaVersion, value }))).toEqual(published);
      expect(new Set(received.map((m) => m.partition)).size).toBe(1);
      expect(received[1].offset).toBeGreaterThan(received[0].offset);
      expect(received[2].offset).toBeGreaterThan(received[1].offset);
    }, timeoutMs);

    it('keeps every terminal in order across 50 terminals x 40 messages', async () => {
      const transport = await open();
      const terminals = Array.from({ length: 50 }, (_, i) => `t-${i}`);
      const published = Array.from({ length: 40 }, (_, sequence) => terminals.map((t) => message(t, sequence))).flat();
      const producer = transport.producer();
      for (let start = 0; start < published.length; start += 100) {
        await producer.publish(published.slice(start, start + 100));
      }

      const received: DeliveredMessage[] = [];
      await consume(transport, 'ledger', recordingHandler(received), 64).started;
      await eventually(() => received.length, (count) => count >= published.length, within(`${published.length} messages`));

      expect(new Set(ids(received)).size).toBe(published.length);
      for (const terminal of terminals) {
        const own = received.filter((m) => m.terminalId === terminal);
        expect(ids(own)).toEqual(ids(published.filter((m) => m.terminalId === terminal)));
        expect(new Set(own.map((m) => m.partition)).size).toBe(1);
      }
    }, timeoutMs);

    it('redelivers the same messages after the handler fails, skipping nothing', async () => {
      const transport = await open();
      const published = Array.from({ length: 20 }, (_, i) => message('t-retry', i));
      await transport.producer().publish(published);

      const deliveries: DeliveredMessage[][] = [];
      const processed: DeliveredMessage[] = [];
      let failuresLeft = 2;
      await consume(
        transport,
        'ledger',
        async ({ messages }) => {
          deliveries.push([...messages]);
          if (failuresLeft > 0 && messages.some((m) => m.eventId === published[7].eventId)) {
            failuresLeft -= 1;
            throw new Error('event store unavailable');
          }
          processed.push(...messages);
        },
        5,
      ).started;
      await eventually(() => processed.length, (count) => count >= published.length, within('all messages processed'));

      expect(ids(processed)).toEqual(ids(published));
      const failedAt = deliveries.findIndex((batch) => batch.some((m) => m.eventId === published[7].eventId));
      const [failed, retried, retriedAgain] = deliveries.slice(failedAt, failedAt + 3);
      for (const again of [retried, retriedAgain]) {
        expect(again[0].offset).toBe(failed[0].offset);
        expect(ids(again.slice(0, failed.length))).toEqual(ids(failed.slice(0, again.length)));
      }
    }, timeoutMs);

    it('resumes a group after its last committed offset: nothing lost or doubled across a clean stop and reopen', async () => {
      let transport = await open();
      const terminals = ['t-a', 't-b', 't-c', 't-d'];
      const before = Array.from({ length: 50 }, (_, sequence) => terminals.map((t) => message(t, sequence))).flat();
      await transport.producer().publish(before);

      const processed: DeliveredMessage[] = [];
      const slowRecording: Handler = async ({ messages }) => {
        await sleep(25);
        processed.push(...messages);
      };
      const first = consume(transport, 'ledger', slowRecording, 10);
      await first.started;
      await eventually(() => processed.length, (count) => count >= 40, within('the first consumer to get going'));
      await first.consumer.stop();
      const processedBeforeStop = processed.length;
      expect(processedBeforeStop).toBeLessThan(before.length);

      const after = terminals.map((t) => message(t, 1_000));
      await transport.producer().publish(after);
      await transport.close();
      opened.splice(opened.indexOf(transport), 1);
      expect(processed.length).toBe(processedBeforeStop);

      transport = await open();
      await consume(transport, 'ledger', slowRecording, 10).started;
      const all = [...before, ...after];
      await eventually(() => processed.length, (count) => count >= all.length, within('the second consumer to catch up'));
      await sleep(300);

      expect(processed.length).toBe(all.length);
      expect(new Set(ids(processed))).toEqual(new Set(ids(all)));
    }, timeoutMs);

    it('gives every consumer group every message', async () => {
      const transport = await open();
      const published = Array.from({ length: 10 }, (_, sequence) => Array.from({ length: 10 }, (_, t) => message(`t-${t}`, sequence))).flat();
      await transport.producer().publish(published);

      const ledger: DeliveredMessage[] = [];
      const audit: DeliveredMessage[] = [];
      await Promise.all([consume(transport, 'ledger', recordingHandler(ledger)).started, consume(transport, 'audit', recordingHandler(audit)).started]);
      await eventually(
        () => ({ ledger: ledger.length, audit: audit.length }),
        (counts) => counts.ledger >= published.length && counts.audit >= published.length,
        within('both groups'),
      );

      expect(new Set(ids(ledger))).toEqual(new Set(ids(published)));
      expect(new Set(ids(audit))).toEqual(new Set(ids(published)));
    }, timeoutMs);

    it('dead-letters a message with its reason and original coordinates, and the partition moves on', async () => {
      const transport = await open();
      const published = [message('t-dlq', 1), message('t-dlq', 2, 'poison'), message('t-dlq', 3)];
      await transport.producer().publish(published);

      const processed: DeliveredMessage[] = [];
      const poisoned: DeliveredMessage[] = [];
      await consume(transport, 'ledger', async ({ messages }) => {
        for (const delivered of messages) {
          if (delivered.type === 'poison') {
            await transport.deadLetter(delivered, 'payload does not match schema version 1');
            poisoned.push(delivered);
          } else {
            processed.push(delivered);
          }
        }
      }).started;
      await eventually(() => processed.length, (count) => count >= 2, within('the messages around the poison one'));

      expect(ids(processed)).toEqual([published[0].eventId, published[2].eventId]);
      const deadLetters = await transport.readDeadLetters();
      expect(deadLetters).toEqual([
        {
          reason: 'payload does not match schema version 1',
          originalPartition: poisoned[0].partition,
          originalOffset: poisoned[0].offset,
          message: published[1],
        },
      ]);
    }, timeoutMs);
  });
}

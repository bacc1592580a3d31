import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { encodeEnvelope, eventError, maskFullPan, occurredAtWindowError, parseTerminalEventBatch, type EventError, type TerminalEvent } from '@posledger/domain';
import { TERMINAL_EVENTS_SCHEMA_VERSION, type TransportMessage, type TransportProducer } from '@posledger/transport';
import { checkTerminalIdHeader } from '../../auth/terminal-id-header';
import { verifySignature } from '../../auth/verify-signature';
import type { SeenEventIds } from '../../dedupe/seen-event-ids';
import type { TerminalRateLimits } from '../../rate-limit/terminal-rate-limits';
import type { TerminalDirectory, TerminalSecrets } from '../../ingest.ports';
import { RATE_LIMITS, SEEN_EVENT_IDS, TERMINAL_DIRECTORY, TERMINAL_SECRETS, TRANSPORT_PRODUCER } from '../../ingest.tokens';
import { BatchNotTakenError, InvalidBatchError, UnauthenticatedTerminalError } from '../ingest.errors';
import { AcceptTerminalEventsCommand, type AcceptedBatch } from './accept-terminal-events.command';

@CommandHandler(AcceptTerminalEventsCommand)
export class AcceptTerminalEventsService implements ICommandHandler<AcceptTerminalEventsCommand, AcceptedBatch> {
  constructor(
    @Inject(TERMINAL_DIRECTORY) private readonly directory: TerminalDirectory,
    @Inject(TERMINAL_SECRETS) private readonly secrets: TerminalSecrets,
    @Inject(SEEN_EVENT_IDS) private readonly seen: SeenEventIds,
    @Inject(TRANSPORT_PRODUCER) private readonly producer: TransportProducer,
    @Inject(RATE_LIMITS) private readonly rateLimits: TerminalRateLimits,
  ) {}

  async execute({ batch, nowMs }: AcceptTerminalEventsCommand): Promise<AcceptedBatch> {
    const header = checkTerminalIdHeader(batch.terminalId);
    if (!header.ok) throw new UnauthenticatedTerminalError(header.reason);
    const { terminalId } = header;
    // The registry is asked only for a terminal that proved it holds its secret: unsigned noise costs one key read.
    const secret = this.secrets.terminalSecret(terminalId);
    if (!secret) throw new UnauthenticatedTerminalError('unknown terminal');
    const check = verifySignature({ secret, timestamp: batch.timestamp, signature: batch.signature, rawBody: batch.rawBody, nowMs });
    if (!check.ok) throw new UnauthenticatedTerminalError(check.reason);
    if (!(await this.directory.isProvisioned(terminalId))) throw new UnauthenticatedTerminalError('unknown terminal');
    this.rateLimits.takeRequest(terminalId, nowMs);

    const receivedAt = new Date(nowMs).toISOString();
    const events = this.validate(batch.rawBody, terminalId, receivedAt);
    this.rateLimits.takeEvents(terminalId, nowMs, events.length);
    const fresh = this.withoutDuplicates(terminalId, events);
    const messages: TransportMessage[] = fresh.map(({ event, panMasked }) => ({
        terminalId,
        eventId: event.eventId,
        type: event.type,
        schemaVersion: TERMINAL_EVENTS_SCHEMA_VERSION,
        value: encodeEnvelope({ event, panMasked, receivedAt }),
      }));
    if (messages.length > 0) {
      try {
        await this.producer.publish(messages);
      } catch (error) {
        throw new BatchNotTakenError(`transport did not take the batch: ${(error as Error).message}`);
      }
      // The batch is durable now: a mark that cannot be written (a full disk) only makes a resend publish again,
      // which the ledger dedupes, so it must not turn the answer into a failure the terminal would retry.
      await this.seen.markAll(terminalId, fresh.map(({ event }) => event.eventId)).catch(() => undefined);
    }
    return { accepted: messages.length, duplicates: events.length - messages.length };
  }

  private validate(rawBody: string, terminalId: string, receivedAt: string): { event: TerminalEvent; panMasked: boolean }[] {
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw new InvalidBatchError([{ index: null, field: 'body', message: 'body is not valid JSON' }]);
    }
    const parsed = parseTerminalEventBatch(body);
    if (!parsed.ok) throw new InvalidBatchError(parsed.errors);
    const errors: EventError[] = [];
    const scrubbed: { event: TerminalEvent; panMasked: boolean }[] = [];
    parsed.events.forEach((event, index) => {
      const problems: EventError[] = [];
      if (event.terminalId !== terminalId) {
        problems.push(eventError(index, 'terminalId', `a terminal may only send its own events (signed as ${terminalId})`));
      }
      const outsideWindow = occurredAtWindowError(event.occurredAt, receivedAt);
      if (outsideWindow) problems.push(eventError(index, 'occurredAt', outsideWindow));
      // parseTerminalEventBatch has refused card data in every other field: what is left is a PAN to mask.
      if (problems.length === 0) {
        const { event: withPanMasked, masked } = maskFullPan(event);
        scrubbed.push({ event: withPanMasked, panMasked: masked });
      }
      errors.push(...problems);
    });
    if (errors.length > 0) throw new InvalidBatchError(errors);
    return scrubbed;
  }

  /** Events not yet taken, also collapsing an id repeated inside the batch. */
  private withoutDuplicates<T extends { event: TerminalEvent }>(terminalId: string, events: readonly T[]): T[] {
    const ids = new Set<string>();
    return events.filter(({ event }) => {
      if (ids.has(event.eventId) || this.seen.has(terminalId, event.eventId)) return false;
      ids.add(event.eventId);
      return true;
    });
  }
}

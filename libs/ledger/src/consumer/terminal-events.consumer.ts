import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { decodeEnvelope, type TerminalEventEnvelope } from '@posledger/domain';
import type { DeliveredBatch, DeliveredMessage, Transport, TransportConsumer } from '@posledger/transport';
import { TRANSPORT } from '../ledger.tokens';
import { RecordTerminalEventsCommand } from '../terminal-ledger/commands/record-terminal-events/record-terminal-events.command';
import { UnknownTerminalError } from '../terminal-ledger/unknown-terminal.error';

export const LEDGER_GROUP_ID = 'posledger-ledger';

/**
 * Transport batches to commands, one per terminal. A message that can never be processed (fails the schema at
 * consume time, or names a terminal nobody provisioned) is dead-lettered with its reason and does not block its
 * partition; any other failure rejects the batch so that the transport redelivers it (never dead-lettered).
 */
@Injectable()
export class TerminalEventsConsumer {
  private readonly logger = new Logger(TerminalEventsConsumer.name);
  private consumer?: TransportConsumer;

  constructor(
    @Inject(TRANSPORT) private readonly transport: Transport,
    private readonly commandBus: CommandBus,
  ) {}

  async start(groupId = LEDGER_GROUP_ID): Promise<void> {
    this.consumer = this.transport.consumer({ groupId });
    await this.consumer.start((batch) => this.handle(batch));
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
  }

  private async handle(batch: DeliveredBatch): Promise<void> {
    const byTerminal = new Map<string, { envelopes: TerminalEventEnvelope[]; messages: DeliveredMessage[] }>();
    for (const message of batch.messages) {
      const decoded = decodeEnvelope(message.value);
      if (!decoded.ok) {
        await this.deadLetter(message, decoded.reason);
        continue;
      }
      if (decoded.envelope.event.terminalId !== message.terminalId) {
        await this.deadLetter(message, `message key ${message.terminalId} does not match the event's terminalId`);
        continue;
      }
      const group = byTerminal.get(message.terminalId) ?? { envelopes: [], messages: [] };
      group.envelopes.push(decoded.envelope);
      group.messages.push(message);
      byTerminal.set(message.terminalId, group);
    }
    await Promise.all(
      [...byTerminal].map(async ([terminalId, { envelopes, messages }]) => {
        try {
          await this.commandBus.execute(new RecordTerminalEventsCommand(terminalId, envelopes));
        } catch (error) {
          if (!(error instanceof UnknownTerminalError)) throw error;
          for (const message of messages) await this.deadLetter(message, error.message);
        }
      }),
    );
  }

  private async deadLetter(message: DeliveredMessage, reason: string): Promise<void> {
    this.logger.warn(`dead-lettering ${message.eventId} (partition ${message.partition}, offset ${message.offset}): ${reason}`);
    await this.transport.deadLetter(message, reason);
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SequencePolicy } from '@posledger/domain';
import { SEQUENCE_POLICY } from '../../../ledger.tokens';
import { RegistryView } from '@posledger/registry';
import { TerminalLedgerAppend } from '../../terminal-ledger-append';
import { merchantOfTerminal } from '../../terminal-merchant';
import { RecordTerminalEventsCommand, type RecordTerminalEventsResult } from './record-terminal-events.command';

@CommandHandler(RecordTerminalEventsCommand)
export class RecordTerminalEventsService implements ICommandHandler<RecordTerminalEventsCommand, RecordTerminalEventsResult> {
  constructor(
    private readonly registry: RegistryView,
    private readonly ledger: TerminalLedgerAppend,
    @Inject(SEQUENCE_POLICY) private readonly policy: SequencePolicy,
  ) {}

  async execute({ terminalId, envelopes }: RecordTerminalEventsCommand): Promise<RecordTerminalEventsResult> {
    const merchant = await merchantOfTerminal(this.registry, terminalId);
    const appended = await this.ledger.run(terminalId, () =>
      envelopes.map(({ event, panMasked, receivedAt }) => ({
        command: {
          type: 'RecordTerminalEvent' as const,
          data: { event, panMasked, merchantId: merchant.merchantId, feeSchedule: merchant.feeSchedule, receivedAt, policy: this.policy },
        },
        receivedAt,
      })));
    return { appended };
  }
}

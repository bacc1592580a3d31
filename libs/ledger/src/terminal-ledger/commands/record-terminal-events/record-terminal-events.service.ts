import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SequencePolicy } from '@posledger/domain';
import { SEQUENCE_POLICY } from '../../../ledger.tokens';
import { RegistryView } from '@posledger/registry';
import { TerminalLedgerAppend } from '../../terminal-ledger-append';
import { ledgerContextOf } from '../../terminal-merchant';
import { RecordTerminalEventsCommand, type RecordTerminalEventsResult } from './record-terminal-events.command';

@CommandHandler(RecordTerminalEventsCommand)
export class RecordTerminalEventsService implements ICommandHandler<RecordTerminalEventsCommand, RecordTerminalEventsResult> {
  constructor(
    private readonly registry: RegistryView,
    private readonly ledger: TerminalLedgerAppend,
    @Inject(SEQUENCE_POLICY) private readonly policy: SequencePolicy,
  ) {}

  async execute({ terminalId, envelopes }: RecordTerminalEventsCommand): Promise<RecordTerminalEventsResult> {
    // An operator added or disabled since (by the CLI, another process) counts from the next sign-in on.
    if (envelopes.some(({ event }) => event.type === 'operator.signed_in')) await this.registry.refresh();
    const context = await ledgerContextOf(this.registry, terminalId);
    const appended = await this.ledger.run(terminalId, () =>
      envelopes.map(({ event, panMasked, receivedAt }) => ({
        command: { type: 'RecordTerminalEvent' as const, data: { ...context, event, panMasked, receivedAt, policy: this.policy } },
        receivedAt,
      })));
    return { appended };
  }
}

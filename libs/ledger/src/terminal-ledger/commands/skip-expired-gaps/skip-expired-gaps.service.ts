import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SequencePolicy } from '@posledger/domain';
import { SEQUENCE_POLICY } from '../../../ledger.tokens';
import { RegistryView } from '@posledger/registry';
import { TerminalLedgerAppend } from '../../terminal-ledger-append';
import { ledgerContextOf } from '../../ledger-context';
import { SkipExpiredGapsCommand } from './skip-expired-gaps.command';

@CommandHandler(SkipExpiredGapsCommand)
export class SkipExpiredGapsService implements ICommandHandler<SkipExpiredGapsCommand, { readonly appended: number }> {
  constructor(
    private readonly registry: RegistryView,
    private readonly ledger: TerminalLedgerAppend,
    @Inject(SEQUENCE_POLICY) private readonly policy: SequencePolicy,
  ) {}

  async execute({ terminalId, now }: SkipExpiredGapsCommand): Promise<{ readonly appended: number }> {
    const context = await ledgerContextOf(this.registry, terminalId);
    const appended = await this.ledger.run(terminalId, () => [{
      command: { type: 'SkipExpiredGaps', data: { ...context, now, policy: this.policy } },
      receivedAt: now,
    }]);
    return { appended };
  }
}

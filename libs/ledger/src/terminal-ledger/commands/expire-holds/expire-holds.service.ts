import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistryView } from '@posledger/registry';
import { TerminalLedgerAppend } from '../../terminal-ledger-append';
import { ledgerContextOf } from '../../ledger-context';
import { ExpireHoldsCommand } from './expire-holds.command';

@CommandHandler(ExpireHoldsCommand)
export class ExpireHoldsService implements ICommandHandler<ExpireHoldsCommand, { readonly appended: number }> {
  constructor(
    private readonly registry: RegistryView,
    private readonly ledger: TerminalLedgerAppend,
  ) {}

  async execute({ terminalId, now }: ExpireHoldsCommand): Promise<{ readonly appended: number }> {
    const context = await ledgerContextOf(this.registry, terminalId);
    const appended = await this.ledger.run(terminalId, () => [{ command: { type: 'ExpireHolds', data: { ...context, now } }, receivedAt: now }]);
    return { appended };
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistryView } from '@posledger/registry';
import { ledgerContextOf } from '../../ledger-context';
import { TerminalLedgerAppend } from '../../terminal-ledger-append';
import { OpenDisputeCommand, ResolveDisputeCommand, SubmitDisputeEvidenceCommand } from './dispute.commands';

@CommandHandler(OpenDisputeCommand)
export class OpenDisputeService implements ICommandHandler<OpenDisputeCommand, { readonly appended: number }> {
  constructor(
    private readonly registry: RegistryView,
    private readonly ledger: TerminalLedgerAppend,
  ) {}

  async execute({ terminalId, dispute }: OpenDisputeCommand): Promise<{ readonly appended: number }> {
    const context = await ledgerContextOf(this.registry, terminalId);
    const now = new Date().toISOString();
    return { appended: await this.ledger.run(terminalId, () => [{ command: { type: 'OpenDispute', data: { ...context, ...dispute, now } }, receivedAt: now }]) };
  }
}

@CommandHandler(ResolveDisputeCommand)
export class ResolveDisputeService implements ICommandHandler<ResolveDisputeCommand, { readonly appended: number }> {
  constructor(
    private readonly registry: RegistryView,
    private readonly ledger: TerminalLedgerAppend,
  ) {}

  async execute({ terminalId, resolution }: ResolveDisputeCommand): Promise<{ readonly appended: number }> {
    const context = await ledgerContextOf(this.registry, terminalId);
    const now = new Date().toISOString();
    return { appended: await this.ledger.run(terminalId, () => [{ command: { type: 'ResolveDispute', data: { ...context, ...resolution, now } }, receivedAt: now }]) };
  }
}

@CommandHandler(SubmitDisputeEvidenceCommand)
export class SubmitDisputeEvidenceService implements ICommandHandler<SubmitDisputeEvidenceCommand, { readonly appended: number }> {
  constructor(
    private readonly registry: RegistryView,
    private readonly ledger: TerminalLedgerAppend,
  ) {}

  async execute({ terminalId, submission }: SubmitDisputeEvidenceCommand): Promise<{ readonly appended: number }> {
    const context = await ledgerContextOf(this.registry, terminalId);
    const now = new Date().toISOString();
    return { appended: await this.ledger.run(terminalId, () => [{ command: { type: 'SubmitDisputeEvidence', data: { ...context, ...submission, now } }, receivedAt: now }]) };
  }
}

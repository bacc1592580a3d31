import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SequencePolicy } from '@posledger/domain';
import { SEQUENCE_POLICY } from '../../../ledger.tokens';
import { RegistryView } from '@posledger/registry';
import { TerminalLedgerAppend } from '../../terminal-ledger-append';
import { ledgerContextOf } from '../../ledger-context';
import { RecordTerminalEventsCommand, type RecordTerminalEventsResult } from './record-terminal-events.command';

const DECIDED_ON_OPERATORS: ReadonlySet<string> = new Set(['operator.signed_in', 'transaction.voided', 'refund.approved']);

@CommandHandler(RecordTerminalEventsCommand)
export class RecordTerminalEventsService implements ICommandHandler<RecordTerminalEventsCommand, RecordTerminalEventsResult> {
  constructor(
    private readonly registry: RegistryView,
    private readonly ledger: TerminalLedgerAppend,
    @Inject(SEQUENCE_POLICY) private readonly policy: SequencePolicy,
  ) {}

  async execute({ terminalId, envelopes }: RecordTerminalEventsCommand): Promise<RecordTerminalEventsResult> {
    // Operators and the supervisor limit change from the CLI (another process): they count from the next event they rule.
    if (envelopes.some(({ event }) => DECIDED_ON_OPERATORS.has(event.type))) await this.registry.refresh();
    const context = await ledgerContextOf(this.registry, terminalId);
    const appended = await this.ledger.run(terminalId, () =>
      envelopes.map(({ event, panMasked, receivedAt }) => ({
        // The context spread last: after a spread, each added property takes V8's slow path (see withCause).
        command: { type: 'RecordTerminalEvent' as const, data: { event, panMasked, receivedAt, policy: this.policy, ...context } },
        receivedAt,
      })));
    return { appended };
  }
}

import { Command } from '@nestjs/cqrs';
import type { DisputeOutcome, MoneyJson } from '@posledger/domain';

/** A chargeback on a settled sale of the terminal, from the acquirer's file or an operator. */
export class OpenDisputeCommand extends Command<{ readonly appended: number }> {
  constructor(
    readonly terminalId: string,
    readonly dispute: { readonly disputeId: string; readonly transactionId: string; readonly amount: MoneyJson; readonly reason: string },
  ) {
    super();
  }
}

/** The merchant's evidence against an open dispute, sent once. */
export class SubmitDisputeEvidenceCommand extends Command<{ readonly appended: number }> {
  constructor(readonly terminalId: string, readonly submission: { readonly disputeId: string; readonly evidence: string }) {
    super();
  }
}

/** The acquirer's decision on an open dispute; `fee`: its chargeback fee on a lost one. */
export class ResolveDisputeCommand extends Command<{ readonly appended: number }> {
  constructor(
    readonly terminalId: string,
    readonly resolution: { readonly disputeId: string; readonly outcome: DisputeOutcome; readonly fee?: MoneyJson },
  ) {
    super();
  }
}

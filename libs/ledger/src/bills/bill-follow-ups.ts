import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { billStream, DisputeRefusedError, DomainError, isBillEvent, PayoutRefusedError, type BillAction } from '@posledger/domain';
import type { EventStore } from '@posledger/event-store';
import { RegistryView } from '@posledger/registry';
import { EVENT_STORE } from '../ledger.tokens';
import { ConfirmPayoutCommand, FailPayoutCommand } from '../payouts/payouts.commands';
import { OpenDisputeCommand } from '../terminal-ledger/commands/disputes/dispute.commands';

/** What the ledger already recorded: the same action again (after a crash, or by another ledger) is refused with these. */
const ALREADY_DONE: ReadonlySet<string> = new Set(['PAYOUT.PAYOUT_NOT_IN_TRANSIT', 'LEDGER.DISPUTE_EXISTS']);

function commandOf(merchantId: string, action: BillAction) {
  switch (action.type) {
    case 'ConfirmPayout':
      return new ConfirmPayoutCommand(merchantId, action.payoutId, action.bankReference);
    case 'FailPayout':
      return new FailPayoutCommand(merchantId, action.payoutId, action.reason);
    case 'OpenDispute':
      return new OpenDisputeCommand(action.terminalId, { disputeId: action.disputeId, transactionId: action.transactionId, amount: action.amount, reason: action.reason });
  }
}

/**
 * Carries out what recorded bills tell the ledger (a bank's credit or return of a payout, an acquirer's chargeback),
 * merchant by merchant, in the order of each merchant's bills stream from where it last got to. Only the bills
 * streams are read, never the whole store. After a restart each stream is read from its start: an action already
 * recorded is refused as such and passed over, so nothing is recorded twice. A refusal of another kind (the sale was
 * refunded in full since) is logged and passed over too; a failure of the store stops that merchant's pass, to be
 * taken up again at the next tick, and the other merchants' go on.
 */
@Injectable()
export class BillFollowUps {
  private readonly logger = new Logger(BillFollowUps.name);
  private readonly nextRevisions = new Map<string, bigint>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commandBus: CommandBus,
    private readonly registry: RegistryView,
  ) {}

  /** `stopping`: read between events; once true, the pass ends where it got to (a ledger stopping does not wait for every bill). */
  async carryOut(stopping: () => boolean = () => false): Promise<void> {
    await this.registry.refresh();
    for (const { merchantId } of this.registry.merchants()) {
      if (stopping()) return;
      await this.carryOutFor(merchantId, stopping).catch((error: Error) => this.logger.error(`${merchantId}'s bills' actions not carried out: ${error.message}`));
    }
  }

  private async carryOutFor(merchantId: string, stopping: () => boolean): Promise<void> {
    const recorded = await this.store.readStream(billStream(merchantId), this.nextRevisions.get(merchantId) ?? 0n);
    for (const { type, data, revision } of recorded) {
      if (stopping()) return;
      const event = { type, data };
      if (isBillEvent(event) && event.type === 'BillReconciled') {
        for (const action of event.data.actions ?? []) await this.carryOutAction(merchantId, action);
      }
      this.nextRevisions.set(merchantId, revision + 1n);
    }
  }

  private async carryOutAction(merchantId: string, action: BillAction): Promise<void> {
    try {
      await this.commandBus.execute(commandOf(merchantId, action));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (ALREADY_DONE.has(error.code)) return;
      const refusal = error instanceof PayoutRefusedError || error instanceof DisputeRefusedError ? error.code : error.name;
      this.logger.warn(`${merchantId}'s bill line ${action.lineNumber} (${action.type}) not recorded: ${refusal} ${error.message}`);
    }
  }
}

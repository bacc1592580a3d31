import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DisputeRefusedError, DomainError, isBillEvent, isBillStream, PayoutRefusedError, type BillAction } from '@posledger/domain';
import { scanAll, type EventStore } from '@posledger/event-store';
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
 * in the store's order from where it last got to. After a restart it starts over from the beginning: an action
 * already recorded is refused as such and passed over, so nothing is recorded twice. A refusal of another kind
 * (the sale was refunded in full since) is logged and passed over too; a failure of the store stops the pass, to be
 * taken up again at the next tick.
 */
@Injectable()
export class BillFollowUps {
  private readonly logger = new Logger(BillFollowUps.name);
  private nextPosition = 0n;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commandBus: CommandBus,
  ) {}

  /** `stopping`: read between events; once true, the pass ends where it got to (a ledger stopping does not wait for a whole store's read). */
  async carryOut(stopping: () => boolean = () => false): Promise<void> {
    const due: { position: bigint; merchantId: string; action: BillAction }[] = [];
    const through = await scanAll(this.store, this.nextPosition, (recorded) => {
      if (stopping()) return false;
      const event = { type: recorded.type, data: recorded.data };
      if (!isBillStream(recorded.streamId) || !isBillEvent(event) || event.type !== 'BillReconciled') return;
      for (const action of event.data.actions ?? []) due.push({ position: recorded.position, merchantId: event.data.merchantId, action });
    });
    for (const { position, merchantId, action } of due) {
      try {
        await this.commandBus.execute(commandOf(merchantId, action));
      } catch (error) {
        if (!(error instanceof DomainError)) {
          this.nextPosition = position;
          throw error;
        }
        if (ALREADY_DONE.has(error.code)) continue;
        const refusal = error instanceof PayoutRefusedError || error instanceof DisputeRefusedError ? error.code : error.name;
        this.logger.warn(`${merchantId}'s bill line ${action.lineNumber} (${action.type}) not recorded: ${refusal} ${error.message}`);
      }
    }
    this.nextPosition = through + 1n;
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistryView } from '@posledger/registry';
import { ConfirmPayoutCommand, FailPayoutCommand, RunPayoutsCommand, type PayoutsAppended } from './payouts.commands';
import { PayoutMovementsReader } from './payout-movements.reader';
import { PayoutsAppend } from './payouts-append';

@CommandHandler(RunPayoutsCommand)
export class RunPayoutsService implements ICommandHandler<RunPayoutsCommand, PayoutsAppended> {
  constructor(
    private readonly payouts: PayoutsAppend,
    private readonly movements: PayoutMovementsReader,
    private readonly registry: RegistryView,
  ) {}

  async execute({ merchantId, cutoffAt, valueDate }: RunPayoutsCommand): Promise<PayoutsAppended> {
    // None of the merchant's movements comes before its registration: a first run reads from there, not the whole store.
    const registeredAt = (await this.registry.merchant(merchantId))?.registered.position ?? 0n;
    const appended = await this.payouts.run(merchantId, async (state) => {
      // Already cut off (by another ledger, or before a restart): the decider will record nothing, so read nothing.
      if (state.lastCutoffAt !== undefined && state.lastCutoffAt >= cutoffAt) return { type: 'SchedulePayouts', data: { merchantId, cutoffAt, valueDate, throughPosition: state.throughPosition, movements: [] } };
      const from = state.throughPosition + 1n > registeredAt ? state.throughPosition + 1n : registeredAt;
      const { movements, throughPosition } = await this.movements.read(merchantId, from, cutoffAt);
      return { type: 'SchedulePayouts', data: { merchantId, cutoffAt, valueDate, throughPosition, movements } };
    });
    return { appended };
  }
}

@CommandHandler(ConfirmPayoutCommand)
export class ConfirmPayoutService implements ICommandHandler<ConfirmPayoutCommand, PayoutsAppended> {
  constructor(private readonly payouts: PayoutsAppend) {}

  async execute({ merchantId, payoutId, bankReference }: ConfirmPayoutCommand): Promise<PayoutsAppended> {
    const now = new Date().toISOString();
    return { appended: await this.payouts.run(merchantId, () => ({ type: 'ConfirmPayout', data: { merchantId, payoutId, bankReference, now } })) };
  }
}

@CommandHandler(FailPayoutCommand)
export class FailPayoutService implements ICommandHandler<FailPayoutCommand, PayoutsAppended> {
  constructor(private readonly payouts: PayoutsAppend) {}

  async execute({ merchantId, payoutId, reason }: FailPayoutCommand): Promise<PayoutsAppended> {
    const now = new Date().toISOString();
    return { appended: await this.payouts.run(merchantId, () => ({ type: 'FailPayout', data: { merchantId, payoutId, reason, now } })) };
  }
}

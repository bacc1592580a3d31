import { Command } from '@nestjs/cqrs';

export interface PayoutsAppended {
  readonly appended: number;
}

/** Cut the merchant's settled funds off at `cutoffAt` and pay them on `valueDate`. */
export class RunPayoutsCommand extends Command<PayoutsAppended> {
  constructor(readonly merchantId: string, readonly cutoffAt: string, readonly valueDate: string) {
    super();
  }
}

/** The bank's confirmation that a payout reached the merchant's account. */
export class ConfirmPayoutCommand extends Command<PayoutsAppended> {
  constructor(readonly merchantId: string, readonly payoutId: string, readonly bankReference: string) {
    super();
  }
}

/** The bank returned a payout. */
export class FailPayoutCommand extends Command<PayoutsAppended> {
  constructor(readonly merchantId: string, readonly payoutId: string, readonly reason: string) {
    super();
  }
}

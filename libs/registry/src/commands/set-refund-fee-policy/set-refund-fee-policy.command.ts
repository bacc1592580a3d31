import { Command } from '@nestjs/cqrs';
import type { RefundFeePolicy } from '@posledger/domain';

/** What the merchant's refunds do with their sales' fees: KEPT by the acquirer, or RETURNED in proportion. */
export class SetRefundFeePolicyCommand extends Command<void> {
  constructor(readonly merchantId: string, readonly policy: RefundFeePolicy) {
    super();
  }
}

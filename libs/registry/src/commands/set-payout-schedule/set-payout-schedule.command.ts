import { Command } from '@nestjs/cqrs';
import type { PayoutSchedule } from '@posledger/domain';

/** When the merchant's settled funds are cut off (HH:MM in its zone) and paid (that many days later). */
export class SetPayoutScheduleCommand extends Command<void> {
  constructor(readonly merchantId: string, readonly schedule: PayoutSchedule) {
    super();
  }
}

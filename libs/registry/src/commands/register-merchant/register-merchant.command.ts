import { Command } from '@nestjs/cqrs';
import type { MerchantRegistration } from '@posledger/domain';

export class RegisterMerchantCommand extends Command<void> {
  constructor(readonly registration: MerchantRegistration) {
    super();
  }
}

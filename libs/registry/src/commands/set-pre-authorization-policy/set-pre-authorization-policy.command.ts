import { Command } from '@nestjs/cqrs';
import type { PreAuthorizationPolicy } from '@posledger/domain';

/** How far the merchant's completions may exceed their holds, and after how many days a hold expires. */
export class SetPreAuthorizationPolicyCommand extends Command<void> {
  constructor(readonly merchantId: string, readonly policy: PreAuthorizationPolicy) {
    super();
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistryAppend } from '../registry-append';
import { SetRefundFeePolicyCommand } from './set-refund-fee-policy.command';

@CommandHandler(SetRefundFeePolicyCommand)
export class SetRefundFeePolicyService implements ICommandHandler<SetRefundFeePolicyCommand, void> {
  constructor(private readonly registry: RegistryAppend) {}

  execute({ merchantId, policy }: SetRefundFeePolicyCommand): Promise<void> {
    return this.registry.run({ type: 'SetRefundFeePolicy', data: { merchantId, policy } });
  }
}

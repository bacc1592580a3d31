import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistryAppend } from '../registry-append';
import { SetPreAuthorizationPolicyCommand } from './set-pre-authorization-policy.command';

@CommandHandler(SetPreAuthorizationPolicyCommand)
export class SetPreAuthorizationPolicyService implements ICommandHandler<SetPreAuthorizationPolicyCommand, void> {
  constructor(private readonly registry: RegistryAppend) {}

  execute({ merchantId, policy }: SetPreAuthorizationPolicyCommand): Promise<void> {
    return this.registry.run({ type: 'SetPreAuthorizationPolicy', data: { merchantId, ...policy } });
  }
}

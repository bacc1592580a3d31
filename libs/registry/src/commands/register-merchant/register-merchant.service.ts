import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistryAppend } from '../registry-append';
import { RegisterMerchantCommand } from './register-merchant.command';

@CommandHandler(RegisterMerchantCommand)
export class RegisterMerchantService implements ICommandHandler<RegisterMerchantCommand, void> {
  constructor(private readonly registry: RegistryAppend) {}

  execute({ registration }: RegisterMerchantCommand): Promise<void> {
    return this.registry.run({ type: 'RegisterMerchant', data: registration });
  }
}

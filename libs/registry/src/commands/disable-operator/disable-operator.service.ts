import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistryAppend } from '../registry-append';
import { DisableOperatorCommand } from './disable-operator.command';

@CommandHandler(DisableOperatorCommand)
export class DisableOperatorService implements ICommandHandler<DisableOperatorCommand, void> {
  constructor(private readonly registry: RegistryAppend) {}

  execute({ merchantId, operatorId }: DisableOperatorCommand): Promise<void> {
    return this.registry.run({ type: 'DisableOperator', data: { merchantId, operatorId } });
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistryAppend } from '../registry-append';
import { AddOperatorCommand } from './add-operator.command';

@CommandHandler(AddOperatorCommand)
export class AddOperatorService implements ICommandHandler<AddOperatorCommand, void> {
  constructor(private readonly registry: RegistryAppend) {}

  execute({ operator }: AddOperatorCommand): Promise<void> {
    return this.registry.run({ type: 'AddOperator', data: operator });
  }
}

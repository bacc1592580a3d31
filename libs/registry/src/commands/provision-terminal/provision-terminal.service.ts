import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistryAppend } from '../registry-append';
import { ProvisionTerminalCommand } from './provision-terminal.command';

@CommandHandler(ProvisionTerminalCommand)
export class ProvisionTerminalService implements ICommandHandler<ProvisionTerminalCommand, void> {
  constructor(private readonly registry: RegistryAppend) {}

  execute({ provisioning }: ProvisionTerminalCommand): Promise<void> {
    return this.registry.run({ type: 'ProvisionTerminal', data: provisioning });
  }
}

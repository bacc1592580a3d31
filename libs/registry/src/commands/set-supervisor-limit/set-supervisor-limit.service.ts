import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistryAppend } from '../registry-append';
import { SetSupervisorLimitCommand } from './set-supervisor-limit.command';

@CommandHandler(SetSupervisorLimitCommand)
export class SetSupervisorLimitService implements ICommandHandler<SetSupervisorLimitCommand, void> {
  constructor(private readonly registry: RegistryAppend) {}

  execute({ merchantId, aboveMinor }: SetSupervisorLimitCommand): Promise<void> {
    return this.registry.run({ type: 'SetSupervisorLimit', data: { merchantId, aboveMinor } });
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistryAppend } from '../registry-append';
import { SetOfflineLimitCommand } from './set-offline-limit.command';

@CommandHandler(SetOfflineLimitCommand)
export class SetOfflineLimitService implements ICommandHandler<SetOfflineLimitCommand, void> {
  constructor(private readonly registry: RegistryAppend) {}

  execute({ merchantId, upToMinor }: SetOfflineLimitCommand): Promise<void> {
    return this.registry.run({ type: 'SetOfflineLimit', data: { merchantId, upToMinor } });
  }
}

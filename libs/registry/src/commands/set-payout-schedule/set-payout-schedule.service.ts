import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistryAppend } from '../registry-append';
import { SetPayoutScheduleCommand } from './set-payout-schedule.command';

@CommandHandler(SetPayoutScheduleCommand)
export class SetPayoutScheduleService implements ICommandHandler<SetPayoutScheduleCommand, void> {
  constructor(private readonly registry: RegistryAppend) {}

  execute({ merchantId, schedule }: SetPayoutScheduleCommand): Promise<void> {
    return this.registry.run({ type: 'SetPayoutSchedule', data: { merchantId, ...schedule } });
  }
}

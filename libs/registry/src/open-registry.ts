import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { EventStore } from '@posledger/event-store';
import type { AddOperatorCommand } from './commands/add-operator/add-operator.command';
import type { DisableOperatorCommand } from './commands/disable-operator/disable-operator.command';
import type { SetOfflineLimitCommand } from './commands/set-offline-limit/set-offline-limit.command';
import type { SetPreAuthorizationPolicyCommand } from './commands/set-pre-authorization-policy/set-pre-authorization-policy.command';
import type { SetRefundFeePolicyCommand } from './commands/set-refund-fee-policy/set-refund-fee-policy.command';
import type { SetPayoutScheduleCommand } from './commands/set-payout-schedule/set-payout-schedule.command';
import type { SetSupervisorLimitCommand } from './commands/set-supervisor-limit/set-supervisor-limit.command';
import type { ProvisionTerminalCommand } from './commands/provision-terminal/provision-terminal.command';
import type { RegisterMerchantCommand } from './commands/register-merchant/register-merchant.command';
import { RegistryModule } from './registry.module';
import { RegistryView } from './registry-view';

export interface Registry {
  /** The registry folded from its stream, refreshed after each command. */
  readonly view: RegistryView;
  /** Through the command bus to the command's handler, like every aggregate's command. */
  execute(
    command:
      | RegisterMerchantCommand | ProvisionTerminalCommand | AddOperatorCommand | DisableOperatorCommand | SetSupervisorLimitCommand | SetOfflineLimitCommand
      | SetPreAuthorizationPolicyCommand | SetRefundFeePolicyCommand | SetPayoutScheduleCommand,
  ): Promise<void>;
  close(): Promise<void>;
}

/** The registry's commands and view over an event store, for the platform and the provisioning CLI. */
export async function openRegistry(eventStore: EventStore): Promise<Registry> {
  const context = await NestFactory.createApplicationContext(RegistryModule.register(eventStore), { logger: ['error', 'warn'] });
  await context.init();
  const commandBus = context.get(CommandBus);
  const view = context.get(RegistryView);
  await view.refresh();
  return {
    view,
    execute: (command) => commandBus.execute(command),
    close: () => context.close(),
  };
}

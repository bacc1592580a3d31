import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { LedgerCommandsModule, type LedgerCommandDependencies } from './ledger-commands.module';
import type { OpenDisputeCommand, ResolveDisputeCommand, SubmitDisputeEvidenceCommand } from './terminal-ledger/commands/disputes/dispute.commands';
import type { ConfirmPayoutCommand, FailPayoutCommand, RunPayoutsCommand } from './payouts/payouts.commands';

export interface LedgerCommands {
  /** Through the command bus to the command's handler, as the running ledger executes its own. */
  execute(command: OpenDisputeCommand | ResolveDisputeCommand | SubmitDisputeEvidenceCommand | RunPayoutsCommand | ConfirmPayoutCommand | FailPayoutCommand): Promise<{ readonly appended: number }>;
  close(): Promise<void>;
}

@Module({})
class LedgerCommandsRoot {
  static register(deps: LedgerCommandDependencies): DynamicModule {
    return { module: LedgerCommandsRoot, imports: [CqrsModule.forRoot(), LedgerCommandsModule.register(deps)] };
  }
}

/**
 * The ledger's commands for an operator's tool (disputes, payouts): the same handlers and decider as the running
 * ledger, appending at each stream's expected revision, so that a concurrent ledger reloads instead of overwriting.
 */
export async function openLedgerCommands(deps: LedgerCommandDependencies): Promise<LedgerCommands> {
  const context = await NestFactory.createApplicationContext(LedgerCommandsRoot.register(deps), { logger: ['error', 'warn'] });
  await context.init();
  const commandBus = context.get(CommandBus);
  return { execute: (command) => commandBus.execute(command), close: () => context.close() };
}

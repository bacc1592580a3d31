import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Transport } from '@posledger/transport';
import { TerminalEventsConsumer } from './consumer/terminal-events.consumer';
import { LedgerCommandsModule, type LedgerCommandDependencies } from './ledger-commands.module';
import { TRANSPORT } from './ledger.tokens';
import { LedgerClock } from './terminal-ledger/ledger-clock';

export interface LedgerDependencies extends LedgerCommandDependencies {
  readonly transport: Transport;
  /** Terminals known to hold parked events when the ledger starts (from the views), swept at once. */
  readonly terminalsHoldingParkedEvents?: () => Promise<readonly string[]>;
}

@Module({})
export class LedgerModule {
  static register(deps: LedgerDependencies): DynamicModule {
    return {
      module: LedgerModule,
      imports: [CqrsModule.forRoot(), LedgerCommandsModule.register(deps)],
      providers: [{ provide: TRANSPORT, useValue: deps.transport }, TerminalEventsConsumer, LedgerClock],
    };
  }
}

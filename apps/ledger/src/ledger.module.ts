import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '@posledger/event-store';
import type { Transport } from '@posledger/transport';
import { TerminalEventsConsumer } from './consumer/terminal-events.consumer';
import { EVENT_STORE, TRANSPORT } from './ledger.tokens';
import { RegistryView } from './registry/registry-view';
import { commandHandlers } from './terminal-ledger/commands';
import { TerminalLedgerStates } from './terminal-ledger/terminal-ledger-states';

export interface LedgerDependencies {
  readonly eventStore: EventStore;
  readonly transport: Transport;
  readonly registry: RegistryView;
}

@Module({})
export class LedgerModule {
  static register(deps: LedgerDependencies): DynamicModule {
    return {
      module: LedgerModule,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: EVENT_STORE, useValue: deps.eventStore },
        { provide: TRANSPORT, useValue: deps.transport },
        { provide: RegistryView, useValue: deps.registry },
        { provide: TerminalLedgerStates, useValue: new TerminalLedgerStates(deps.eventStore) },
        ...commandHandlers,
        TerminalEventsConsumer,
      ],
    };
  }
}

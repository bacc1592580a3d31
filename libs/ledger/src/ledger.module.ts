import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DEFAULT_SEQUENCE_POLICY, type SequencePolicy } from '@posledger/domain';
import type { EventStore } from '@posledger/event-store';
import type { Transport } from '@posledger/transport';
import { TerminalEventsConsumer } from './consumer/terminal-events.consumer';
import { EVENT_STORE, SEQUENCE_POLICY, TRANSPORT } from './ledger.tokens';
import { RegistryView } from '@posledger/registry';
import { commandHandlers } from './terminal-ledger/commands';
import { LedgerClock } from './terminal-ledger/ledger-clock';
import { TerminalLedgerAppend } from './terminal-ledger/terminal-ledger-append';
import { TerminalLedgerStates } from './terminal-ledger/terminal-ledger-states';

export interface LedgerDependencies {
  readonly eventStore: EventStore;
  readonly transport: Transport;
  readonly registry: RegistryView;
  /** How long a sequence gap is waited on; default DEFAULT_SEQUENCE_POLICY. */
  readonly sequencePolicy?: SequencePolicy;
  /** Terminals known to hold parked events when the ledger starts (from the views), swept at once. */
  readonly terminalsHoldingParkedEvents?: () => Promise<readonly string[]>;
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
        { provide: SEQUENCE_POLICY, useValue: deps.sequencePolicy ?? DEFAULT_SEQUENCE_POLICY },
        { provide: TerminalLedgerStates, useValue: new TerminalLedgerStates(deps.eventStore) },
        TerminalLedgerAppend,
        ...commandHandlers,
        TerminalEventsConsumer,
        LedgerClock,
      ],
    };
  }
}

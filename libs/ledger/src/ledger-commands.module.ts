import { Module, type DynamicModule } from '@nestjs/common';
import { DEFAULT_SEQUENCE_POLICY, type SequencePolicy } from '@posledger/domain';
import type { EventStore } from '@posledger/event-store';
import { RegistryView } from '@posledger/registry';
import { BillFollowUps } from './bills/bill-follow-ups';
import { EVENT_STORE, SEQUENCE_POLICY } from './ledger.tokens';
import { commandHandlers } from './terminal-ledger/commands';
import { PayoutMovementsReader } from './payouts/payout-movements.reader';
import { PayoutsAppend } from './payouts/payouts-append';
import { PayoutRuns } from './payouts/payout-runs';
import { ConfirmPayoutService, FailPayoutService, RunPayoutsService } from './payouts/payouts.services';
import { TerminalLedgerAppend } from './terminal-ledger/terminal-ledger-append';
import { TerminalLedgerStates } from './terminal-ledger/terminal-ledger-states';

export interface LedgerCommandDependencies {
  readonly eventStore: EventStore;
  readonly registry: RegistryView;
  /** How long a sequence gap is waited on; default DEFAULT_SEQUENCE_POLICY. */
  readonly sequencePolicy?: SequencePolicy;
  /** Events of terminal history the folded states may stand for in all (TerminalLedgerStates); no bound when not given. */
  readonly maxCachedEvents?: number;
}

/** The terminal ledgers' and payouts' command handlers over the event store, and what carries out bills' actions: what the ledger app and the operators' CLI share. */
@Module({})
export class LedgerCommandsModule {
  static register(deps: LedgerCommandDependencies): DynamicModule {
    return {
      module: LedgerCommandsModule,
      providers: [
        { provide: EVENT_STORE, useValue: deps.eventStore },
        { provide: RegistryView, useValue: deps.registry },
        { provide: SEQUENCE_POLICY, useValue: deps.sequencePolicy ?? DEFAULT_SEQUENCE_POLICY },
        { provide: TerminalLedgerStates, useValue: new TerminalLedgerStates(deps.eventStore, deps.maxCachedEvents) },
        TerminalLedgerAppend,
        ...commandHandlers,
        PayoutsAppend,
        PayoutMovementsReader,
        PayoutRuns,
        RunPayoutsService,
        ConfirmPayoutService,
        FailPayoutService,
        BillFollowUps,
      ],
      exports: [SEQUENCE_POLICY, TerminalLedgerStates, PayoutRuns, PayoutMovementsReader, BillFollowUps],
    };
  }
}

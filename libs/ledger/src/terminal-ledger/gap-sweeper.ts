import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { SequencePolicy } from '@posledger/domain';
import { SEQUENCE_POLICY } from '../ledger.tokens';
import { SkipExpiredGapsCommand } from './commands/skip-expired-gaps/skip-expired-gaps.command';
import { TerminalLedgerStates } from './terminal-ledger-states';

const MAX_TICK_MS = 5_000;
const MIN_TICK_MS = 100;

/**
 * The clock of invariant 9: a terminal that stops sending after a gap would otherwise hold its parked events for
 * ever. Every tick, each terminal known to hold parked events gets a SkipExpiredGaps with the current time; the
 * decider skips only the gaps that have waited out the policy's timeout.
 */
@Injectable()
export class GapSweeper {
  private readonly logger = new Logger(GapSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly commandBus: CommandBus,
    private readonly states: TerminalLedgerStates,
    @Inject(SEQUENCE_POLICY) private readonly policy: SequencePolicy,
  ) {}

  /** `known`: terminals found holding parked events elsewhere (e.g. a view), after a restart emptied the cache. */
  start(known: readonly string[] = []): void {
    const pending = new Set(known);
    const tick = Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, Math.floor(this.policy.gapTimeoutMs / 4)));
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep([...pending, ...this.states.holdingParkedEvents()]).finally(() => {
        pending.clear();
        this.sweeping = undefined;
      });
    }, tick);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  private async sweep(terminalIds: readonly string[]): Promise<void> {
    const now = new Date().toISOString();
    for (const terminalId of new Set(terminalIds)) {
      try {
        await this.commandBus.execute(new SkipExpiredGapsCommand(terminalId, now));
      } catch (error) {
        // The next tick tries again; one terminal's failure must not stop the others' sweep.
        this.logger.error(`sequence gap sweep of ${terminalId} failed: ${(error as Error).message}`);
      }
    }
  }
}

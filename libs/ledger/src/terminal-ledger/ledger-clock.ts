import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { SequencePolicy } from '@posledger/domain';
import { SEQUENCE_POLICY } from '../ledger.tokens';
import { ExpireHoldsCommand } from './commands/expire-holds/expire-holds.command';
import { SkipExpiredGapsCommand } from './commands/skip-expired-gaps/skip-expired-gaps.command';
import { TerminalLedgerStates } from './terminal-ledger-states';
import { PayoutMovementsReader } from '../payouts/payout-movements.reader';
import { PayoutRuns } from '../payouts/payout-runs';
import { BillFollowUps } from '../bills/bill-follow-ups';

const MAX_TICK_MS = 5_000;
const MIN_TICK_MS = 100;

/**
 * The ledger's clock. Invariant 9: a terminal that stops sending after a gap would otherwise hold its parked events
 * for ever; every tick, each terminal known to hold parked events gets a SkipExpiredGaps with the current time, and
 * the decider skips only the gaps that have waited out the policy's timeout. Likewise each terminal known to hold
 * pre-authorisations gets an ExpireHolds, which releases those past their expiry (a terminal's next event releases
 * them too, so that a hold expires even when a restart has emptied what the clock knows). And each merchant whose
 * payout cut-off has passed gets its payout run, and what recorded bills tell the ledger (a bank's confirmation of a
 * payout, an acquirer's chargeback) is recorded.
 */
@Injectable()
export class LedgerClock {
  private readonly logger = new Logger(LedgerClock.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private followingUp?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly commandBus: CommandBus,
    private readonly states: TerminalLedgerStates,
    private readonly payoutRuns: PayoutRuns,
    private readonly payoutMovements: PayoutMovementsReader,
    private readonly billFollowUps: BillFollowUps,
    @Inject(SEQUENCE_POLICY) private readonly policy: SequencePolicy,
  ) {}

  /** `known`: terminals found holding parked events elsewhere (e.g. a view), after a restart emptied the cache. */
  start(known: readonly string[] = []): void {
    const pending = new Set(known);
    const tick = Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, Math.floor(this.policy.gapTimeoutMs / 4)));
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep([...pending, ...this.states.holdingParkedEvents()], this.states.holdingPreAuthorizations()).finally(() => {
        pending.clear();
        this.sweeping = undefined;
      });
    }, tick);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopping = true;
    await this.sweeping;
    await this.followingUp;
  }

  private async sweep(withParkedEvents: readonly string[], withHolds: readonly string[]): Promise<void> {
    const now = new Date().toISOString();
    const ticks = [
      ...[...new Set(withParkedEvents)].map((terminalId) => ({ terminalId, what: 'sequence gap', command: new SkipExpiredGapsCommand(terminalId, now) })),
      ...withHolds.map((terminalId) => ({ terminalId, what: 'hold expiry', command: new ExpireHoldsCommand(terminalId, now) })),
    ];
    for (const { terminalId, what, command } of ticks) {
      try {
        await this.commandBus.execute(command);
      } catch (error) {
        // The next tick tries again; one terminal's failure must not stop the others' sweep.
        this.logger.error(`${what} sweep of ${terminalId} failed: ${(error as Error).message}`);
      }
    }
    const runs = await this.payoutRuns.due(now).catch((error: Error) => {
      this.logger.error(`payout schedules not read: ${error.message}`);
      return [];
    });
    // Merchants of one cut-off read the same range of the store: one scan serves them all.
    await this.payoutMovements.sharingScans(async () => {
      for (const run of runs) {
        try {
          await this.commandBus.execute(run);
          this.payoutRuns.ran(run);
        } catch (error) {
          this.logger.error(`payout run of ${run.merchantId} at ${run.cutoffAt} failed: ${(error as Error).message}`);
        }
      }
    });
    // Beside the sweep, not in it: after a restart its first pass reads every bill again, which must not hold up gaps and holds.
    this.followingUp ??= this.billFollowUps.carryOut(() => this.stopping)
      .catch((error: Error) => this.logger.error(`bills' actions not carried out: ${error.message}`))
      .finally(() => {
        this.followingUp = undefined;
      });
  }
}

import { Injectable } from '@nestjs/common';
import { dueCutoff } from '@posledger/domain';
import { RegistryView } from '@posledger/registry';
import { RunPayoutsCommand } from './payouts.commands';

/** Which merchants' payout cut-offs have passed since the last run this process knows of. */
@Injectable()
export class PayoutRuns {
  private readonly lastCutoffs = new Map<string, string>();

  constructor(private readonly registry: RegistryView) {}

  async due(now: string): Promise<RunPayoutsCommand[]> {
    await this.registry.refresh();
    return this.registry.merchants().flatMap(({ merchantId, timeZone }) => {
      const { cutoffAt, valueDate } = dueCutoff(this.registry.payoutScheduleOf(merchantId), timeZone, now);
      const last = this.lastCutoffs.get(merchantId);
      return last !== undefined && last >= cutoffAt ? [] : [new RunPayoutsCommand(merchantId, cutoffAt, valueDate)];
    });
  }

  /** The run of this cut-off is recorded (or was already): the next is due at the next cut-off. */
  ran(command: RunPayoutsCommand): void {
    this.lastCutoffs.set(command.merchantId, command.cutoffAt);
  }
}

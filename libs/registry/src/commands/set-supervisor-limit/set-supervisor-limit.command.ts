import { Command } from '@nestjs/cqrs';

/** Voids and refunds above `aboveMinor` need a supervisor; null lifts the limit. */
export class SetSupervisorLimitCommand extends Command<void> {
  constructor(readonly merchantId: string, readonly aboveMinor: string | null) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';

/** The clock's tick for one terminal holding pre-authorisations: `now` as ISO-8601. */
export class ExpireHoldsCommand extends Command<{ readonly appended: number }> {
  constructor(
    readonly terminalId: string,
    readonly now: string,
  ) {
    super();
  }
}

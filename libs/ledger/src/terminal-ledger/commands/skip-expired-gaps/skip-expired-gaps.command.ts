import { Command } from '@nestjs/cqrs';

/** The clock's tick for one terminal holding parked events: `now` as ISO-8601. */
export class SkipExpiredGapsCommand extends Command<{ readonly appended: number }> {
  constructor(
    readonly terminalId: string,
    readonly now: string,
  ) {
    super();
  }
}

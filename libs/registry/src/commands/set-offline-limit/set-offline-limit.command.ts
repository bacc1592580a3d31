import { Command } from '@nestjs/cqrs';

/** The merchant's terminals may approve card sales offline up to `upToMinor`; null: never. */
export class SetOfflineLimitCommand extends Command<void> {
  constructor(readonly merchantId: string, readonly upToMinor: string | null) {
    super();
  }
}

import { Inject } from '@nestjs/common';
import { Context, Query, Resolver } from '@nestjs/graphql';
import { fromClickHouseDateTime, quarantinedEvents, type ReadStore } from '@posledger/read-store';
import { requireAuditor, type ReportsContext } from '../auth/grant-context';
import { READ_STORE } from '../reports.tokens';
import { QuarantinedEvent } from './quarantined-event.types';

@Resolver(() => QuarantinedEvent)
export class QuarantinedEventsResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => [QuarantinedEvent], { description: 'Auditors: events the views quarantined (each also printed as an ALERT line).' })
  async quarantinedEvents(@Context() context: ReportsContext): Promise<QuarantinedEvent[]> {
    requireAuditor(context);
    const events = await quarantinedEvents(this.store);
    return events.map((event) => ({ ...event, projections: [...event.projections], quarantinedAt: fromClickHouseDateTime(event.quarantinedAt) }));
  }
}

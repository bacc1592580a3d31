import { Inject } from '@nestjs/common';
import { Context, Query, Resolver } from '@nestjs/graphql';
import { verifyIntegrity, type EventStore } from '@posledger/event-store';
import { requireAuditor, type ReportsContext } from '../auth/grant-context';
import { EVENT_STORE } from '../reports.tokens';
import { IntegrityProblemKind, IntegrityReport } from './integrity-report.types';

@Resolver(() => IntegrityReport)
export class IntegrityResolver {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Query(() => IntegrityReport, { description: 'Auditors: walks the whole event store (as `posledger verify` does); takes as long as the log is long.' })
  async integrity(@Context() context: ReportsContext): Promise<IntegrityReport> {
    requireAuditor(context);
    const { firstProblem, ...counts } = await verifyIntegrity(this.store);
    return {
      ...counts,
      firstProblem: firstProblem && {
        ...firstProblem,
        kind: IntegrityProblemKind[firstProblem.kind],
        revision: String(firstProblem.revision),
        position: String(firstProblem.position),
      },
    };
  }
}

import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { requireAuditor, type ReportsContext } from '../auth/grant-context';
import { fromClickHouseDateTime } from '@posledger/read-store';
import { INSTANT_ARGUMENT_FORM, periodArguments } from '../graphql/time-argument';
import { AuditRecord } from './audit-entry.types';
import { AUDIT_TRAIL, type AuditTrail } from './audit-trail.port';

const INSTANT = `${INSTANT_ARGUMENT_FORM}; the trail is no merchant's, so a date alone is refused`;

@Resolver(() => AuditRecord)
export class AuditTrailResolver {
  constructor(@Inject(AUDIT_TRAIL) private readonly trail: AuditTrail) {}

  @Query(() => [AuditRecord], { description: 'Auditors: the accesses of auditors (by recorded time), oldest first.' })
  auditTrail(
    @Context() context: ReportsContext,
    @Args('from', { description: `Inclusive start: ${INSTANT}.` }) from: string,
    @Args('to', { description: `Exclusive end: ${INSTANT}.` }) to: string,
  ): Promise<AuditRecord[]> {
    requireAuditor(context);
    const period = periodArguments(from, to, undefined);
    return this.trail.entries(fromClickHouseDateTime(period.from), fromClickHouseDateTime(period.to));
  }
}

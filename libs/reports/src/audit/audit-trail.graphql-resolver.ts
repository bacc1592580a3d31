import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { requireAuditor, type ReportsContext } from '../auth/grant-context';
import { instantArgument } from '../graphql/instant';
import { AuditRecord } from './audit-entry.types';
import { AUDIT_TRAIL, type AuditTrail } from './audit-trail.port';

@Resolver(() => AuditRecord)
export class AuditTrailResolver {
  constructor(@Inject(AUDIT_TRAIL) private readonly trail: AuditTrail) {}

  @Query(() => [AuditRecord], { description: 'Auditors: the accesses of auditors (by recorded time), oldest first.' })
  auditTrail(@Context() context: ReportsContext, @Args('from') from: string, @Args('to') to: string): Promise<AuditRecord[]> {
    requireAuditor(context);
    instantArgument('from', from);
    instantArgument('to', to);
    return this.trail.entries(from, to);
  }
}

import { Inject, Optional } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RebuildInProgressError, type RebuildReport, type ViewRebuilder } from '@posledger/read-store';
import { requireAuditor, type ReportsContext } from '../auth/grant-context';
import { VIEW_REBUILDER } from '../reports.tokens';
import { ReplayProgress, ReplayReport } from './replay.types';

export class ReplayUnavailableError extends Error {
  readonly code = 'REPORTS.REPLAY_UNAVAILABLE';
}

export class ReplayInProgressError extends Error {
  readonly code = 'REPORTS.REPLAY_IN_PROGRESS';
}

@Resolver(() => ReplayReport)
export class ReplayResolver {
  constructor(@Optional() @Inject(VIEW_REBUILDER) private readonly rebuilder?: ViewRebuilder) {}

  @Mutation(() => ReplayReport, {
    description:
      'Auditors: rebuilds every view from position 0 of the event store beside the live ones, compares them, and switches to the ' +
      'rebuilt views when all are equal (or when forced). The views keep answering meanwhile.',
  })
  async replayViews(@Context() context: ReportsContext, @Args('force', { type: () => Boolean, nullable: true, description: 'Switch to the rebuilt views even when a view differs (after reading the report).' }) force?: boolean): Promise<ReplayReport> {
    requireAuditor(context);
    if (!this.rebuilder) throw new ReplayUnavailableError('this process does not run the projections');
    try {
      return toReport(await this.rebuilder.rebuild({ force: force === true }));
    } catch (error) {
      if (error instanceof RebuildInProgressError) throw new ReplayInProgressError(error.message);
      throw error;
    }
  }

  @Query(() => ReplayProgress, { nullable: true, description: 'Auditors: the running rebuild, if any.' })
  replayProgress(@Context() context: ReportsContext): ReplayProgress | null {
    requireAuditor(context);
    const progress = this.rebuilder?.progress();
    if (!progress) return null;
    return { ...progress, position: progress.position.toString(), head: progress.head.toString() };
  }
}

function toReport(report: RebuildReport): ReplayReport {
  return { ...report, position: report.position.toString(), views: [...report.views] };
}

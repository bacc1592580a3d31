import type { RebuildProgress } from './rebuild-progress';
import type { RebuildReport } from './rebuild-report';
import { rebuildViews, type RebuildOptions, type ViewRebuildDependencies } from './rebuild-views';

export class RebuildInProgressError extends Error {
  readonly code = 'READ_STORE.REBUILD_IN_PROGRESS';

  constructor() {
    super('a rebuild of the views is already running: wait for its report');
    this.name = 'RebuildInProgressError';
  }
}

/** One rebuild at a time over a set of views, with the running one's progress readable from elsewhere. */
export interface ViewRebuilder {
  rebuild(options?: RebuildOptions): Promise<RebuildReport>;
  /** The running rebuild's progress; undefined when none runs. */
  progress(): RebuildProgress | undefined;
}

export function createViewRebuilder(deps: ViewRebuildDependencies): ViewRebuilder {
  let running: { progress: RebuildProgress | undefined } | undefined;
  return {
    async rebuild(options: RebuildOptions = {}): Promise<RebuildReport> {
      if (running) throw new RebuildInProgressError();
      const current: { progress: RebuildProgress | undefined } = { progress: undefined };
      running = current;
      try {
        return await rebuildViews(deps, {
          ...options,
          onProgress: (progress) => {
            current.progress = progress;
            options.onProgress?.(progress);
          },
        });
      } finally {
        running = undefined;
      }
    },
    progress: () => running?.progress,
  };
}

export { rebuildViews } from './rebuild-views';
export type { LiveProjectionControl, RebuildOptions, ViewRebuildDependencies } from './rebuild-views';
export { createViewRebuilder, RebuildInProgressError } from './view-rebuilder';
export type { ViewRebuilder } from './view-rebuilder';
export { ProgressMeter } from './rebuild-progress';
export type { RebuildPhase, RebuildProgress } from './rebuild-progress';
export type { RebuildReport, ViewComparison } from './rebuild-report';

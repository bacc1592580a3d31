export { openLmdbEnvironment } from './open-lmdb-environment';
export { openThreadSignal } from './thread-signal';
export type { ThreadSignal } from './thread-signal';

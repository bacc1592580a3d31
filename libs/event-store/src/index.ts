export * from './event-store.port';
export { ExpectedVersionConflictError } from './expected-version-conflict.error';
export { createLmdbEventStore, type LmdbEventStoreOptions } from './lmdb/lmdb-event-store';
export { createEventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './esdb/esdb-event-store';
export { createEventStore, type EventStoreConfig } from './create-event-store';
export * from './hash-chain';
export { absorbLmdbCommitFailures } from './lmdb/lmdb-commit-failures';
export { aggregateStream, type AggregatedStream, type Evolution } from './commands/aggregate-stream';
export { handleCommand, type CommandHandling } from './commands/handle-command';

import { resolve } from 'node:path';

/** Which engine serves each port: embedded under dataDir unless a distributed engine is configured. */
export interface PlatformConfig {
  readonly dataDir: string;
  readonly ingestPort: number;
  readonly reportsPort: number;
  readonly host: string;
  readonly kafkaBrokers?: readonly string[];
  /** Terminal-events topic and its dead-letter topic (only used with Kafka). */
  readonly kafkaTopic: string;
  readonly kafkaDlqTopic: string;
  /** How long the ledgers' consumer group waits for a member that stopped (kafkajs default 30 s; the broker's minimum is 6 s). */
  readonly kafkaSessionTimeoutMs: number;
  readonly transportPartitions: number;
  readonly eventStoreUrl?: string;
  readonly clickhouseUrl?: string;
  readonly clickhouseUser?: string;
  readonly clickhousePassword?: string;
  /** Requests per second a terminal may make to ingest before 429 (token bucket, burst of twice that). */
  readonly terminalRateLimit: number;
  /** Events per second a terminal may send before 429 (bursts of twice that, and at least one full batch of 500). */
  readonly terminalEventRateLimit: number;
  /** Requests per second one reports token may make to /graphql and the export (bursts of twice that). */
  readonly reportsRateLimit: number;
  /** How long the ledger waits for a missing sequence before skipping it (invariant 9). */
  readonly sequenceGapTimeoutMs: number;
  /** A terminal that sent neither an event nor a heartbeat for this long is shown offline. */
  readonly terminalOfflineAfterMs: number;
  /**
   * How far V8 lets a thread's heap grow past what its last full collection kept, in percent; 0 (the default) leaves
   * it to V8, which lets a busy thread's heap grow to four times what it keeps. 50 halves the ledger's committed heap
   * and costs about a fifth of the flat-out throughput (bench/RESULTS.md).
   */
  readonly heapGrowthPercent: number;
  /**
   * Events of terminal history the ledger keeps folded in memory in all (each terminal counting 32 more for its
   * state's own cost); past it, the terminals used longest ago are dropped and folded again from the event store
   * when they next send.
   */
  readonly ledgerCachedEvents: number;
  /**
   * Merchants whose statements (the daily jobs) and bills (the reports app) are kept folded between reads; past it,
   * the merchant read longest ago is forgotten and its stream read whole when next needed.
   */
  readonly foldedMerchants: number;
}

export const DEFAULT_TERMINAL_OFFLINE_AFTER_MS = 180_000;
export const DEFAULT_HEAP_GROWTH_PERCENT = 0;
/**
 * About 0.4 GiB of states in the soak's traffic: a state costs about 45 bytes per event of its stream there (up to 103
 * in histories of 1,000 events), plus about 1.6 KiB of its own and its remembered ids' buckets, counted as 32 events
 * (TerminalLedgerStates; bench/RESULTS.md: soak, ledger-state-memory).
 */
export const DEFAULT_LEDGER_CACHED_EVENTS = 10_000_000;
/** A kept merchant costs its statements' dates and carries of the last month and its bills' hashes and decisions, no PDF or line. */
export const DEFAULT_FOLDED_MERCHANTS = 10_000;

export class InvalidConfigError extends Error {
  readonly code = 'CONFIG.INVALID';
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new InvalidConfigError(`${name} must be a port number, got "${value}"`);
  return parsed;
}

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new InvalidConfigError(`${name} must be a positive integer, got "${value}"`);
  return parsed;
}

function nonNegativeInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidConfigError(`${name} must be a whole number, 0 or more, got "${value}"`);
  return parsed;
}

function optional(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function loadPlatformConfig(env: NodeJS.ProcessEnv, dataDirOption?: string): PlatformConfig {
  const brokers = optional(env.KAFKA_BROKERS);
  return {
    dataDir: resolve(dataDirOption ?? optional(env.POSLEDGER_DATA) ?? './.posledger'),
    ingestPort: port(env.INGEST_PORT, 3001, 'INGEST_PORT'),
    reportsPort: port(env.REPORTS_PORT, 3002, 'REPORTS_PORT'),
    host: optional(env.POSLEDGER_HOST) ?? '127.0.0.1',
    kafkaBrokers: brokers?.split(',').map((b) => b.trim()).filter(Boolean),
    kafkaTopic: optional(env.KAFKA_TOPIC) ?? 'pos.terminal-events.v1',
    kafkaDlqTopic: optional(env.KAFKA_DLQ_TOPIC) ?? 'pos.terminal-events.dlq.v1',
    kafkaSessionTimeoutMs: positiveInteger(env.KAFKA_SESSION_TIMEOUT_MS, 30_000, 'KAFKA_SESSION_TIMEOUT_MS'),
    transportPartitions: positiveInteger(env.TRANSPORT_PARTITIONS, 12, 'TRANSPORT_PARTITIONS'),
    eventStoreUrl: optional(env.EVENTSTORE_URL),
    clickhouseUrl: optional(env.CLICKHOUSE_URL),
    clickhouseUser: optional(env.CLICKHOUSE_USER),
    clickhousePassword: optional(env.CLICKHOUSE_PASSWORD),
    terminalRateLimit: positiveInteger(env.TERMINAL_RATE_LIMIT, 200, 'TERMINAL_RATE_LIMIT'),
    terminalEventRateLimit: positiveInteger(env.TERMINAL_EVENT_RATE_LIMIT, 1_000, 'TERMINAL_EVENT_RATE_LIMIT'),
    reportsRateLimit: positiveInteger(env.REPORTS_RATE_LIMIT, 20, 'REPORTS_RATE_LIMIT'),
    sequenceGapTimeoutMs: positiveInteger(env.SEQUENCE_GAP_TIMEOUT_MS, 60_000, 'SEQUENCE_GAP_TIMEOUT_MS'),
    terminalOfflineAfterMs: positiveInteger(env.TERMINAL_OFFLINE_AFTER_MS, DEFAULT_TERMINAL_OFFLINE_AFTER_MS, 'TERMINAL_OFFLINE_AFTER_MS'),
    heapGrowthPercent: nonNegativeInteger(env.POSLEDGER_HEAP_GROWTH_PERCENT, DEFAULT_HEAP_GROWTH_PERCENT, 'POSLEDGER_HEAP_GROWTH_PERCENT'),
    ledgerCachedEvents: positiveInteger(env.POSLEDGER_LEDGER_CACHED_EVENTS, DEFAULT_LEDGER_CACHED_EVENTS, 'POSLEDGER_LEDGER_CACHED_EVENTS'),
    foldedMerchants: positiveInteger(env.POSLEDGER_FOLDED_MERCHANTS, DEFAULT_FOLDED_MERCHANTS, 'POSLEDGER_FOLDED_MERCHANTS'),
  };
}

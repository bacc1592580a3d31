import type { PlatformConfig } from '@posledger/platform-config';

// The apps a start may be asked for and the engines it names: `posledger start` reads these before it loads any app,
// so that the worker threads start while this thread loads its own.
export type PlatformApp = 'ingest' | 'ledger' | 'reports';
export const ALL_APPS: readonly PlatformApp[] = ['ingest', 'ledger', 'reports'];

export interface PlatformEngines {
  readonly transport: string;
  readonly eventStore: string;
  readonly readStore: string;
}

export function platformEngines(config: PlatformConfig, readStoreEngine?: string): PlatformEngines {
  return {
    transport: config.kafkaBrokers ? `kafka ${config.kafkaBrokers.join(',')} topic ${config.kafkaTopic}` : 'embedded log (lmdb)',
    eventStore: config.eventStoreUrl ? 'EventStoreDB' : 'embedded (lmdb)',
    readStore: readStoreEngine ?? 'none in this process',
  };
}

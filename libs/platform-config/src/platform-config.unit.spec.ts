import { loadPlatformConfig } from './platform-config';

describe('platform config', () => {
  it('runs everything embedded under ./.posledger with the contract ports when nothing is set', () => {
    const config = loadPlatformConfig({});
    expect(config.dataDir).toMatch(/\.posledger$/);
    expect(config).toMatchObject({ ingestPort: 3001, reportsPort: 3002, kafkaBrokers: undefined, eventStoreUrl: undefined, clickhouseUrl: undefined });
  });

  it('chooses the distributed engines from the environment', () => {
    const config = loadPlatformConfig({ KAFKA_BROKERS: 'a:9092, b:9092', EVENTSTORE_URL: 'esdb://x:2113', CLICKHOUSE_URL: 'http://ch:8123' });
    expect(config.kafkaBrokers).toEqual(['a:9092', 'b:9092']);
    expect(config.eventStoreUrl).toBe('esdb://x:2113');
    expect(config.clickhouseUrl).toBe('http://ch:8123');
  });

  it('names the Kafka topics: the defaults, or KAFKA_TOPIC and KAFKA_DLQ_TOPIC', () => {
    expect(loadPlatformConfig({})).toMatchObject({ kafkaTopic: 'pos.terminal-events.v1', kafkaDlqTopic: 'pos.terminal-events.dlq.v1' });
    expect(loadPlatformConfig({ KAFKA_TOPIC: 'run-1.events', KAFKA_DLQ_TOPIC: 'run-1.dlq' })).toMatchObject({ kafkaTopic: 'run-1.events', kafkaDlqTopic: 'run-1.dlq' });
  });

  it('prefers --data over POSLEDGER_DATA', () => {
    expect(loadPlatformConfig({ POSLEDGER_DATA: '/tmp/a' }, '/tmp/b').dataDir).toBe('/tmp/b');
    expect(loadPlatformConfig({ POSLEDGER_DATA: '/tmp/a' }).dataDir).toBe('/tmp/a');
  });

  it('leaves heap growth to V8 (0) unless POSLEDGER_HEAP_GROWTH_PERCENT caps it', () => {
    expect(loadPlatformConfig({}).heapGrowthPercent).toBe(0);
    expect(loadPlatformConfig({ POSLEDGER_HEAP_GROWTH_PERCENT: '50' }).heapGrowthPercent).toBe(50);
    expect(loadPlatformConfig({ POSLEDGER_HEAP_GROWTH_PERCENT: '100' }).heapGrowthPercent).toBe(100);
    expect(() => loadPlatformConfig({ POSLEDGER_HEAP_GROWTH_PERCENT: '-5' })).toThrow('POSLEDGER_HEAP_GROWTH_PERCENT must be a whole number, 0 or more, got "-5"');
    expect(() => loadPlatformConfig({ POSLEDGER_HEAP_GROWTH_PERCENT: '1.5x' })).toThrow('POSLEDGER_HEAP_GROWTH_PERCENT');
  });

  it('bounds the events of history the ledger keeps folded at 10 million unless POSLEDGER_LEDGER_CACHED_EVENTS says', () => {
    expect(loadPlatformConfig({}).ledgerCachedEvents).toBe(10_000_000);
    expect(loadPlatformConfig({ POSLEDGER_LEDGER_CACHED_EVENTS: '500000' }).ledgerCachedEvents).toBe(500_000);
    expect(() => loadPlatformConfig({ POSLEDGER_LEDGER_CACHED_EVENTS: '0' })).toThrow('POSLEDGER_LEDGER_CACHED_EVENTS must be a positive integer, got "0"');
    expect(() => loadPlatformConfig({ POSLEDGER_LEDGER_CACHED_EVENTS: '1e99x' })).toThrow('POSLEDGER_LEDGER_CACHED_EVENTS');
  });

  it('keeps 10,000 merchants\' statements and bills folded unless POSLEDGER_FOLDED_MERCHANTS says', () => {
    expect(loadPlatformConfig({}).foldedMerchants).toBe(10_000);
    expect(loadPlatformConfig({ POSLEDGER_FOLDED_MERCHANTS: '250000' }).foldedMerchants).toBe(250_000);
    expect(() => loadPlatformConfig({ POSLEDGER_FOLDED_MERCHANTS: '0' })).toThrow('POSLEDGER_FOLDED_MERCHANTS must be a positive integer, got "0"');
    expect(() => loadPlatformConfig({ POSLEDGER_FOLDED_MERCHANTS: '2.5' })).toThrow('POSLEDGER_FOLDED_MERCHANTS');
  });

  it('refuses a port that is not a number', () => {
    expect(() => loadPlatformConfig({ INGEST_PORT: 'http' })).toThrow('INGEST_PORT must be a port number');
  });
});

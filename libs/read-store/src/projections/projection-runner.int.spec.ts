import { randomUUID } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createLmdbEventStore, type EventStore, type RecordedEventData } from '@posledger/event-store';
import fc from 'fast-check';
import { eventually } from '@posledger/testing';
import { createReadStore } from '../create-read-store';
import { runMigrations } from '../migrations/migration-runner';
import { startProjections } from './projection-runner';
import { readCheckpoints } from './projection-checkpoints';
import { quarantinedEvents } from './quarantine';
import { ProjectedRows, Projection } from './projection';
import { ReadStore } from '../read-store.port';

// chDB embeds one engine per process: every read store of this file shares one data directory, isolated by database.
const dataDir = mkdtempSync(join(tmpdir(), 'posledger-projection-'));
let databases = 0;
const open: { close(): Promise<void> }[] = [];

beforeEach(() => {
  // The event store's subscription warns when it retries a failed batch, which some tests cause on purpose.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  jest.restoreAllMocks();
  await Promise.all(open.splice(0).map((resource) => resource.close()));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const tables = [
  {
    version: 1,
    name: 'projection test tables',
    statements: [
      "CREATE TABLE IF NOT EXISTS ledger_events (position UInt64, event_id String, stream_id String, type String, recorded_at DateTime64(3, 'UTC')) ENGINE = MergeTree ORDER BY position",
      'CREATE TABLE IF NOT EXISTS sale_amounts (position UInt64, amount Int64) ENGINE = MergeTree ORDER BY position',
      'CREATE TABLE IF NOT EXISTS event_types (position UInt64, type String) ENGINE = MergeTree ORDER BY position',
    ],
  },
];

const toLedgerEvent = (event: RecordedEventData) => ({
  position: event.position,
  event_id: event.id,
  stream_id: event.streamId,
  type: event.type,
  recorded_at: event.recordedAt,
});
const toSaleAmount = (event: RecordedEventData) => ({ position: event.position, amount: event.data.amountMinor });

const projectSales = (events: readonly RecordedEventData[]): ProjectedRows => ({
  ledger_events: events.map(toLedgerEvent),
  sale_amounts: events.filter((event) => event.type === 'sale.recorded').map(toSaleAmount),
});
const salesProjection: Projection = { name: 'sales', tables: ['ledger_events', 'sale_amounts'], project: projectSales };
const projectTypes = (events: readonly RecordedEventData[]): ProjectedRows => ({ event_types: events.map((event) => ({ position: event.position.toString(), type: event.type })) });
const typesProjection: Projection = { name: 'types', tables: ['event_types'], project: projectTypes };

async function newEventStore(): Promise<EventStore> {
  const store = await createLmdbEventStore({ path: join(dataDir, `events-${randomUUID()}`) });
  open.push(store);
  return store;
}

async function newReadStore(database = `projection_${++databases}`): Promise<ReadStore> {
  const store = await createReadStore({ dataDir, database });
  open.push(store);
  await runMigrations(store, tables);
  return store;
}

/** count sales, each of 2^53 + its index minor units, spread over 5 streams; every third event is not a sale. */
async function appendSales(store: EventStore, count: number): Promise<void> {
  const head = Number(await store.headPosition());
  for (let i = head; i < head + count; i++) {
    const type = i % 3 === 2 ? 'receipt.printed' : 'sale.recorded';
    await store.appendToStream(`terminal-${i % 5}`, [{ id: randomUUID(), type, data: { amountMinor: String(2n ** 53n + BigInt(i)) } }], 'any');
  }
}

interface TableCounts {
  events: string;
  distinctEvents: string;
  sales: string;
  distinctSales: string;
}

const counts = async (store: ReadStore): Promise<TableCounts> => {
  const [row] = await store.select<TableCounts>(`SELECT
    (SELECT count() FROM ledger_events) AS events, (SELECT uniqExact(position) FROM ledger_events) AS distinctEvents,
    (SELECT count() FROM sale_amounts) AS sales, (SELECT uniqExact(position) FROM sale_amounts) AS distinctSales`);
  return row;
};

const snapshot = async (store: ReadStore): Promise<unknown[]> => [
  ...(await store.select('SELECT * FROM ledger_events ORDER BY position')),
  ...(await store.select('SELECT * FROM sale_amounts ORDER BY position')),
];

const typeCounts = async (store: ReadStore): Promise<{ types: string; distinctTypes: string }> => {
  const [row] = await store.select<{ types: string; distinctTypes: string }>('SELECT count() AS types, uniqExact(position) AS distinctTypes FROM event_types');
  return row;
};

async function runToHead(events: EventStore, read: ReadStore, projections = [salesProjection]): Promise<bigint> {
  const running = await startProjections(events, read, projections, { maxBatchSize: 64 });
  await running.caughtUp();
  await running.stop();
  return running.position();
}

describe('projection runner (LMDB event store -> chDB read store)', () => {
  it('projects every event once, with exact amounts, and checkpoints the next position', async () => {
    const events = await newEventStore();
    const read = await newReadStore();
    await appendSales(events, 300);

    const position = await runToHead(events, read);
    const [sum] = await read.select<{ total: string }>('SELECT sum(amount) AS total FROM sale_amounts');

    expect(position).toBe(300n);
    expect(await counts(read)).toEqual({ events: '300', distinctEvents: '300', sales: '200', distinctSales: '200' });
    const expectedTotal = Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 3 !== 2).reduce((total, i) => total + 2n ** 53n + BigInt(i), 0n);
    expect(sum.total).toBe(expectedTotal.toString());
  });

  it('projects each event once, its batches prepared while the batch before is inserted', async () => {
    const events = await newEventStore();
    const read = await newReadStore();
    await appendSales(events, 300);
    const projected: bigint[] = [];
    const counting: Projection = {
      ...salesProjection,
      project: (batch) => {
        projected.push(...batch.map((event) => event.position));
        return projectSales(batch);
      },
    };

    await runToHead(events, read, [counting]);

    expect(projected).toEqual(Array.from({ length: 300 }, (_, i) => BigInt(i)));
    expect(await counts(read)).toEqual({ events: '300', distinctEvents: '300', sales: '200', distinctSales: '200' });
  });

  it('projects events appended while it runs', async () => {
    const events = await newEventStore();
    const read = await newReadStore();
    const running = await startProjections(events, read, [salesProjection]);
    await running.caughtUp();

    await appendSales(events, 20);
    await running.caughtUp();
    await running.stop();

    expect(await counts(read)).toEqual({ events: '20', distinctEvents: '20', sales: '14', distinctSales: '14' });
  });

  it('resumes from its checkpoint after a restart without duplicating rows', async () => {
    const events = await newEventStore();
    const read = await newReadStore('projection_restart');
    await appendSales(events, 100);
    await runToHead(events, read);
    await appendSales(events, 50);

    const restarted = await newReadStore('projection_restart');
    const position = await runToHead(events, restarted);

    expect(position).toBe(150n);
    expect(await counts(restarted)).toEqual({ events: '150', distinctEvents: '150', sales: '100', distinctSales: '100' });
  });

  it('removes rows a crash left between row insert and checkpoint, then projects them once', async () => {
    const events = await newEventStore();
    const read = await newReadStore();
    await appendSales(events, 100);
    await runToHead(events, read);
    await appendSales(events, 30);
    const crashedBatch = projectSales(await events.readAll({ fromPosition: 100n, maxCount: 30 }));
    for (const [table, rows] of Object.entries(crashedBatch)) await read.insert(table, rows);

    const position = await runToHead(events, read);

    expect(position).toBe(130n);
    expect(await counts(read)).toEqual({ events: '130', distinctEvents: '130', sales: '87', distinctSales: '87' });
  });

  it('gives identical rows when projecting the same events from scratch twice', async () => {
    const events = await newEventStore();
    await appendSales(events, 200);
    const first = await newReadStore();
    const second = await newReadStore();

    await runToHead(events, first);
    await runToHead(events, second);

    expect(await snapshot(second)).toEqual(await snapshot(first));
  });

  it('retries a batch whose write failed part-way without duplicating rows', async () => {
    const events = await newEventStore();
    const read = await newReadStore();
    await appendSales(events, 10);
    let saleInserts = 0;
    // The first attempt's sale_amounts insert fails while ledger_events' goes in.
    const failingOnce: ReadStore = {
      ...read,
      insert: async (table, rows) => {
        if (table === 'sale_amounts' && ++saleInserts === 1) throw new Error('read store out of reach');
        return read.insert(table, rows);
      },
    };
    const errors: Error[] = [];
    const running = await startProjections(events, failingOnce, [salesProjection], { onError: (error) => errors.push(error) });

    await expect(running.caughtUp()).rejects.toThrow();
    await running.caughtUp();
    await running.stop();

    expect(errors).toHaveLength(1);
    expect(await counts(read)).toEqual({ events: '10', distinctEvents: '10', sales: '7', distinctSales: '7' });
  });

  it('refuses rows for a table the projection did not declare', async () => {
    const events = await newEventStore();
    const read = await newReadStore();
    await appendSales(events, 1);
    const undeclared: Projection = { name: 'undeclared', tables: ['ledger_events'], project: () => ({ sale_amounts: [] }) };
    const running = await startProjections(events, read, [undeclared]);

    await expect(running.caughtUp()).rejects.toThrow(/sale_amounts, not among its tables/);
    await running.stop();
  });

  it('feeds several projections from one reading, each from its own checkpoint', async () => {
    const events = await newEventStore();
    const read = await newReadStore();
    await appendSales(events, 100);
    await runToHead(events, read, [salesProjection]);
    await appendSales(events, 50);

    const position = await runToHead(events, read, [salesProjection, typesProjection]);

    expect(position).toBe(150n);
    expect(await counts(read)).toEqual({ events: '150', distinctEvents: '150', sales: '100', distinctSales: '100' });
    expect(await typeCounts(read)).toEqual({ types: '150', distinctTypes: '150' });
  });

  it("removes each projection's leftovers from its own checkpoint, then projects them once", async () => {
    const events = await newEventStore();
    const read = await newReadStore();
    await appendSales(events, 100);
    await runToHead(events, read, [salesProjection]);
    await runToHead(events, read, [typesProjection]);
    await appendSales(events, 30);
    await runToHead(events, read, [typesProjection]);
    // A crash of both after their rows for 100..129 were inserted: sales' checkpoint is 100, types' 130.
    const crashedBatch = projectSales(await events.readAll({ fromPosition: 100n, maxCount: 30 }));
    for (const [table, rows] of Object.entries(crashedBatch)) await read.insert(table, rows);
    await appendSales(events, 10);

    const position = await runToHead(events, read, [salesProjection, typesProjection]);

    expect(position).toBe(140n);
    expect(await counts(read)).toEqual({ events: '140', distinctEvents: '140', sales: '94', distinctSales: '94' });
    expect(await typeCounts(read)).toEqual({ types: '140', distinctTypes: '140' });
  });

  it('refuses two projections that write the same table', async () => {
    const events = await newEventStore();
    const read = await newReadStore();
    const alsoLedgerEvents: Projection = { ...typesProjection, tables: ['ledger_events'] };

    await expect(startProjections(events, read, [salesProjection, alsoLedgerEvents])).rejects.toThrow(/ledger_events is written by both 'sales' and 'types'/);
  });

  it('invariant 9: an event no write can take is quarantined, visibly, and every other event is projected', async () => {
    const events = await newEventStore();
    const read = await newReadStore();
    await appendSales(events, 10);
    await events.appendToStream('terminal-poison', [{ id: randomUUID(), type: 'sale.recorded', data: { amountMinor: 'not a number' } }], 'any');
    await appendSales(events, 10);
    const alerts: string[] = [];
    const running = await startProjections(events, read, [salesProjection, typesProjection], {
      attemptsBeforeQuarantine: 2,
      onQuarantine: (event, error) => alerts.push(`${event.position}: ${error.message.slice(0, 40)}`),
    });
    try {
      // Past the poison event at 10 and the 10 events after it: the quarantine let the projections move on. The test's
      // 40 s outlast this wait, so a stall fails saying what it waited for rather than on Jest's default 5 s.
      await eventually(() => running.position(), (position) => position >= 21n, { timeoutMs: 30_000, what: 'the projections to pass position 20' });
    } finally {
      await running.stop();
    }

    expect(running.position()).toBe(21n);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/^10: /);
    // Sales are the events whose index is not 2 mod 3: 7 of indexes 0-9 and 6 of 11-20.
    expect(await counts(read)).toEqual({ events: '20', distinctEvents: '20', sales: '13', distinctSales: '13' });
    // The event's rows are written in one go for every projection, so each projection skips it, and says so.
    expect(await typeCounts(read)).toEqual({ types: '20', distinctTypes: '20' });
    const [quarantined] = await quarantinedEvents(read);
    expect(quarantined).toMatchObject({ position: '10', streamId: 'terminal-poison', projections: ['sales', 'types'] });
  }, 40_000);

  it('finds the event no write can take by halving its batch: a few writes, not one per event', async () => {
    const events = await newEventStore();
    const read = await newReadStore();
    await appendSales(events, 100);
    await events.appendToStream('terminal-poison', [{ id: randomUUID(), type: 'sale.recorded', data: { amountMinor: 'not a number' } }], 'any');
    await appendSales(events, 155);
    let saleInserts = 0;
    const counting: ReadStore = {
      ...read,
      insert(table, rows) {
        if (table === 'sale_amounts') saleInserts++;
        return read.insert(table, rows);
      },
    };
    const quarantinedAt: bigint[] = [];
    const running = await startProjections(events, counting, [salesProjection], {
      maxBatchSize: 256,
      attemptsBeforeQuarantine: 1,
      onQuarantine: (event) => quarantinedAt.push(event.position),
    });
    try {
      await eventually(() => running.position(), (position) => position >= 256n, { timeoutMs: 30_000, what: 'the projections to pass position 255' });
    } finally {
      await running.stop();
    }

    expect(quarantinedAt).toEqual([100n]);
    const sales = Array.from({ length: 256 }, (_, i) => i).filter((i) => i !== 100 && i % 3 !== 2).length;
    expect(await counts(read)).toEqual({ events: '255', distinctEvents: '255', sales: String(sales), distinctSales: String(sales) });
    // The whole batch once, then per halving (256 -> 1: 8 of them) the failing half and the other: one event at a
    // time would have taken one sale INSERT per sale, 170.
    expect(saleInserts).toBeLessThanOrEqual(1 + 2 * Math.log2(256));
  }, 40_000);

  it('loses and duplicates nothing when checkpoint and row writes fail at random while events arrive', async () => {
    // At most 8 failures, so at most 8 retries of one batch in a row: the subscription's back-off (0.1 s doubling, up
    // to 5 s) then waits 16 s at worst.
    const outcomes = fc.array(fc.constantFrom('ok', 'fail', 'fail after writing'), { maxLength: 4 });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(outcomes, outcomes, fc.integer({ min: 1, max: 4 }), async (checkpointOutcomes, rowOutcomes, rounds) => {
        const events = await newEventStore();
        const read = await newReadStore(`projection_faults_${++run}`);
        const calls = { checkpoints: 0, rows: 0 };
        // Each list in turn, then every write succeeds: the faults come early and the projections must get past them.
        const faulty: ReadStore = {
          ...read,
          async insert(table, rows) {
            const outcome = table === 'projection_checkpoints' ? checkpointOutcomes[calls.checkpoints++] : rowOutcomes[calls.rows++];
            if (outcome === 'fail') throw new Error(`injected: ${table} refused`);
            await read.insert(table, rows);
            if (outcome === 'fail after writing') throw new Error(`injected: ${table} written, its answer lost`);
          },
        };
        const running = await startProjections(events, faulty, [salesProjection, typesProjection], { maxBatchSize: 16, attemptsBeforeQuarantine: 1_000 });
        for (let round = 0; round < rounds; round++) {
          await appendSales(events, 25);
          await eventually(() => running.position(), (position) => position >= BigInt(25 * (round + 1)), { timeoutMs: 60_000, what: `round ${round}` });
        }
        await running.stop();

        // Whatever the checkpoints say after a stop whose last checkpoint may have failed, a restart on a store that
        // works projects every event once.
        await runToHead(events, read, [salesProjection, typesProjection]);
        const total = 25 * rounds;
        const sales = Array.from({ length: total }, (_, i) => i).filter((i) => i % 3 !== 2).length;
        expect(await counts(read)).toEqual({ events: String(total), distinctEvents: String(total), sales: String(sales), distinctSales: String(sales) });
        expect(await typeCounts(read)).toEqual({ types: String(total), distinctTypes: String(total) });
        expect(await readCheckpoints(read, ['sales', 'types'])).toEqual([BigInt(total), BigInt(total)]);
      }),
      { numRuns: 15 },
    );
  }, 300_000);
});

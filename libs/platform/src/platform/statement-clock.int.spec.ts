// The daily statements' clock over a real LMDB event store: each merchant's day just ended in its own zone is issued
// once, a day already issued is left alone, a merchant has no statement of a day that ended before it was registered,
// and days missed while the platform was stopped are issued, oldest first, at most a month back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FEE_SCHEDULE, statementStream } from '@posledger/domain';
import { createLmdbEventStore, type EventStore } from '@posledger/event-store';
import { openRegistry, RegisterMerchantCommand, type Registry } from '@posledger/registry';
import { startStatementClock, STATEMENT_BACKFILL_DAYS, type StatementClock } from './statement-clock';
import { issueStatement } from './statements';
import { withClockAt } from './testing/with-clock-at';

jest.setTimeout(60_000);

// 03:00 UTC on 24 November: 11:00 that day in Shanghai, 19:00 the day before in Los Angeles.
const NOW = '2026-11-24T03:00:00.000Z';

describe('the daily statements clock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'posledger-statement-clock-'));
  let eventStore: EventStore;
  let registry: Registry;
  let clock: StatementClock;
  const failures: string[] = [];
  let statementReads = 0;
  const issuedDates = async (merchantId: string) => (await eventStore.readStream(statementStream(merchantId))).map((event) => `${(event.data as { date: string }).date} v${(event.data as { version: number }).version}`);

  beforeAll(async () => {
    eventStore = await createLmdbEventStore({ path: join(dir, 'events') });
    registry = await openRegistry(eventStore);
    const register = (merchantId: string, timeZone: string, at: string) =>
      withClockAt(at, () => registry.execute(new RegisterMerchantCommand({ merchantId, name: merchantId, timeZone, currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE })));
    // 08:00 on the 23rd in Shanghai, 16:00 on the 22nd in Los Angeles: their first days.
    for (const [merchantId, timeZone] of [['m-sh', 'Asia/Shanghai'], ['m-la', 'America/Los_Angeles'], ['m-done', 'Asia/Shanghai']]) {
      await register(merchantId, timeZone, '2026-11-23T00:00:00.000Z');
    }
    // 08:00 on the 24th in Shanghai: it had no 23rd.
    await register('m-new', 'Asia/Shanghai', '2026-11-24T00:00:00.000Z');
    await issueStatement({ eventStore, registry }, 'm-done', '2026-11-23');
    const counted: EventStore = { ...eventStore, readStream: (streamId, fromRevision) => (streamId.startsWith('statements-') && statementReads++, eventStore.readStream(streamId, fromRevision)) };
    clock = startStatementClock({ eventStore: counted, registry }, (merchantId, error) => failures.push(`${merchantId}: ${error.message}`));
  });

  afterAll(async () => {
    await clock.stop();
    await registry.close();
    await eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("issues each merchant's statement of the day just ended in its own zone, and leaves a day already issued alone", async () => {
    expect((await clock.tick(NOW)).sort()).toEqual(['m-la', 'm-sh']);
    expect(await issuedDates('m-sh')).toEqual(['2026-11-23 v1']);
    expect(await issuedDates('m-la')).toEqual(['2026-11-22 v1']);
    expect(await issuedDates('m-done')).toEqual(['2026-11-23 v1']);
    expect(await issuedDates('m-new')).toEqual([]);
    expect(failures).toEqual([]);
  });

  it("issues nothing more on the next ticks of the same day, without reading the merchants' statements again, and the next day its statement", async () => {
    statementReads = 0;
    expect(await clock.tick(NOW)).toEqual([]);
    expect(statementReads).toBe(0);
    // 07:59 UTC: 23:59 on the 23rd in Los Angeles, 15:59 on the 24th in Shanghai.
    expect(await clock.tick('2026-11-24T07:59:00.000Z')).toEqual([]);
    // 16:00 UTC: midnight in Shanghai (the 24th has ended), 08:00 on the 24th in Los Angeles (the 23rd has).
    expect((await clock.tick('2026-11-24T16:00:00.000Z')).sort()).toEqual(['m-done', 'm-la', 'm-new', 'm-sh']);
    expect(await issuedDates('m-sh')).toEqual(['2026-11-23 v1', '2026-11-24 v1']);
    expect(await issuedDates('m-new')).toEqual(['2026-11-24 v1']);
    expect(await issuedDates('m-la')).toEqual(['2026-11-22 v1', '2026-11-23 v1']);
  });

  it('after the platform stopped over several days, issues each day missed, oldest first, each carrying on from the one before', async () => {
    // 16:00 UTC on the 27th: midnight in Shanghai (the 27th has ended), 08:00 on the 27th in Los Angeles (the 26th has).
    expect((await clock.tick('2026-11-27T16:00:00.000Z')).sort()).toEqual(['m-done', 'm-done', 'm-done', 'm-la', 'm-la', 'm-la', 'm-new', 'm-new', 'm-new', 'm-sh', 'm-sh', 'm-sh']);
    expect(await issuedDates('m-sh')).toEqual(['2026-11-23 v1', '2026-11-24 v1', '2026-11-25 v1', '2026-11-26 v1', '2026-11-27 v1']);
    expect(await issuedDates('m-la')).toEqual(['2026-11-22 v1', '2026-11-23 v1', '2026-11-24 v1', '2026-11-25 v1', '2026-11-26 v1']);
    expect(await issuedDates('m-new')).toEqual(['2026-11-24 v1', '2026-11-25 v1', '2026-11-26 v1', '2026-11-27 v1']);
    const carries = (await eventStore.readStream(statementStream('m-sh'))).map((event) => (event.data as { carry?: { to: string } }).carry?.to);
    expect(carries).toEqual(['2026-11-23T16:00:00.000Z', '2026-11-24T16:00:00.000Z', '2026-11-25T16:00:00.000Z', '2026-11-26T16:00:00.000Z', '2026-11-27T16:00:00.000Z']);
    expect(failures).toEqual([]);
  });
});

describe('the daily statements clock, for a merchant registered long before', () => {
  const dir = mkdtempSync(join(tmpdir(), 'posledger-statement-clock-month-'));
  let eventStore: EventStore;
  let registry: Registry;

  beforeAll(async () => {
    eventStore = await createLmdbEventStore({ path: join(dir, 'events') });
    registry = await openRegistry(eventStore);
    await withClockAt('2026-10-01T00:00:00.000Z', () =>
      registry.execute(new RegisterMerchantCommand({ merchantId: 'm-old', name: 'm-old', timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE })));
  });

  afterAll(async () => {
    await registry.close();
    await eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`issues the days it never issued at most ${STATEMENT_BACKFILL_DAYS} days back, oldest first, then a day at a time, reading each statement once`, async () => {
    const failures: string[] = [];
    const reads = new Map<string, number>();
    const counted: EventStore = { ...eventStore, readStream: async (streamId, fromRevision, maxCount) => {
      const events = await eventStore.readStream(streamId, fromRevision, maxCount);
      if (streamId === statementStream('m-old')) events.forEach(({ id }) => reads.set(id, (reads.get(id) ?? 0) + 1));
      return events;
    } };
    const clock = startStatementClock({ eventStore: counted, registry }, (merchantId, error) => failures.push(`${merchantId}: ${error.message}`));
    await clock.tick(NOW);
    const dates = async () => (await eventStore.readStream(statementStream('m-old'))).map((event) => (event.data as { date: string }).date);
    const backfilled = await dates();
    expect(failures).toEqual([]);
    expect(backfilled).toHaveLength(STATEMENT_BACKFILL_DAYS);
    expect([backfilled[0], backfilled.at(-1)]).toEqual(['2026-10-24', '2026-11-23']);
    expect([...backfilled].sort()).toEqual(backfilled);
    // A day before those the clock keeps, issued by hand, does not stop the next days.
    await issueStatement({ eventStore, registry }, 'm-old', '2026-10-10');
    // 16:00 UTC: midnight in Shanghai, the 24th and then the 25th ended.
    expect(await clock.tick('2026-11-24T16:00:00.000Z')).toEqual(['m-old']);
    expect(await clock.tick('2026-11-25T16:00:00.000Z')).toEqual(['m-old']);
    await clock.stop();
    const stream = (await eventStore.readStream(statementStream('m-old'))).map((event) => event.data as { date: string; version: number });
    expect(stream.slice(-3).map(({ date, version }) => `${date} v${version}`)).toEqual(['2026-10-10 v1', '2026-11-24 v1', '2026-11-25 v1']);
    expect(failures).toEqual([]);
    // Each statement was read once by the clock but its last, which no later day needed yet.
    expect(Math.max(...reads.values())).toBe(1);
    expect(reads.size).toBe(stream.length - 1);
  });
});

describe('the daily statements clock, keeping fewer merchants folded than it serves', () => {
  const dir = mkdtempSync(join(tmpdir(), 'posledger-statement-clock-bound-'));
  let eventStore: EventStore;
  let registry: Registry;

  beforeAll(async () => {
    eventStore = await createLmdbEventStore({ path: join(dir, 'events') });
    registry = await openRegistry(eventStore);
    for (const merchantId of ['m-a', 'm-b']) {
      await withClockAt('2026-11-20T00:00:00.000Z', () =>
        registry.execute(new RegisterMerchantCommand({ merchantId, name: merchantId, timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE })));
    }
  });

  afterAll(async () => {
    await registry.close();
    await eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads a merchant's statements whole again once the other merchant pushed it out of the folds kept, and still issues each day once", async () => {
    const run = async (foldedMerchants: number | undefined, days: string[]) => {
      const reads = new Map<string, number>();
      const counted: EventStore = { ...eventStore, readStream: async (streamId, fromRevision, maxCount) => {
        const events = await eventStore.readStream(streamId, fromRevision, maxCount);
        if (streamId.startsWith('statements-')) events.forEach(({ id }) => reads.set(id, (reads.get(id) ?? 0) + 1));
        return events;
      } };
      const failures: string[] = [];
      const clock = startStatementClock({ eventStore: counted, registry }, (merchantId, error) => failures.push(`${merchantId}: ${error.message}`), foldedMerchants);
      const issued: string[] = [];
      // Midnight in Shanghai (16:00 UTC the day before) at the end of each day: each tick has a day to issue for both.
      for (const day of days) issued.push(...(await clock.tick(`${day}T16:00:00.000Z`)));
      await clock.stop();
      expect(failures).toEqual([]);
      return { issued: issued.sort(), mostReads: Math.max(...reads.values()) };
    };
    // One fold kept for two merchants: the 20th to the 22nd at the first tick, then a day a tick.
    const keptOne = await run(1, ['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25']);
    expect(keptOne.issued).toEqual([...Array(6).fill('m-a'), ...Array(6).fill('m-b')]);
    expect(keptOne.mostReads).toBeGreaterThan(1);
    // The default keeps both: each statement read once by this clock.
    const keptAll = await run(undefined, ['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(keptAll.issued).toEqual([...Array(4).fill('m-a'), ...Array(4).fill('m-b')]);
    expect(keptAll.mostReads).toBe(1);
    const dates = (await eventStore.readStream(statementStream('m-b'))).map((event) => `${(event.data as { date: string }).date} v${(event.data as { version: number }).version}`);
    expect(dates).toEqual(['20', '21', '22', '23', '24', '25', '26', '27', '28', '29'].map((day) => `2026-11-${day} v1`));
  });
});

// The contract every ReadStore adapter passes. The factory must return a new store on an empty database.
import fc from 'fast-check';
import { clickhouseSettings } from '../client-options';
import { MigrationNameMismatchError } from '../migrations/migration-name-mismatch.error';
import { runMigrations } from '../migrations/migration-runner';
import type { ReadStore } from '../read-store.port';

const HOSTILE_STRINGS = [
  "it's",
  "''",
  'back\\slash',
  "\\'",
  "'; DROP TABLE notes; --",
  '"double" `back` quotes',
  '{note:String}',
  'line\nbreak\ttab\r',
  'null\u0000byte',
  '商户 ✓ émoji 🧾',
  '',
];

interface BucketRow {
  day: string;
  hour: string;
  hourStartUnix: number;
}

const bucketsQuery = `SELECT toString(toDate(ts, {tz:String})) AS day,
  formatDateTime(toStartOfHour(ts, {tz:String}), '%Y-%m-%dT%H', {tz:String}) AS hour,
  toUnixTimestamp(toStartOfHour(ts, {tz:String})) AS hourStartUnix
FROM instants ORDER BY position`;

const unix = (iso: string): number => Date.parse(iso) / 1000;

export function readStoreContract(name: string, factory: () => Promise<ReadStore>): void {
  describe(`ReadStore contract: ${name}`, () => {
    let store: ReadStore;

    beforeEach(async () => {
      store = await factory();
    });

    afterEach(async () => {
      await store.close();
    });

    const createInstants = async (isoInstants: readonly string[]): Promise<void> => {
      await store.command(
        "CREATE TABLE IF NOT EXISTS instants (position UInt64, ts DateTime64(3, 'UTC')) ENGINE = MergeTree ORDER BY position",
      );
      await store.insert('instants', isoInstants.map((ts, position) => ({ position, ts })));
    };

    it('inserts rows and selects them back, filtered by a bound parameter', async () => {
      await store.command(
        'CREATE TABLE IF NOT EXISTS sales (position UInt64, merchant String, amount Int64) ENGINE = MergeTree ORDER BY position',
      );
      await store.insert('sales', [
        { position: 0, merchant: 'm-1', amount: 100 },
        { position: 1, merchant: 'm-2', amount: 250 },
        { position: 2, merchant: 'm-1', amount: -40 },
      ]);
      await store.insert('sales', []);

      const rows = await store.select<{ position: string; amount: string }>(
        'SELECT position, amount FROM sales WHERE merchant = {merchant:String} ORDER BY position',
        { merchant: 'm-1' },
      );

      expect(rows).toEqual([
        { position: '0', amount: '100' },
        { position: '2', amount: '-40' },
      ]);
    });

    it("runs every statement with the platform's ClickHouse settings", async () => {
      const rows = await store.select<{ name: string; value: string }>('SELECT name, value FROM system.settings WHERE name IN {names:Array(String)} ORDER BY name', {
        names: Object.keys(clickhouseSettings),
      });
      expect(rows).toEqual(Object.entries(clickhouseSettings).map(([name, value]) => ({ name, value: String(value) })).sort((a, b) => a.name.localeCompare(b.name)));
    });

    it('renders a SELECT as CSV with names or as JSON lines, with bound parameters', async () => {
      await store.command('CREATE TABLE IF NOT EXISTS lines (position UInt64, merchant String, note String) ENGINE = MergeTree ORDER BY position');
      await store.insert('lines', [
        { position: 0, merchant: 'm-1', note: 'a, "quoted" note' },
        { position: 1, merchant: 'm-2', note: 'other' },
      ]);
      const query = 'SELECT position, note FROM lines WHERE merchant = {merchant:String} ORDER BY position';

      expect(await store.selectText(query, { merchant: 'm-1' }, 'CSVWithNames')).toBe('"position","note"\n0,"a, ""quoted"" note"\n');
      expect(await store.selectText(query, { merchant: 'm-1' }, 'JSONEachRow')).toBe('{"position":"0","note":"a, \\"quoted\\" note"}\n');
    });

    it('binds hostile strings as values: stored and read back verbatim, never executed', async () => {
      await store.command('CREATE TABLE IF NOT EXISTS notes (id UInt32, note String) ENGINE = MergeTree ORDER BY id');
      await store.insert('notes', HOSTILE_STRINGS.map((note, id) => ({ id, note })));
      await store.command('INSERT INTO notes SELECT {id:UInt32}, {note:String}', { id: 100, note: HOSTILE_STRINGS[4] });

      for (const [id, note] of HOSTILE_STRINGS.entries()) {
        const rows = await store.select<{ id: number; note: string }>(
          'SELECT id, note FROM notes WHERE note = {note:String} AND id < 100',
          { note },
        );
        expect(rows).toEqual([{ id, note }]);
      }
      expect(await store.select('SELECT note FROM notes WHERE id = 100')).toEqual([{ note: HOSTILE_STRINGS[4] }]);
    });

    it('inserts any rows exactly: every string, 64-bit values, instants, and a default for a missing, undefined or null value', async () => {
      let table = 0;
      const special = fc.constantFrom(...HOSTILE_STRINGS, '\\t', '\\N', '\\', '\t\t', '\n', '{"json":"with \\"quotes\\""}');
      const text = fc.oneof(fc.string({ unit: 'binary' }), special, fc.array(special).map((parts) => parts.join('')));
      const amount = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
      const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }).map((ms) => new Date(ms).toISOString());
      const row = fc.record({ note: text, amount: fc.oneof(amount, amount.map(String)), at: instant, label: fc.option(fc.oneof(fc.constant(undefined), text)) });
      await fc.assert(
        fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 20 }), async (rows) => {
          const name = `rows_${++table}`;
          await store.command(
            `CREATE TABLE ${name} (id UInt32, note String, amount Int64, at DateTime64(3, 'UTC'), label String DEFAULT 'none') ENGINE = MergeTree ORDER BY id`,
          );
          await store.insert(name, rows.map((fields, id) => ({ id, ...fields })));
          const stored = await store.select<{ note: string; amount: string; at: string; label: string }>(
            `SELECT note, toString(amount) AS amount, toString(at) AS at, label FROM ${name} ORDER BY id`,
          );
          expect(stored).toEqual(rows.map(({ note, amount, at, label }) => ({ note, amount: String(amount), at: at.slice(0, 23).replace('T', ' '), label: label ?? 'none' })));
        }),
        { numRuns: 40 },
      );
    });

    it('inserts rows whose keys differ, or that hold booleans or JSON values, as JSONEachRow does', async () => {
      await store.command("CREATE TABLE IF NOT EXISTS mixed (id UInt32, flag UInt8, note String DEFAULT 'none') ENGINE = MergeTree ORDER BY id");
      await store.insert('mixed', [{ id: 0, flag: true, note: 'a' }, { id: 1, flag: false }]);
      await store.insert('mixed', [{ id: 2, flag: 1, note: 'b' }, { flag: 0, id: 3, note: 'c' }]);

      expect(await store.select('SELECT id, flag, note FROM mixed ORDER BY id')).toEqual([
        { id: 0, flag: 1, note: 'a' },
        { id: 1, flag: 0, note: 'none' },
        { id: 2, flag: 1, note: 'b' },
        { id: 3, flag: 0, note: 'c' },
      ]);
    });

    it('refuses rows naming a column the table lacks, and writes none of them', async () => {
      await store.command('CREATE TABLE IF NOT EXISTS known (id UInt32, note String) ENGINE = MergeTree ORDER BY id');
      await expect(store.insert('known', [{ id: 0, note: 'a' }, { id: 1, nope: 'b' }])).rejects.toThrow(/nope/);
      await expect(store.insert('known', [{ id: 2, note: 'c', notes: 'd' }])).rejects.toThrow(/notes/);
      await expect(store.insert('known', [{ id: 3, note: 'e', flag: true }])).rejects.toThrow(/flag/);
      expect(await store.select('SELECT count() AS rows FROM known')).toEqual([{ rows: '0' }]);
    });

    it('keeps Int64 and UInt64 values beyond 2^53 exact, as decimal strings', async () => {
      await store.command('CREATE TABLE IF NOT EXISTS amounts (id UInt64, amount Int64) ENGINE = MergeTree ORDER BY id');
      await store.insert('amounts', [
        { id: 18446744073709551615n, amount: 9007199254740993n },
        { id: 1, amount: '9007199254740993' },
        { id: 2, amount: 9223372036854775807n },
        { id: 3, amount: -9223372036854775808n },
      ]);

      const rows = await store.select<{ id: string; amount: string }>('SELECT id, amount FROM amounts ORDER BY id');
      const [sum] = await store.select<{ total: string }>(
        'SELECT sum(amount) AS total FROM amounts WHERE amount = {amount:Int64}',
        { amount: 9007199254740993n },
      );

      expect(rows).toEqual([
        { id: '1', amount: '9007199254740993' },
        { id: '2', amount: '9223372036854775807' },
        { id: '3', amount: '-9223372036854775808' },
        { id: '18446744073709551615', amount: '9007199254740993' },
      ]);
      expect(sum.total).toBe('18014398509481986');
    });

    it('invariant 8: sums Int64 amounts in Int128 without wrapping, where a plain sum would', async () => {
      await store.command('CREATE TABLE IF NOT EXISTS big_amounts (id UInt64, amount Int64) ENGINE = MergeTree ORDER BY id');
      await store.insert('big_amounts', [{ id: 1, amount: 9223372036854775807n }, { id: 2, amount: 9223372036854775807n }]);
      const [row] = await store.select<{ wide: string; plain: string }>('SELECT toString(sum(toInt128(amount))) AS wide, toString(sum(amount)) AS plain FROM big_amounts');
      expect(row).toEqual({ wide: '18446744073709551614', plain: '-2' });
    });

    it('invariant 9: one INSERT may span more monthly partitions than the default limit of 100', async () => {
      await store.command("CREATE TABLE IF NOT EXISTS monthly (at DateTime64(3, 'UTC'), position UInt64) ENGINE = MergeTree PARTITION BY toYYYYMM(at) ORDER BY position");
      const rows = Array.from({ length: 150 }, (_, month) => ({ at: new Date(Date.UTC(2014, month, 15)).toISOString(), position: month }));
      await store.insert('monthly', rows);
      const [{ months }] = await store.select<{ months: string }>('SELECT toString(uniqExact(toYYYYMM(at))) AS months FROM monthly');
      expect(months).toBe('150');
    });

    it("round-trips DateTime64(3, 'UTC') to the millisecond, from ClickHouse or ISO-8601 text", async () => {
      await createInstants(['2026-11-23 14:05:09.123', '2026-11-23T14:05:09.123Z', '2026-11-23T22:05:09.123+08:00']);

      const rows = await store.select<{ ts: string }>(
        "SELECT ts FROM instants WHERE ts >= parseDateTime64BestEffort({from:String}, 3, 'UTC') ORDER BY position",
        { from: '2026-11-23T14:05:09.123Z' },
      );

      expect(rows).toEqual(Array(3).fill({ ts: '2026-11-23 14:05:09.123' }));
    });

    it('buckets instants by day and hour in Asia/Shanghai (UTC+8)', async () => {
      await createInstants(['2026-11-23T15:59:59.999Z', '2026-11-23T16:00:00.000Z']);

      const rows = await store.select<BucketRow>(bucketsQuery, { tz: 'Asia/Shanghai' });

      expect(rows).toEqual([
        { day: '2026-11-23', hour: '2026-11-23T23', hourStartUnix: unix('2026-11-23T15:00:00Z') },
        { day: '2026-11-24', hour: '2026-11-24T00', hourStartUnix: unix('2026-11-23T16:00:00Z') },
      ]);
    });

    it('buckets instants by day and hour in America/New_York across the DST changes', async () => {
      await createInstants([
        '2024-03-10T04:59:59.999Z', // 23:59 EST, the day before the spring change
        '2024-03-10T05:00:00.000Z', // 00:00 EST
        '2024-03-10T06:59:59.999Z', // 01:59 EST
        '2024-03-10T07:00:00.000Z', // 03:00 EDT: 02:00-03:00 does not exist
        '2024-03-11T03:59:59.999Z', // 23:59 EDT: the 23-hour day ends
        '2024-03-11T04:00:00.000Z', // 00:00 EDT
        '2024-11-03T05:30:00.000Z', // 01:30 EDT
        '2024-11-03T06:30:00.000Z', // 01:30 EST: the repeated hour is a distinct bucket
      ]);

      const rows = await store.select<BucketRow>(bucketsQuery, { tz: 'America/New_York' });
      const days = await store.select<{ day: string; sales: string }>(
        'SELECT toString(toDate(ts, {tz:String})) AS day, count() AS sales FROM instants GROUP BY day ORDER BY day',
        { tz: 'America/New_York' },
      );

      expect(rows).toEqual([
        { day: '2024-03-09', hour: '2024-03-09T23', hourStartUnix: unix('2024-03-10T04:00:00Z') },
        { day: '2024-03-10', hour: '2024-03-10T00', hourStartUnix: unix('2024-03-10T05:00:00Z') },
        { day: '2024-03-10', hour: '2024-03-10T01', hourStartUnix: unix('2024-03-10T06:00:00Z') },
        { day: '2024-03-10', hour: '2024-03-10T03', hourStartUnix: unix('2024-03-10T07:00:00Z') },
        { day: '2024-03-10', hour: '2024-03-10T23', hourStartUnix: unix('2024-03-11T03:00:00Z') },
        { day: '2024-03-11', hour: '2024-03-11T00', hourStartUnix: unix('2024-03-11T04:00:00Z') },
        { day: '2024-11-03', hour: '2024-11-03T01', hourStartUnix: unix('2024-11-03T05:00:00Z') },
        { day: '2024-11-03', hour: '2024-11-03T01', hourStartUnix: unix('2024-11-03T06:00:00Z') },
      ]);
      expect(days).toEqual([
        { day: '2024-03-09', sales: '1' },
        { day: '2024-03-10', sales: '4' },
        { day: '2024-03-11', sales: '1' },
        { day: '2024-11-03', sales: '2' },
      ]);
    });

    it('runs migrations in version order once: a second run is a no-op', async () => {
      const v1 = {
        version: 1,
        name: 'create facts',
        statements: ['CREATE TABLE IF NOT EXISTS facts (position UInt64) ENGINE = MergeTree ORDER BY position'],
      };
      const v2 = { version: 2, name: 'add amount', statements: ['ALTER TABLE facts ADD COLUMN IF NOT EXISTS amount Int64'] };
      const v3 = { version: 3, name: 'add currency', statements: ['ALTER TABLE facts ADD COLUMN IF NOT EXISTS currency String'] };

      const first = await runMigrations(store, [v2, v1]);
      const second = await runMigrations(store, [v1, v2]);
      const third = await runMigrations(store, [v1, v2, v3]);

      expect([first.applied, second.applied, third.applied]).toEqual([[1, 2], [], [3]]);
      expect(await store.select('SELECT version, name FROM schema_migrations FINAL ORDER BY version')).toEqual([
        { version: 1, name: 'create facts' },
        { version: 2, name: 'add amount' },
        { version: 3, name: 'add currency' },
      ]);
      expect(await store.select("SELECT name FROM system.columns WHERE database = currentDatabase() AND table = 'facts' ORDER BY position")).toEqual([
        { name: 'position' },
        { name: 'amount' },
        { name: 'currency' },
      ]);
    });

    it('refuses to run when a recorded migration has a different name in the code', async () => {
      const statements = ['CREATE TABLE IF NOT EXISTS facts (position UInt64) ENGINE = MergeTree ORDER BY position'];
      await runMigrations(store, [{ version: 1, name: 'create facts', statements }]);

      await expect(runMigrations(store, [{ version: 1, name: 'create sales facts', statements }])).rejects.toThrow(
        MigrationNameMismatchError,
      );
    });

    it('deletes rows at or after a bound position, visible as soon as the command returns', async () => {
      await store.command('CREATE TABLE IF NOT EXISTS facts (position UInt64) ENGINE = MergeTree ORDER BY position');
      await store.insert('facts', Array.from({ length: 10 }, (_, position) => ({ position })));

      await store.command('ALTER TABLE facts DELETE WHERE position >= {from:UInt64}', { from: 6n });

      expect(await store.select('SELECT count() AS rows, max(position) AS last FROM facts')).toEqual([{ rows: '6', last: '5' }]);
    });
  });
}

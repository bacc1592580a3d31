import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ChdbPathConflictError } from './chdb/chdb-path-conflict.error';
import { setStatement } from './client-options';
import { createReadStore } from './create-read-store';
import { readStoreContract } from './testing';

// chDB embeds one engine per process: every store of this file shares one data directory, isolated by database.
const dataDir = mkdtempSync(join(tmpdir(), 'posledger-read-store-'));
let databases = 0;
const openStore = (database = `contract_${++databases}`) => createReadStore({ dataDir, database });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

readStoreContract('chDB', () => openStore());

describe('chDB read store', () => {
  it('opens several stores on one data directory at once, and again after they close', async () => {
    const first = await openStore('shared');
    const second = await openStore('shared');
    await first.command('CREATE TABLE IF NOT EXISTS kept (id UInt8) ENGINE = MergeTree ORDER BY id');
    await second.insert('kept', [{ id: 7 }]);
    await Promise.all([first.close(), second.close()]);

    const reopened = await openStore('shared');
    const rows = await reopened.select('SELECT id FROM kept');
    await reopened.close();

    expect(reopened.engine).toBe('chdb');
    expect(rows).toEqual([{ id: 7 }]);
  });

  it('refuses a second data directory while one is open, with a clear error', async () => {
    const open = await openStore();
    try {
      await expect(createReadStore({ dataDir: join(dataDir, 'other') })).rejects.toThrow(ChdbPathConflictError);
    } finally {
      await open.close();
    }
  });

  it('keeps a setting for the rest of its session, a quoted value exactly', async () => {
    const store = await openStore();
    try {
      await store.command(setStatement({ log_comment: "it's a back\\slash", max_threads: 2 }));
      expect(await store.select("SELECT getSetting('log_comment') AS comment, getSetting('max_threads') AS threads")).toEqual([{ comment: "it's a back\\slash", threads: 2 }]);
    } finally {
      await store.close();
    }
  });

  it('keeps each store in its own database', async () => {
    const [a, b] = await Promise.all([openStore(), openStore()]);
    await a.command('CREATE TABLE IF NOT EXISTS mine (id UInt8) ENGINE = MergeTree ORDER BY id');
    const tablesOfB = await b.select("SELECT name FROM system.tables WHERE database = currentDatabase() AND name = 'mine'");
    await Promise.all([a.close(), b.close()]);

    expect(tablesOfB).toEqual([]);
  });
});

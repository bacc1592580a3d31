// The daily jobs go with a ledger unless it is told otherwise (a ledger on a thread: the jobs have one of their own),
// and run alone on their own stores: here the anchoring, which anchors the store once 1,000 events follow its last.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANCHOR_STREAM, createEventStore, type EventStore } from '@posledger/event-store';
import { loadPlatformConfig } from '@posledger/platform-config';
import { startDailyJobsOn } from './daily-jobs';
import { startPlatform } from './start-platform';

jest.setTimeout(60_000);

const anchors = async (eventStore: EventStore): Promise<number> => ((await eventStore.streamExists(ANCHOR_STREAM)) ? (await eventStore.readStream(ANCHOR_STREAM)).length : 0);

/** More events than the anchoring waits for before it anchors. */
const appendProbes = (eventStore: EventStore) =>
  eventStore.appendToStream('daily-jobs-probe', Array.from({ length: 1_200 }, () => ({ id: randomUUID(), type: 'Probed', data: {} })), 'any');

/** The anchors once the first is there, or once `ms` passed without one. */
async function anchorsAfter(ms: number, eventStore: EventStore): Promise<number> {
  for (const deadline = Date.now() + ms; Date.now() < deadline && (await anchors(eventStore)) === 0; ) await new Promise((resolve) => setTimeout(resolve, 100));
  return anchors(eventStore);
}

describe.each([
  { dailyJobs: undefined, anchored: true },
  { dailyJobs: false, anchored: false },
])('a ledger started with dailyJobs $dailyJobs', ({ dailyJobs, anchored }) => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'daily-jobs-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(anchored ? 'anchors the store' : 'leaves the anchoring to another ledger', async () => {
    const config = loadPlatformConfig({}, dataDir);
    const platform = await startPlatform(config, ['ledger'], dailyJobs === undefined ? {} : { dailyJobs });
    const eventStore = await createEventStore({ dataDir });
    try {
      await appendProbes(eventStore);
      expect(await anchorsAfter(anchored ? 10_000 : 2_000, eventStore)).toBe(anchored ? 1 : 0);
    } finally {
      await eventStore.close();
      await platform.stop();
    }
  });
});

describe('the daily jobs on a thread of their own', () => {
  it('anchor the store on stores they open themselves, and close them when stopped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'daily-jobs-alone-'));
    const jobs = await startDailyJobsOn(loadPlatformConfig({}, dataDir));
    const eventStore = await createEventStore({ dataDir });
    try {
      await appendProbes(eventStore);
      expect(await anchorsAfter(10_000, eventStore)).toBe(1);
    } finally {
      await jobs.stop();
      await eventStore.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

// Memory over a soak: `posledger start` (the embedded platform: ingest and the ledger on worker threads, reports
// and the projections on the main thread) as a child process, fed simulator traffic from 1,000 provisioned
// terminals at 5,000 events/s in signed batches of 100 for SOAK_MINUTES (default 10) minutes; the child's resident
// set (all its threads) is sampled every 5 s, whole and split into anonymous memory (heaps, chDB) and mapped file
// pages (LMDB maps the event store and the log). Compared in the same run: the last minute against the first, and
// the trend over the second half (least squares). Each part of the data directory is measured every minute (bytes
// on disk), and the event store's bytes per stored event at the end; the child's CPU, whole and by thread (each app's
// thread by the id `posledger start` prints). The load generator runs in this process, apart.
import { join } from 'node:path';
import { createLmdbEventStore } from '@posledger/event-store';
import { heapGrowthLabel } from '@posledger/platform';
import { loadPlatformConfig } from '@posledger/platform-config';
import { diskUsage, diskUsageByEntry } from './support/disk-usage';
import { runHttpLoad, type SignedRequest } from './support/http-load';
import { summarizeLoad } from './support/load-summary';
import { EndlessTraffic } from './support/endless-traffic';
import type { ThreadHeap } from './support/gc-trace';
import { startPlatformChild, type ResidentSet } from './support/platform-child';
import { provisionTerminals } from './support/provision-terminals';
import { signBatch } from './support/signed-batches';
import { cpuByThread } from './support/thread-cpu';
import { chunk } from './support/chunk';
import { runBench, withTempDir } from './support/temp-dir';
import { benchTerminals } from './support/terminal-traffic';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const TERMINALS = 1_000;
const BATCH_SIZE = 100;
const EVENTS_PER_SECOND = 5_000;
const SAMPLE_MS = 5_000;
const DAY_MS = 86_400_000;
/** About 3,000 events per terminal in 10 minutes, a simulated day per 1,000: start 5 days back, end before now. */
const SIMULATED_START = Math.floor(Date.now() / DAY_MS - 5) * DAY_MS + 8 * 3_600_000;

interface Sample {
  readonly minute: number;
  readonly rss: ResidentSet;
  /** CPU seconds the child has used since it started. */
  readonly cpu: number;
  /** Each JavaScript thread's heap after its latest full collection: the main thread's first. */
  readonly heaps: readonly ThreadHeap[];
}

const PARTS: readonly { readonly part: keyof ResidentSet; readonly label: string }[] = [
  { part: 'total', label: 'RSS' },
  { part: 'anonymous', label: 'anonymous (RssAnon)' },
  { part: 'file', label: 'mapped files (RssFile)' },
];

/** Least-squares slope of a figure against time, in MiB per minute. */
function slopePerMinute(samples: readonly Sample[], value: (sample: Sample) => number): number {
  const n = samples.length;
  const meanX = samples.reduce((sum, s) => sum + s.minute, 0) / n;
  const meanY = samples.reduce((sum, s) => sum + value(s), 0) / n;
  const covariance = samples.reduce((sum, s) => sum + (s.minute - meanX) * (value(s) - meanY), 0);
  const variance = samples.reduce((sum, s) => sum + (s.minute - meanX) ** 2, 0);
  return covariance / variance;
}

function printFigures(samples: readonly Sample[], elapsedMinutes: number): void {
  const firstMinute = samples.filter((s) => s.minute <= 1);
  const lastMinute = samples.filter((s) => s.minute >= elapsedMinutes - 1);
  const secondHalf = samples.filter((s) => s.minute >= elapsedMinutes / 2);
  for (const { part, label } of PARTS) {
    const max = (of: readonly Sample[]): number => Math.max(...of.map((s) => s.rss[part]));
    const perMinute = Array.from({ length: Math.ceil(elapsedMinutes) }, (_, m) => samples.filter((s) => s.minute > m && s.minute <= m + 1)).filter((of) => of.length > 0);
    console.log(`${label}:`);
    console.log(`   per minute (max): ${perMinute.map(max).join(', ')} MiB; max over the soak ${max(samples)} MiB`);
    console.log(`   last minute (max) ${max(lastMinute)} MiB = ${((max(lastMinute) / max(firstMinute)) * 100).toFixed(1)}% of the first minute's (${max(firstMinute)} MiB)`);
    console.log(`   trend over the second half ${slopePerMinute(secondHalf, (s) => s.rss[part]).toFixed(1)} MiB/minute (over the whole soak ${slopePerMinute(samples, (s) => s.rss[part]).toFixed(1)} MiB/minute)`);
  }
}

async function main(): Promise<void> {
  await withTempDir('posledger-soak-bench-', async (dataDir) => {
    // The embedded engines, whatever the shell exports.
    const env = {
      KAFKA_BROKERS: '',
      EVENTSTORE_URL: '',
      CLICKHOUSE_URL: '',
      POSLEDGER_DATA: dataDir,
      INGEST_PORT: '0',
      REPORTS_PORT: '0',
      TERMINAL_RATE_LIMIT: '1000000',
    };
    const terminals = benchTerminals(TERMINALS, 10, 'EUR');
    const config = loadPlatformConfig({ ...process.env, ...env });
    const secrets = await provisionTerminals(config, terminals, 'Europe/Berlin');
    const traffic = new EndlessTraffic(terminals, 20261203, SIMULATED_START);
    const eventsPerTerminal = (EVENTS_PER_SECOND * 60) / TERMINALS;
    // Generated and signed a minute ahead of sending (a signature holds for 5 minutes).
    const nextMinute = (): SignedRequest[][] =>
      traffic.next(eventsPerTerminal).map((events, i) => chunk(events, BATCH_SIZE).map((batch) => signBatch(terminals[i].terminalId, secrets.get(terminals[i].terminalId) ?? '', batch)));

    const platform = await startPlatformChild('ingest,ledger,reports', env, { traceGc: true });
    const startedAt = Date.now();
    const ticksAtStart = platform.threadTicks();
    let byThread = '';
    const samples: Sample[] = [];
    const sample = (): void => void samples.push({ minute: (Date.now() - startedAt) / 60_000, rss: platform.rss(), cpu: platform.cpuSeconds(), heaps: platform.heaps() });
    sample();
    const sampler = setInterval(sample, SAMPLE_MS);
    let taken = 0;
    const disk: { taken: number; byEntry: Map<string, number> }[] = [];
    try {
      let minute = nextMinute();
      for (let m = 0; m < MINUTES; m++) {
        const sending = runHttpLoad({ url: platform.ingestUrl, terminals: minute, concurrency: 64, batchesPerSecond: EVENTS_PER_SECOND / BATCH_SIZE });
        const following = m + 1 < MINUTES ? nextMinute() : [];
        const load = summarizeLoad(`minute ${m + 1}`, minute, await sending);
        taken += load.events;
        disk.push({ taken, byEntry: diskUsageByEntry(dataDir) });
        console.log(`minute ${m + 1}: ${load.events.toLocaleString('en-US')} events taken at ${load.eventsPerSecond.toLocaleString('en-US')} events/s; RSS now ${samples.at(-1)?.rss.total} MiB (anonymous ${samples.at(-1)?.rss.anonymous}, mapped files ${samples.at(-1)?.rss.file})`);
        minute = following;
      }
      byThread = cpuByThread(platform.pid, ticksAtStart, platform.threadTicks(), platform.threads, Date.now() - startedAt);
    } finally {
      clearInterval(sampler);
      await platform.stop();
    }

    const elapsedMinutes = samples.at(-1)?.minute ?? 0;
    console.log(`Node ${process.version}; ${TERMINALS.toLocaleString('en-US')} terminals, ${taken.toLocaleString('en-US')} events in ${elapsedMinutes.toFixed(1)} minutes (${Math.round(taken / (elapsedMinutes * 60)).toLocaleString('en-US')} events/s, offered ${EVENTS_PER_SECOND.toLocaleString('en-US')}); posledger start's resident set (one process, all its threads) every ${SAMPLE_MS / 1000} s; ${heapGrowthLabel(config.heapGrowthPercent)}`);
    printFigures(samples, elapsedMinutes);
    printHeaps(samples, elapsedMinutes);
    printCpu(samples, elapsedMinutes, taken, byThread);
    await printDiskUsage(dataDir, disk);
  });
}

/**
 * Splits the anonymous memory: each thread's heap (from the child's --trace-gc), live and committed, at the end of
 * each minute and its trend over the second half, and what is left outside the committed JavaScript heaps (chDB,
 * LMDB's and Node's native memory).
 */
function printHeaps(samples: readonly Sample[], elapsedMinutes: number): void {
  const threads = Math.max(...samples.map((s) => s.heaps.length));
  const secondHalf = samples.filter((s) => s.minute >= elapsedMinutes / 2);
  const lastPerMinute = (value: (s: Sample) => number): string =>
    Array.from({ length: Math.ceil(elapsedMinutes) }, (_, m) => samples.filter((s) => s.minute > m && s.minute <= m + 1).at(-1))
      .flatMap((s) => (s ? [Math.round(value(s))] : []))
      .join(', ');
  const trend = (value: (s: Sample) => number): string => {
    const known = secondHalf.filter((s) => Number.isFinite(value(s)));
    return known.length < 2 ? 'n/a' : slopePerMinute(known, value).toFixed(1);
  };
  console.log(`heap per JavaScript thread after its latest full collection, live / committed (MiB at the end of each minute; trend over the second half, MiB/minute):`);
  for (let thread = 0; thread < threads; thread++) {
    const live = (s: Sample): number => s.heaps[thread]?.live ?? Number.NaN;
    const committed = (s: Sample): number => s.heaps[thread]?.committed ?? Number.NaN;
    const name = thread === 0 ? 'main thread (reports, projections)' : `worker thread ${thread}`;
    console.log(`   ${name}: live ${lastPerMinute(live)}; trend ${trend(live)}; committed ${lastPerMinute(committed)}; trend ${trend(committed)}`);
  }
  const outside = (s: Sample): number => s.rss.anonymous - s.heaps.reduce((sum, heap) => sum + (Number.isFinite(heap.committed) ? heap.committed : 0), 0);
  console.log(`   anonymous memory outside the committed JavaScript heaps (chDB, native buffers): ${lastPerMinute(outside)}; trend ${trend(outside)}`);
}

/**
 * The child's CPU time: cores kept busy in each minute, CPU milliseconds per 1,000 events taken over the soak, and
 * the cores each of its threads used over the whole soak.
 */
function printCpu(samples: readonly Sample[], elapsedMinutes: number, taken: number, byThread: string): void {
  const busy = Array.from({ length: Math.ceil(elapsedMinutes) }, (_, m) => samples.filter((s) => s.minute >= m && s.minute <= m + 1))
    .filter((of) => of.length > 1)
    .map((of) => ((of[of.length - 1].cpu - of[0].cpu) / ((of[of.length - 1].minute - of[0].minute) * 60)).toFixed(2));
  const first = samples[0];
  const last = samples[samples.length - 1];
  console.log(`CPU (all threads): cores busy per minute ${busy.join(', ')}; ${(((last.cpu - first.cpu) * 1000) / (taken / 1000)).toFixed(0)} ms per 1,000 events taken`);
  console.log(`CPU by thread over the soak: ${byThread}`);
}

/** Per part of the data directory: MiB after each minute, growth in the first and second half, bytes per event taken. */
async function printDiskUsage(dataDir: string, disk: readonly { taken: number; byEntry: Map<string, number> }[]): Promise<void> {
  const mib = (bytes: number): number => Math.round(bytes / 1_048_576);
  const half = Math.floor(disk.length / 2);
  console.log(`data directory on disk after each minute (MiB), growth per minute in the first and second half, bytes per event taken at the end:`);
  for (const entry of disk.at(-1)?.byEntry.keys() ?? []) {
    const at = (i: number): number => disk[i].byEntry.get(entry) ?? 0;
    const perMinute = (from: number, to: number): number => mib((at(to) - at(from)) / (to - from));
    const last = disk.length - 1;
    console.log(`   ${entry}: ${disk.map((_, i) => mib(at(i))).join(', ')}; +${perMinute(0, half)} then +${perMinute(half, last)} MiB/minute; ${Math.round(at(last) / (disk.at(-1)?.taken ?? 1))} bytes/event`);
  }
  const eventStore = await createLmdbEventStore({ path: join(dataDir, 'event-store') });
  const stored = await eventStore.headPosition().finally(() => eventStore.close());
  console.log(`   event store: ${stored.toLocaleString('en-US')} events stored (terminal events recorded and what the ledger decided), ${Math.round(diskUsage(join(dataDir, 'event-store')) / Number(stored))} bytes per stored event`);
}

runBench(main);

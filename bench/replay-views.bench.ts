// The auditors' replay: ~200,000 ledger events (simulator histories through the domain's terminal ledger decider),
// live views projected first, then a full rebuild (replay from position 0 into shadow tables, fence, per-view
// checksum comparison, switch) against the 100,000 events/s replay target; then a second rebuild's checksums.
import { join } from 'node:path';
import { createLmdbEventStore } from '@posledger/event-store';
import { createReadStore, rebuildViews, runMigrations, startProjections, type RebuildPhase, type RebuildReport } from '@posledger/read-store';
import { VIEW_MIGRATIONS, VIEW_PROJECTIONS } from '@posledger/views';
import { recordHistories } from '../libs/platform/src/replay/test-support/recorded-history';
import { compareWithTarget } from './support/report';
import { perSecond } from './support/stats';
import { runBench, withTempDir } from './support/temp-dir';

const TERMINALS = 100;
const TERMINAL_EVENTS_PER_TERMINAL = 1_000;
const TARGET = 100_000;

async function main(): Promise<void> {
  await withTempDir('posledger-replay-views-bench-', async (dataDir) => {
    const eventStore = await createLmdbEventStore({ path: join(dataDir, 'event-store') });
    const readStore = await createReadStore({ dataDir, database: 'replay_views_bench' });
    try {
      const setupStart = performance.now();
      await recordHistories(eventStore, '', TERMINALS, TERMINAL_EVENTS_PER_TERMINAL, 7);
      const total = Number(await eventStore.headPosition());
      console.log(`setup: ${total.toLocaleString('en-US')} events appended in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);

      await runMigrations(readStore, VIEW_MIGRATIONS);
      const liveStart = performance.now();
      const running = await startProjections(eventStore, readStore, VIEW_PROJECTIONS);
      await running.caughtUp();
      await running.stop();
      console.log(`live views projected (one catch-up subscription): ${perSecond(total, performance.now() - liveStart).toLocaleString('en-US')} events/s`);

      const reports: RebuildReport[] = [];
      for (const run of [1, 2]) {
        const phases = new Map<RebuildPhase, number>();
        let lastLine = 0;
        const report = await rebuildViews(
          { eventStore, readStore, projections: VIEW_PROJECTIONS },
          {
            onProgress: (p) => {
              if (!phases.has(p.phase)) phases.set(p.phase, p.elapsedMs);
              if (p.elapsedMs - lastLine < 1000) return;
              lastLine = p.elapsedMs;
              console.log(`    ${p.phase}: position ${p.position} of ${p.head}, ${p.eventsPerSecond.toLocaleString('en-US')} events/s, ETA ${p.etaSeconds ?? '-'} s`);
            },
          },
        );
        if (!report.equal || !report.switched) throw new Error(`rebuild ${run} differs from the live views: ${JSON.stringify(report.views)}`);
        const replayMs = phases.get('fencing') ?? report.durationMs;
        console.log(`rebuild ${run}: ${report.events.toLocaleString('en-US')} events in ${report.durationMs} ms (replay ${Math.round(replayMs)} ms, fence + compare + switch ${Math.round(report.durationMs - replayMs)} ms)`);
        compareWithTarget(`  rebuild ${run}, replay into shadow views`, perSecond(report.events, replayMs), 'at least', TARGET, 'events/s');
        compareWithTarget(`  rebuild ${run}, end to end`, report.eventsPerSecond, 'at least', TARGET, 'events/s');
        reports.push(report);
      }
      const identical = JSON.stringify(reports[0].views) === JSON.stringify(reports[1].views);
      console.log(`two rebuilds of the same store: ${identical ? 'identical' : 'DIFFERENT'} checksums (${reports[0].views.map((v) => `${v.view} ${v.liveRows} rows ${v.liveChecksum}`).join(', ')})`);
      if (!identical) throw new Error('two rebuilds of the same store differ');
    } finally {
      await readStore.close();
      await eventStore.close();
    }
  });
}

runBench(main);

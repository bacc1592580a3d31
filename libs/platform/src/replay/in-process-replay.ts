import { createEventStore } from '@posledger/event-store';
import type { PlatformConfig } from '@posledger/platform-config';
import { createReadStore, rebuildViews, runMigrations, type RebuildProgress } from '@posledger/read-store';
import { VIEW_MIGRATIONS, VIEW_PROJECTIONS } from '@posledger/views';
import { reportJson, type ReplayReportJson } from './replay-report-json';

/** The rebuild on the stores themselves, for when no platform process holds the read store. */
export async function replayInProcess(config: PlatformConfig, force: boolean, onProgress: (progress: RebuildProgress) => void): Promise<ReplayReportJson> {
  const eventStore = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir });
  try {
    const readStore = await createReadStore({
      clickhouseUrl: config.clickhouseUrl,
      clickhouseUser: config.clickhouseUser,
      clickhousePassword: config.clickhousePassword,
      dataDir: config.dataDir,
    });
    try {
      await runMigrations(readStore, VIEW_MIGRATIONS);
      return reportJson(await rebuildViews({ eventStore, readStore, projections: VIEW_PROJECTIONS }, { force, onProgress }));
    } finally {
      await readStore.close();
    }
  } finally {
    await eventStore.close();
  }
}

import type { PlatformConfig } from '@posledger/platform-config';
import { log, platformAnswers, printJson, progressJson, progressLine, replayInProcess, type ReplayReportJson, replayThroughPlatform } from '@posledger/platform';

/** Exit code when a live view differs from its replay: the auditor must look. */
export const VIEWS_DIFFER_EXIT_CODE = 4;
const PROGRESS_EVERY_MS = 1000;

/**
 * Rebuilds every view from position 0 and compares it with the live one: through the running platform when one
 * answers on REPORTS_PORT (chDB is that process's), else on the stores directly.
 */
export async function replayCommand(config: PlatformConfig, options: Record<string, string | boolean | undefined>): Promise<void> {
  const force = options.force === true;
  const reportsUrl = `http://${config.host}:${config.reportsPort}`;
  let report: ReplayReportJson;
  if (await platformAnswers(reportsUrl)) {
    log(`replaying through the platform at ${reportsUrl}`);
    report = await replayThroughPlatform(config.dataDir, reportsUrl, force, (progress) => log(progressLine(progress)));
  } else {
    log(`no platform answers at ${reportsUrl}: replaying on the stores under ${config.dataDir}`);
    let lastLine = 0;
    report = await replayInProcess(config, force, (progress) => {
      if (Date.now() - lastLine < PROGRESS_EVERY_MS) return;
      lastLine = Date.now();
      log(progressLine(progressJson(progress)));
    });
  }
  log(`replay: ${report.events} events to position ${report.position} in ${report.durationMs} ms (${report.eventsPerSecond} events/s); views ${report.equal ? 'equal' : 'DIFFER'}, ${report.switched ? 'switched' : 'not switched'}`);
  printJson(report);
  if (!report.equal) process.exitCode = VIEWS_DIFFER_EXIT_CODE;
}

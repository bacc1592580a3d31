import { openCredentialStore } from '@posledger/credentials';
import { PlatformReplayError } from './platform-replay.error';
import type { ReplayProgressJson, ReplayReportJson } from './replay-report-json';

const REPORT_FIELDS = 'position events durationMs eventsPerSecond equal switched views { view projection liveRows replayedRows liveChecksum replayedChecksum equal }';
const PROGRESS_POLL_MS = 1000;

/** True when a platform's reports app answers at the URL (and so holds the read store). */
export async function platformAnswers(reportsUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${reportsUrl}/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function graphql<T>(reportsUrl: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${reportsUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length || !body.data) {
    const [error] = body.errors ?? [{ message: `HTTP ${response.status}` }];
    throw new PlatformReplayError(error.extensions?.code ?? 'REPLAY.FAILED', error.message);
  }
  return body.data;
}

/** The rebuild by the running platform, through the auditors' GraphQL mutation, polling its progress meanwhile. */
export async function replayThroughPlatform(
  dataDir: string,
  reportsUrl: string,
  force: boolean,
  onProgress: (progress: ReplayProgressJson) => void,
): Promise<ReplayReportJson> {
  const credentials = openCredentialStore(dataDir);
  let token: string;
  try {
    token = await credentials.issueToken({ role: 'auditor', subject: 'posledger replay' });
  } finally {
    await credentials.close();
  }
  const replay = graphql<{ replayViews: ReplayReportJson }>(reportsUrl, token, `mutation($force: Boolean) { replayViews(force: $force) { ${REPORT_FIELDS} } }`, { force });
  let done = false;
  const poll = async (): Promise<void> => {
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
      if (done) return;
      const { replayProgress } = await graphql<{ replayProgress: ReplayProgressJson | null }>(
        reportsUrl,
        token,
        '{ replayProgress { phase position head events eventsPerSecond etaSeconds } }',
      );
      if (replayProgress) onProgress(replayProgress);
    }
  };
  // Progress is a nicety: a failed poll never fails the replay.
  const polling = poll().catch(() => undefined);
  try {
    return (await replay).replayViews;
  } finally {
    done = true;
    await polling;
  }
}

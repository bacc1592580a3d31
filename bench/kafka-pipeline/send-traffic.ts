// Sends pre-generated batches through the public ingest API, each terminal's batches one after another.
import type { IngestClient } from '@posledger/terminal-simulator';
import type { TerminalBatch } from './bench-traffic';
import type { RecordedWatcher } from './recorded-watcher';
import { runPool } from './run-pool';

async function send(client: IngestClient, { terminal, events }: TerminalBatch): Promise<void> {
  const outcome = await client.sendBatch({ terminalId: terminal.terminalId, secret: terminal.secret }, events);
  if (outcome.kind === 'failed') throw new Error(`ingest refused a batch of ${terminal.terminalId}: ${outcome.status} ${outcome.error}`);
}

/** As fast as ingest answers: `concurrency` terminals at a time, each sending all its batches in order. */
export async function sendFlatOut(client: IngestClient, perTerminal: readonly (readonly TerminalBatch[])[], concurrency: number): Promise<void> {
  await runPool(perTerminal, concurrency, async (batches) => {
    for (const batch of batches) await send(client, batch);
  });
}

/**
 * At a fixed rate: each batch is POSTed when the events before it are due (a terminal's batch waits for its previous
 * one). Resolves with each batch's lag in ms, from the start of its POST to the ledger committing its last event.
 */
export async function sendPaced(client: IngestClient, watcher: RecordedWatcher, batches: readonly TerminalBatch[], eventsPerSecond: number): Promise<number[]> {
  const chains = new Map<string, Promise<void>>();
  const lags: Promise<number>[] = [];
  const start = Date.now();
  let scheduled = 0;
  for (const batch of batches) {
    const dueAt = start + (scheduled / eventsPerSecond) * 1000;
    scheduled += batch.events.length;
    if (dueAt > Date.now()) await new Promise((resolve) => setTimeout(resolve, dueAt - Date.now()));
    const previous = chains.get(batch.terminal.terminalId) ?? Promise.resolve();
    chains.set(
      batch.terminal.terminalId,
      previous.then(async () => {
        const recorded = watcher.whenRecorded(batch.events[batch.events.length - 1].eventId);
        const sentAt = Date.now();
        lags.push(recorded.then((recordedAt) => recordedAt - sentAt));
        await send(client, batch);
      }),
    );
  }
  await Promise.all(chains.values());
  return Promise.all(lags);
}

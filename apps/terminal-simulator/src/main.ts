// Terminal traffic against any platform's public ingest API, from terminals already provisioned there:
//   terminal-simulator --ingest-url URL --terminals FILE [--duration SECONDS] [--rate EVENTS_PER_S] [--seed N]
// FILE is a JSON array of {terminalId, merchantId, secret, currency} (what `posledger terminal add` printed, with
// the merchant's id and currency). Prints the run's report as JSON; exit 2 when any batch failed.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runSimulation, simulatedTerminals, positiveOption } from '@posledger/terminal-simulator';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'ingest-url': { type: 'string' }, terminals: { type: 'string' }, duration: { type: 'string' }, rate: { type: 'string' }, seed: { type: 'string' } },
  });
  if (!values['ingest-url'] || !values.terminals) throw new Error('--ingest-url URL and --terminals FILE are required');
  const report = await runSimulation({
    ingestUrl: values['ingest-url'],
    terminals: simulatedTerminals(JSON.parse(readFileSync(values.terminals, 'utf8'))),
    durationSeconds: positiveOption(values, 'duration') ?? 10,
    eventsPerSecond: positiveOption(values, 'rate'),
    seed: positiveOption(values, 'seed'),
    onProgress: (p) => process.stderr.write(`${p.eventsSent} events accepted, ${p.duplicates} duplicates, ${p.failures} failures\n`),
  });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (report.failures.length > 0) process.exitCode = 2;
}

main().catch((error: Error) => {
  process.stderr.write(`${JSON.stringify({ error: 'SIMULATION_FAILED', message: error.message })}\n`);
  process.exit(1);
});

#!/usr/bin/env node
// `npm test`: builds, starts the local Kafka broker when Java is here (so the Kafka suites run too), runs every
// Jest group (unit, int, e2e) and ends with one line "N passed, N failed, N skipped" summed over all suites.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status;

const env = { ...process.env };
if (!env.KAFKA_BROKERS && spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0) {
  const started = spawnSync('bash', ['scripts/kafka', 'start'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const brokers = /KAFKA_BROKERS=(\S+)/.exec(started.stdout ?? '');
  if (started.status === 0 && brokers) env.KAFKA_BROKERS = brokers[1];
  else process.stderr.write('Kafka broker did not start: the Kafka suites will say why they skip (or fail under CI=true)\n');
}

if (run('npm', ['run', 'build', '--silent']) !== 0) {
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
}

const results = path.join(root, '.cache', 'jest-results.json');
fs.mkdirSync(path.dirname(results), { recursive: true });
fs.rmSync(results, { force: true });
const jestArgs = ['jest', '--ci', '--json', `--outputFile=${results}`, ...process.argv.slice(2)];

/** Jest's own summary line, e.g. "Tests:       1 failed, 2 skipped, 433 passed, 436 total". */
function countsFromSummary(output) {
  const line = output.split('\n').reverse().find((l) => /^Tests:\s/.test(l));
  const count = (word) => Number((line && new RegExp(`(\\d+) ${word}`).exec(line)?.[1]) ?? 0);
  return line ? { passed: count('passed'), failed: count('failed'), skipped: count('skipped') + count('todo') } : undefined;
}

function countsFromResults() {
  if (!fs.existsSync(results)) return undefined;
  const summary = JSON.parse(fs.readFileSync(results, 'utf8'));
  return {
    passed: summary.numPassedTests,
    failed: summary.numFailedTests + summary.numRuntimeErrorTestSuites,
    skipped: summary.numPendingTests + summary.numTodoTests,
  };
}

// Jest's summary goes to stderr: pass it through and keep its tail, for when the JSON results cannot be written
// (Jest's --json writer throws on a failed assertion that holds a bigint).
const child = spawn('npx', jestArgs, { cwd: root, env, stdio: ['inherit', 'inherit', 'pipe'] });
let tail = '';
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  tail = (tail + chunk.toString()).slice(-20000);
});
child.on('close', (status) => {
  const counts = countsFromResults() ?? countsFromSummary(tail) ?? { passed: 0, failed: 1, skipped: 0 };
  process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  process.exit(status === 0 && counts.failed === 0 ? 0 : 1);
});

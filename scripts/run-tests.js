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

// The unit and integration suites run on two workers (each suite's own files, data dirs and ports); the e2e suites one
// at a time: each starts whole platforms that take both cores, and the Kafka ones share a broker and group ids.
const groups = [
  { name: 'unit-int', args: ['--selectProjects', 'unit', 'int', '--maxWorkers=2'] },
  { name: 'e2e', args: ['--selectProjects', 'e2e', '--runInBand'] },
];
fs.mkdirSync(path.join(root, '.cache'), { recursive: true });

/** Jest's own summary line, e.g. "Tests:       1 failed, 2 skipped, 433 passed, 436 total". */
function countsFromSummary(output) {
  const line = output.split('\n').reverse().find((l) => /^Tests:\s/.test(l));
  const count = (word) => Number((line && new RegExp(`(\\d+) ${word}`).exec(line)?.[1]) ?? 0);
  return line ? { passed: count('passed'), failed: count('failed'), skipped: count('skipped') + count('todo') } : undefined;
}

function countsFromResults(results) {
  if (!fs.existsSync(results)) return undefined;
  const summary = JSON.parse(fs.readFileSync(results, 'utf8'));
  return {
    passed: summary.numPassedTests,
    failed: summary.numFailedTests + summary.numRuntimeErrorTestSuites,
    skipped: summary.numPendingTests + summary.numTodoTests,
  };
}

/** One Jest run; its counts from its JSON results, else from its summary line, else one failure. */
function runJest({ name, args }) {
  const results = path.join(root, '.cache', `jest-results-${name}.json`);
  fs.rmSync(results, { force: true });
  const jestArgs = ['jest', '--ci', '--passWithNoTests', '--json', `--outputFile=${results}`, ...args, ...process.argv.slice(2)];
  // Jest's summary goes to stderr: pass it through and keep its tail, for when the JSON results cannot be written
  // (Jest's --json writer throws on a failed assertion that holds a bigint).
  return new Promise((resolve) => {
    const child = spawn('npx', jestArgs, { cwd: root, env, stdio: ['inherit', 'inherit', 'pipe'] });
    let tail = '';
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString()).slice(-20000);
    });
    child.on('close', (status) => {
      const counts = countsFromResults(results) ?? countsFromSummary(tail) ?? { passed: 0, failed: 1, skipped: 0 };
      resolve({ ...counts, failed: counts.failed + (status !== 0 && counts.failed === 0 ? 1 : 0) });
    });
  });
}

(async () => {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const group of groups) {
    const counts = await runJest(group);
    for (const key of Object.keys(total)) total[key] += counts[key];
  }
  process.stdout.write(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
  process.exit(total.failed === 0 ? 0 : 1);
})();

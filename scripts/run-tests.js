#!/usr/bin/env node
// `npm test`: builds, starts the local Kafka broker when Java is here (so the Kafka suites run too), runs every
// Jest group (unit, int, e2e) and ends with one line "N passed, N failed, N skipped" summed over all suites.
const { spawnSync } = require('child_process');
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
const status = run('npx', jestArgs, env);

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(results)) {
  const summary = JSON.parse(fs.readFileSync(results, 'utf8'));
  passed = summary.numPassedTests;
  failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
  skipped = summary.numPendingTests + summary.numTodoTests;
} else {
  failed = 1;
}
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(status === 0 && failed === 0 ? 0 : 1);

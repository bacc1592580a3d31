#!/usr/bin/env node
// `npm run bench [name]`: runs each compiled bench/*.bench.js (or those whose name contains the argument) in turn.
// Each prints its own figures and the comparison it makes; record them in bench/RESULTS.md. Each runs with the main
// thread's young generation that `npm start` and the image give the platform (the README's configuration).
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, '..', 'dist', 'bench');
const filter = process.argv[2] ?? '';
const benches = fs.readdirSync(dir).filter((f) => f.endsWith('.bench.js') && f.includes(filter)).sort();
let failed = 0;
for (const bench of benches) {
  process.stdout.write(`\n=== ${bench.replace('.bench.js', '')} ===\n`);
  const { status } = spawnSync('node', ['--max-semi-space-size=64', '-r', path.join(__dirname, 'register-aliases.js'), path.join(dir, bench)], { stdio: 'inherit' });
  if (status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);

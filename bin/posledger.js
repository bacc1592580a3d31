#!/usr/bin/env node
// Runs the compiled CLI (npm run build).
const path = require('path');
const fs = require('fs');

const main = path.join(__dirname, '..', 'dist/apps/posledger/src/main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('posledger is not built yet: run `npm run build` first\n');
  process.exit(1);
}
require('../scripts/register-aliases');
require(main);

#!/usr/bin/env node
// Runs the compiled CLI (npm run build). The @posledger/* aliases of tsconfig.base.json resolve to dist/.
const path = require('path');
const fs = require('fs');
const Module = require('module');

const root = path.join(__dirname, '..');
const main = path.join(root, 'dist/apps/posledger/src/main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('posledger is not built yet: run `npm run build` first\n');
  process.exit(1);
}
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
const aliases = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, 'dist', target.replace(/\.ts$/, '.js'))]),
);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};
require(main);

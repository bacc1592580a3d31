// Makes the @posledger/* path aliases of tsconfig.base.json resolve to the compiled files under dist/.
const path = require('path');
const Module = require('module');

const root = path.join(__dirname, '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
const aliases = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, 'dist', target.replace(/\.ts$/, '.js'))]),
);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};

// Lets a child process spawned by a spec require TypeScript sources directly, compiled by the same @swc/core Jest uses,
// with the workspace's `@posledger/*` imports resolved through tsconfig.base.json's paths.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const workspaceRoot = join(__dirname, '..', '..', '..');
const { paths } = JSON.parse(readFileSync(join(workspaceRoot, 'tsconfig.base.json'), 'utf8')).compilerOptions;

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022', baseUrl: workspaceRoot, paths },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

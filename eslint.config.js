const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const nx = require('@nx/eslint-plugin');

module.exports = tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', '.cache/**', '.nx/**', 'coverage/**', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='parseFloat']", message: 'Money is never a float: use integer minor units.' }],
      '@nx/enforce-module-boundaries': ['error', {
        enforceBuildableLibDependency: false,
        // No app is imported by anything: apps wire libraries and start.
        allow: [],
        // A process loads each app's libraries where the app runs (`import()` in start-platform), so a thread running
        // ingest does not compile the reports app; nothing is bundled, so a library also imported statically elsewhere
        // costs nothing (the rule's concern is bundle splitting).
        checkDynamicDependenciesExceptions: ['@posledger/*'],
        depConstraints: [
          {
            sourceTag: 'type:domain',
            onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
            // Pure: no framework, no I/O; Ajv (compiling the protocol's JSON Schema) is the one package the domain uses.
            bannedExternalImports: ['@nestjs/*', 'lmdb', 'kafkajs', 'chdb', 'chdb/*', '@clickhouse/*', '@eventstore/*', 'fastify', 'node:fs', 'node:net', 'node:http', 'node:child_process', 'fs', 'net', 'http', 'child_process'],
          },
          { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:adapter'] },
          { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:adapter', 'type:feature'] },
          { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:adapter', 'type:feature'] },
          { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          { sourceTag: 'scope:ingest', onlyDependOnLibsWithTags: ['scope:shared', 'scope:ingest'] },
          { sourceTag: 'scope:ledger', onlyDependOnLibsWithTags: ['scope:shared', 'scope:ledger'] },
          { sourceTag: 'scope:reports', onlyDependOnLibsWithTags: ['scope:shared', 'scope:reports'] },
          { sourceTag: 'scope:simulator', onlyDependOnLibsWithTags: ['scope:shared', 'scope:simulator'] },
          { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['scope:dashboard'] },
          { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:shared', 'scope:platform', 'scope:ingest', 'scope:ledger', 'scope:reports', 'scope:simulator'] },
        ],
      }],
    },
  },
  {
    // Nx's bannedExternalImports does not see Node's built-in modules: the domain's "no I/O" is kept here.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'fs/*', 'net', 'http', 'https', 'child_process', 'worker_threads', 'os', 'path'], message: 'The domain is pure: no I/O.' }] }],
    },
  },
);

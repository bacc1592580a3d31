// Three groups by file suffix (emmett style): unit = pure and fast, int = real adapters on disk or a real broker,
// e2e = the built platform driven through its public contract.
const { pathsToModuleNameMapper } = require('./scripts/jest-paths');

const transform = {
  '^.+\\.ts$': ['@swc/jest', {
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  }],
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper: pathsToModuleNameMapper(),
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['**/*.int.spec.ts'], slowTestThreshold: 30 },
    { ...common, displayName: 'e2e', testMatch: ['**/*.e2e.spec.ts'], roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/e2e'] },
  ],
};

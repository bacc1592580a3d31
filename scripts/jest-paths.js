// Maps the tsconfig path aliases (@posledger/*) to source files for Jest, so tests never need a build.
const path = require('path');
const { compilerOptions } = require('../tsconfig.base.json');

function pathsToModuleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    mapper[`^${alias.replace('/', '\\/')}$`] = path.join(__dirname, '..', target);
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };

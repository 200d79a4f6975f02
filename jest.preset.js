// Shared jest settings. Each project calls project(__dirname).
// Tests are named by kind: *.unit.spec.ts need no servers; *.int.spec.ts and
// *.e2e.spec.ts run against the real Temporal server and PostgreSQL, which the
// project's globalSetup provisions (tools/dev-infra) unless the env names them.
const path = require('node:path');
const fs = require('node:fs');

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

function project(dir) {
  const pkg = require(path.join(dir, 'package.json'));
  // A project's own test/global-setup.ts wins; else package.json "jyta": {"testInfra": "postgres"}
  // asks dev-infra to provision PostgreSQL. Named by path here rather than imported from the
  // project, so the libs' dependency graph does not gain an edge to the tooling.
  const infra = pkg.jyta && pkg.jyta.testInfra;
  const devInfra = path.join(__dirname, 'tools', 'dev-infra', 'src');
  const own = path.join(dir, 'test', 'global-setup.ts');
  const setup = fs.existsSync(own) ? own : infra === 'postgres' ? path.join(devInfra, 'jest-postgres-setup.ts') : own;
  const ownTeardown = path.join(dir, 'test', 'global-teardown.ts');
  const teardown = fs.existsSync(ownTeardown) ? ownTeardown : infra ? path.join(devInfra, 'jest-global-teardown.ts') : ownTeardown;
  return {
    displayName: pkg.name,
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/**/*.spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    transform: { '^.+\\.(t|j)s$': ['@swc/jest', swc] },
    // temporal-polyfill (the reference in civil.unit.spec) ships ES modules only; jest (CommonJS) must compile it.
    transformIgnorePatterns: ['/node_modules/(?!(temporal-polyfill|temporal-spec|temporal-utils)/)'],
    moduleFileExtensions: ['ts', 'js', 'json'],
    globalSetup: fs.existsSync(setup) ? setup : undefined,
    globalTeardown: fs.existsSync(teardown) ? teardown : undefined,
    testTimeout: 120_000,
  };
}

module.exports = { project, swc };

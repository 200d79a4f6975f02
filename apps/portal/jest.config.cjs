// Unit tests of the portal: React components in jsdom (Testing Library), through swc like the rest.
const path = require('node:path');
const { swc } = require('../../jest.preset.js');

module.exports = {
  displayName: '@jyta/portal',
  rootDir: __dirname,
  testEnvironment: path.join(__dirname, 'test', 'jsdom-env.cjs'),
  testMatch: ['<rootDir>/src/**/*.unit.spec.ts?(x)'],
  setupFilesAfterEnv: [path.join(__dirname, 'test', 'setup.ts')],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        ...swc,
        jsc: { ...swc.jsc, parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } },
      },
    ],
  },
  moduleFileExtensions: ['tsx', 'ts', 'js', 'json'],
  testTimeout: 30_000,
};

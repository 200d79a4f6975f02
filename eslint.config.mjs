// ESLint 9 flat config for the whole workspace (`npx eslint .`; each project's `lint` target runs
// `eslint <projectRoot>` with this file).
//
// - typescript-eslint "recommended" (syntax only, not type-checked: lint stays fast);
// - Nx module boundaries: which kind of project (tag `type:*` in project.json) may import which;
// - purity rules: the domain libs stay free of frameworks and I/O, and workflow code stays
//   deterministic (no Node built-ins, no Temporal client/worker/activity APIs, no DB drivers).
import { builtinModules } from 'node:module';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Every Node built-in in both spellings: 'fs', 'fs/promises', 'node:fs', … ('_x' ones are internal).
// @nx/enforce-module-boundaries reads the project graph Nx caches in .nx/workspace-data. Nx
// refreshes it before running `lint` targets; a bare `npx eslint .` refreshes it here (≈1 s),
// otherwise the rule would be skipped (no cache) or use stale dependencies.
if (!process.env.NX_TASK_TARGET_PROJECT) {
  try {
    const { createProjectGraphAsync } = await import('nx/src/devkit-exports.js');
    await createProjectGraphAsync({ exitOnError: false });
  } catch (e) {
    console.warn(`eslint.config.mjs: could not compute the Nx project graph (${e?.message ?? e})`);
  }
}

const builtins = builtinModules.filter((m) => !m.startsWith('_'));
const builtinPaths = (why) =>
  [...new Set([...builtins, ...builtins.map((m) => `node:${m}`)])].map((name) => ({ name, message: why }));

const DOMAIN_WHY = 'Domain code is pure TypeScript: no Node built-ins (I/O, clocks, randomness come in as arguments).';
const WORKFLOW_WHY =
  'Workflow code must be deterministic and runs in the Temporal sandbox: no Node built-ins; do I/O in activities.';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '.data/**', '.tools/**', '.nx/**', 'tmp/**'],
  },

  // ---- TypeScript ------------------------------------------------------------------------------
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  // Test code parses untyped JSON and pokes at internals: \`any\` is fine there.
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // ---- Nx module boundaries ---------------------------------------------------------------------
  // Nx derives project dependencies from imports of the workspace package names (@jyta/...).
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:domain', 'type:workflow'] },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util'],
            },
            {
              sourceTag: 'type:activities',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util', 'type:workflow'],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:e2e', 'type:tooling'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },

  // ---- domain purity ------------------------------------------------------------------------------
  {
    files: ['libs/*/domain/**/*.ts', 'libs/disclosure/redaction/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...builtinPaths(DOMAIN_WHY),
            { name: 'typeorm', message: 'Domain code knows no persistence: map in a data-access lib.' },
            { name: 'pg', message: 'Domain code knows no persistence: map in a data-access lib.' },
          ],
          patterns: [
            { group: ['@nestjs/*'], message: 'Domain code is framework-free: no NestJS.' },
            { group: ['@temporalio/*'], message: 'Domain code is framework-free: no Temporal SDK.' },
            { group: ['typeorm/*', 'pg/*'], message: 'Domain code knows no persistence.' },
          ],
        },
      ],
    },
  },

  // ---- workflow determinism (tests of workflows may use the test environment and Node) ------------
  {
    files: ['workflows/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...builtinPaths(WORKFLOW_WHY),
            { name: 'pg', message: 'Workflows do no I/O: use an activity.' },
            { name: 'typeorm', message: 'Workflows do no I/O: use an activity.' },
          ],
          patterns: [
            {
              group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'],
              allowTypeImports: true,
              message: 'Workflow code may only use @temporalio/workflow (and @temporalio/common) at run time.',
            },
            { group: ['@nestjs/*'], message: 'Workflows run in the Temporal sandbox: no NestJS.' },
            { group: ['typeorm/*', 'pg/*'], message: 'Workflows do no I/O: use an activity.' },
          ],
        },
      ],
    },
  },

  // ---- the portal (React): the rules of hooks ------------------------------------------------------
  {
    files: ['apps/portal/**/*.ts', 'apps/portal/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);

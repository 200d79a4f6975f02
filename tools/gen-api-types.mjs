#!/usr/bin/env node
// The portal's typed API client comes from the API's own OpenAPI document:
//   node tools/gen-api-types.mjs          regenerate apps/portal/src/api/schema.d.ts
//   node tools/gen-api-types.mjs --check  fail when the checked-in file is not current (CI)
// The document is built by apps/api/src/openapi-document.ts in Nest's preview mode: no
// PostgreSQL or Temporal needed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { ROOT } from './lib/common.mjs';

const OUT = path.join(ROOT, 'apps', 'portal', 'src', 'api', 'schema.d.ts');
const check = process.argv.includes('--check');

const json = execFileSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/openapi-document.ts'], {
  cwd: ROOT,
  env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'error' },
  maxBuffer: 64 * 1024 * 1024,
  encoding: 'utf8',
});
const ast = await openapiTS(JSON.parse(json));
const header =
  '// Generated from the API\'s OpenAPI document by tools/gen-api-types.mjs — do not edit.\n' +
  '// Regenerate: node tools/gen-api-types.mjs\n';
const text = header + astToString(ast);

if (check) {
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (current !== text) {
    console.error(`✖ ${path.relative(ROOT, OUT)} is out of date with the API: run \`node tools/gen-api-types.mjs\` and commit it.`);
    process.exit(1);
  }
  console.log(`✔ ${path.relative(ROOT, OUT)} matches the API's OpenAPI document`);
} else {
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(ROOT, OUT)} (${text.length} characters)`);
}

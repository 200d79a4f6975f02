#!/usr/bin/env node
// Builds the portal when its sources changed since the last build (hash in apps/portal/dist/.source-hash).
// Used by `npm start` and by the browser tests' setup; `--quiet` prints only errors.
import { ensurePortalBuilt } from './lib/common.mjs';

try {
  ensurePortalBuilt({ quiet: process.argv.includes('--quiet') });
} catch (e) {
  console.error(`✖ 门户构建失败 / the portal did not build: ${e.message}`);
  process.exit(1);
}

import fs from 'node:fs';
import path from 'node:path';
import { WORKFLOW_BUNDLER_OPTIONS } from './shared';

/**
 * The preloaded libraries are shared by every workflow of a worker thread (shared.ts). A module
 * that kept state between calls would carry one item's state into another's, and a replay could
 * then decide differently: these checks keep them stateless and free of the workflow API.
 */
const ROOT = path.resolve(__dirname, '../..');
const LIBS: Record<string, string> = {
  '@jyta/calendar-domain': 'libs/calendar/domain/src',
  '@jyta/proposal-domain': 'libs/proposal/domain/src',
};
/** Module-level values that are state only in name: the same for every workflow whatever it does. */
const ALLOWED = new Set([
  // Intl formatters by time zone, built on first use; a formatter gives every workflow the same answer.
  'libs/calendar/domain/src/civil.ts: const zoneFormats = new Map<string, Intl.DateTimeFormat>();',
  // zoneOffsetMs's answers by zone and instant (a pure function's, capped).
  'libs/calendar/domain/src/civil.ts: const offsets = new Map<string, number>();',
]);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

it('preloads exactly the pure domain libraries', () => {
  expect([...WORKFLOW_BUNDLER_OPTIONS.preloadModules].sort()).toEqual(Object.keys(LIBS).sort());
});

it.each(Object.entries(LIBS))('%s keeps no module state and does not use the workflow API', (_, dir) => {
  const found: string[] = [];
  for (const file of sources(path.join(ROOT, dir))) {
    const rel = path.relative(ROOT, file);
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const top = /^(export )?(let|var) /.test(line) || /^(export )?const \w+(: [^=]+)? = new (Map|Set|WeakMap|WeakSet)\b/.test(line);
      const readonly = /^(export )?const \w+: Readonly(Set|Map)</.test(line);
      const workflowApi = /from '(@temporalio\/|uuid)/.test(line) || /\b(Date\.now|Math\.random)\(/.test(line);
      if ((top && !readonly) || workflowApi) {
        const entry = `${rel}: ${line.trim()}`;
        if (!ALLOWED.has(entry)) found.push(entry);
      }
    }
  }
  expect(found).toEqual([]);
});

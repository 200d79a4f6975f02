/**
 * The fault harness, bounded (issue 10, item 6; `npm run chaos` is the 1,000-item version): a burst
 * through the API on the real Temporal server on PostgreSQL, while each of the worker, the API, the
 * Temporal server and PostgreSQL is killed once with SIGKILL (at points spread over the burst by
 * progress) and brought back. Then nothing is lost or doubled: tools/chaos/src/harness.ts has the
 * checks (events per item, replays with the same Idempotency-Key, projections caught up with
 * nothing skipped, the number series without gap or duplicate). The harness starts its own
 * PostgreSQL and Temporal server (they are killed), not the shared ones.
 */
import { runChaos } from './chaos/harness';

const ITEMS = 60;

it(`${ITEMS} items with one SIGKILL of each process: nothing lost, nothing doubled`, async () => {
  const lines: string[] = [];
  const report = await runChaos({
    items: ITEMS,
    concurrency: 4,
    kills: 'each-once',
    importRows: 20,
    log: (l) => {
      lines.push(l);
      if (process.env.E2E_VERBOSE) process.stderr.write(`[chaos] ${l}\n`);
    },
  });
  // The counts, for the record (kills per process, items, events checked).
  process.stdout.write(`chaos: ${JSON.stringify({ ...report, problems: report.problems.length })}\n`);
  expect(report.problems).toEqual([]);
  expect(report.kills).toEqual({ worker: 1, api: 1, temporal: 1, postgres: 1 });
  expect(report.items).toBe(ITEMS);
  // spreadsheets of 20 rows went through the bulk path meanwhile, each row registered and assigned once
  expect(report.imports).toBeGreaterThan(0);
  expect(report.importedItems).toBe(report.imports * 20);
  expect(report.eventsChecked).toBe(ITEMS * 3 + report.importedItems * 2);
  expect(report.numbersChecked).toBe(ITEMS + report.importedItems);
  expect(report.replaysChecked).toBeGreaterThan(0);
  // the kills were felt: some requests failed and were retried with their key
  expect(report.failedAttempts).toBeGreaterThan(0);
}, 40 * 60_000);

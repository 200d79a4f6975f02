/**
 * 总结工作 (Art. 12): one workflow per unit and year, id `unit-summary-<unitId>-<year>`, a thin
 * durable shell around the pure decider of art12-unit-summary, with its own stream of the same
 * name. The worker's follower of the event store signals it (signal-with-start) whenever the
 * unit's items of the year are all done; the obligation's reminder and overdue finding are timers;
 * the unit's leader submits the summary by an update whose validator refuses at once what the
 * state does not allow. It stays open after the summary (a late signal is decided as nothing).
 */
import { ApplicationFailure, condition, proxyLocalActivities, setHandler, uuid4 } from '@temporalio/workflow';
import {
  assertUnitSummaryAllowed,
  decideUnitSummary,
  DomainError,
  evolveUnitSummary,
  initialUnitSummaryState,
  nextUnitSummaryTimer,
  SYSTEM_ACTOR,
  unitSummaryStreamId,
  type Actor,
  type Policy,
  type UnitSummaryCommand,
  type UnitSummaryState,
} from '@jyta/proposal-domain';
import type { ProposalActivities } from './activity-types';
import { submitUnitSummaryUpdate, unitItemsDoneSignal, unitSummaryStateQuery, type UnitSummaryWorkflowInput } from './unit-summary.definitions';

const io = proxyLocalActivities<ProposalActivities>({
  startToCloseTimeout: '10 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '5 seconds' },
});

export async function unitSummaryWorkflow(input: UnitSummaryWorkflowInput): Promise<void> {
  const streamId = unitSummaryStreamId(input.unitId, input.year);
  let state: UnitSummaryState = { ...initialUnitSummaryState(), unitId: input.unitId, year: input.year };
  let version = 0;
  let changes = 0;
  /** The policy the obligation was taken on with (loaded once, when first owed). */
  let policy: Policy | undefined;
  let tail: Promise<unknown> = Promise.resolve();

  const run = (command: UnitSummaryCommand, actor: Actor | null, correlationId: string) => {
    const result = tail.then(async () => {
      const now = new Date(Date.now()).toISOString();
      if (!policy && command.type === 'RecordUnitItemsDone') policy = await io.loadPolicy();
      let decided;
      try {
        decided = decideUnitSummary(command, state, { now, policy });
      } catch (e) {
        throw toFailure(e);
      }
      if (!decided.length) return { version };
      const result = await io.appendEvents({
        streamId,
        expectedVersion: version,
        events: decided.map(({ occurredAt, ...e }) => ({ eventId: uuid4(), type: e.type, data: e.data, metadata: { actor, occurredAt, correlationId } })),
      });
      state = decided.reduce(evolveUnitSummary, state);
      version = result.nextVersion;
      changes++;
      return { version };
    });
    tail = result.catch(() => undefined);
    return result;
  };

  setHandler(unitItemsDoneSignal, async (d) => {
    try {
      await run({ type: 'RecordUnitItemsDone', data: { unitId: input.unitId, year: input.year, items: d.items, lastDoneAt: d.lastDoneAt } }, SYSTEM_ACTOR, `unit-items-done:${d.lastDoneAt}`);
    } catch {
      /* a refused signal changes nothing (logged by the decider's failure) */
    }
  });
  setHandler(
    submitUnitSummaryUpdate,
    (u) => run({ type: 'SubmitUnitSummary', data: { text: u.text } }, u.actor, u.correlationId) as Promise<{ version: number }>,
    {
      validator: (u) => {
        try {
          assertUnitSummaryAllowed({ type: 'SubmitUnitSummary', data: { text: u?.text } }, state);
        } catch (e) {
          throw toFailure(e);
        }
      },
    },
  );
  setHandler(unitSummaryStateQuery, () => ({ state, version }));

  // Timers: sleep until the next one or until a change re-plans.
  for (;;) {
    const seen = changes;
    const next = nextUnitSummaryTimer(state, policy);
    if (!next) {
      await condition(() => changes !== seen);
      continue;
    }
    const wait = Date.parse(next.at) - Date.now();
    if (wait > 0 && (await condition(() => changes !== seen, wait))) continue;
    try {
      await run(next.command, SYSTEM_ACTOR, `timer:${next.at}`);
    } catch {
      await condition(() => changes !== seen, '1 hour');
    }
  }
}

/** A DomainError as an ApplicationFailure whose type is the stable code (the API answers 4xx). */
function toFailure(e: unknown): ApplicationFailure {
  if (e instanceof DomainError) {
    return ApplicationFailure.create({ type: e.code, message: e.message, nonRetryable: true, details: [{ status: e.status, details: e.details ?? null }] });
  }
  if (e instanceof ApplicationFailure) return e;
  return ApplicationFailure.create({ type: 'INTERNAL_ERROR', message: e instanceof Error ? e.message : String(e), nonRetryable: true, details: [{ status: 500, details: null }] });
}

/**
 * One workflow per item (建议/提案), id `proposal-<itemId>`: a thin durable shell around the pure
 * decider. Commands arrive as Workflow Updates whose validators answer a refused step at once;
 * accepted changes are appended by an activity with event ids drawn from the workflow's
 * deterministic uuid4(), so a retried activity never writes an event twice. Deadlines are timers.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  type RetryPolicy,
  setHandler,
  sleep,
  uuid4,
} from '@temporalio/workflow';
import {
  assertAllowed,
  contextNeeds,
  decide,
  effectsOf,
  DomainError,
  evolve,
  initialState,
  nextDeadline,
  SYSTEM_ACTOR,
  type DecideContext,
  type DecidedEvent,
  type FeedbackFormRecipient,
  type ProposalCommand,
  type ProposalKind,
  type ProposalState,
  type TimerOptions,
} from '@jyta/proposal-domain';
import type { AppendEventsResult, EventToAppend, ProposalActivities } from './activity-types';
import { continueAsNewDue, foldStream, nextRunInput } from './item-lifecycle';
import {
  commandUpdates,
  forwardedCommandSignal,
  proposalWorkflowId,
  stateQuery,
  type CommandContext, type CommandEnvelope, type CommandOutcome, type ProposalWorkflowInput } from './definitions';

/** Patch ids: each marks a change of behaviour that running items must meet only going forward. */
export const PATCHES = {
  replyDeadlineTimers: 'reply-deadline-timers',
  reminders: 'reminders',
  openAfterArchive: 'open-after-archive',
  localActivities: 'local-activities',
  // Co-units' opinion deadlines (SPEC §4.2): a replayed assignment now decides an opinionDue, so
  // items assigned before must not start the timer in replay (checked: without it v2 histories fail).
  coUnitOpinions: 'co-unit-opinions',
  // Monthly progress reports (SPEC §4.3): a new timer for every handling unit.
  progressReports: 'progress-reports',
  // The feedback form's token is made by the activity (node:crypto), no longer by this workflow's
  // uuid4() (a seeded PRNG anyone could replay from the event ids): a different activity, and one
  // uuid4() draw fewer, so items that issued a form before replay the old call.
  feedbackTokenInActivity: 'feedback-token-in-activity',
  // An append no retry can fix fails the command at once (STORE_REJECTED / STORE_CONFLICT), others
  // retry on a bounded schedule (then STORE_UNAVAILABLE); either way the item's lock is released.
  // On a duplicate (a crash after the append) the workflow adopts the events the store kept.
  appendOutcomes: 'append-outcomes',
  // 重新办理 (SPEC §5): a send-back now decides RehandlingStarted (a new deadline, other timers) and
  // loads the calendar first, so items that were sent back before replay the old decision.
  rehandlingDeadlines: 'rehandling-deadlines',
  // 分别办理 (SPEC §4.1): an approved return leaves the unit's part waiting for re-assignment, and
  // the item is not archived while a part waits; items that approved a return before decide it as
  // they did (the in-memory state would otherwise differ from the stored events on replay).
  partReassignment: 'part-reassignment',
  // To whom each form went becomes an event of the item (FeedbackFormIssued, decided by the
  // domain from the activity's answer): one more append after the form's activity, which items
  // that issued forms before must not meet in replay.
  feedbackFormIssuedEvent: 'feedback-form-issued-event',
  // Bulk import (issue 10): the start input carries the item's first commands (registration, an
  // assignment of the same request), decided in order and appended in one append.
  bulkStart: 'bulk-start',
  // Long-lived items (issue 10): continue as new before the history grows large, carrying state
  // and version; an archived item with no deadline left completes, and a later command allowed
  // after archiving starts a fresh run that loads the stream first.
  continueAsNew: 'continue-as-new',
  completeAfterArchive: 'complete-after-archive',
  loadStream: 'load-stream',
  // 催办升级 and B promises (issue 9): two new kinds of timer — reminders escalated to the leader in
  // charge and the supervisors, and a category B reply's follow-up requests, which also run after
  // archiving (nextDeadline then plans them): items from before replay without either.
  obligations: 'obligations',
  // Issue 10 (throughput): a registration's number is allocated by its append, in the append's
  // transaction — one local activity instead of two; items registered before replay allocateNumber.
  numberInAppend: 'number-in-append',
  // Issue 10 (throughput): the deadline timer is kept while the next deadline stays the same. Before,
  // every command cancelled it and started it again (two more commands and history events each, and
  // a cancellation scope, a race and a dozen promises in the worker); items from before replay that.
  keepTimer: 'keep-timer',
} as const;

/**
 * One marker instead of one per patch. An item started by this code takes every patch above, and
 * marked each one in its first task: a marker and a TemporalChangeVersion search-attribute upsert
 * per patch (18 commands and history events, each upsert a visibility write at the server), for
 * every new item. Now it marks this one; an item with it in its history takes the patches listed
 * here without asking for each. Items started before ask each patch, as they did. A patch added
 * later is not in this list: it is asked for on its own (or a new umbrella replaces this one).
 */
export const BORN_WITH_PATCHES = {
  id: 'born-with-patches-to-keep-timer',
  covers: new Set<string>([
    PATCHES.replyDeadlineTimers,
    PATCHES.reminders,
    PATCHES.openAfterArchive,
    PATCHES.localActivities,
    PATCHES.coUnitOpinions,
    PATCHES.progressReports,
    PATCHES.feedbackTokenInActivity,
    PATCHES.appendOutcomes,
    PATCHES.rehandlingDeadlines,
    PATCHES.partReassignment,
    PATCHES.feedbackFormIssuedEvent,
    PATCHES.bulkStart,
    PATCHES.continueAsNew,
    PATCHES.completeAfterArchive,
    PATCHES.loadStream,
    PATCHES.obligations,
    PATCHES.numberInAppend,
    PATCHES.keepTimer,
  ]) as ReadonlySet<string>,
};

/** data.number of a ProposalRegistered decided before its append allocates the number (PATCHES.numberInAppend). */
const NUMBER_PLACEHOLDER = '\u0000number-allocated-by-the-append';

const retry: RetryPolicy = { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '5 seconds' };
/** Before the local-activities patch: every I/O step was a server round trip (~100 ms each). */
const remoteIo = proxyActivities<ProposalActivities>({ startToCloseTimeout: '10 seconds', retry });
/**
 * The item's I/O steps are short database calls: as local activities they run in the worker that
 * holds the workflow task, without a round trip through the server (a command takes ~20–40 ms
 * instead of 100–350 ms, see docs/benchmarks.md). Each is idempotent, so re-running one after a
 * crash (a local activity's result is recorded only with the workflow task) writes nothing twice.
 */
const localIo = proxyLocalActivities<ProposalActivities>({ startToCloseTimeout: '10 seconds', localRetryThreshold: '10 seconds', retry });
/**
 * The append with a bounded schedule (about 6 s of back-off over 6 attempts): an append that
 * retried for ever held the item's lock for ever (every later command timed out, no timer fired).
 */
const boundedAppend = proxyLocalActivities<ProposalActivities>({
  startToCloseTimeout: '10 seconds',
  localRetryThreshold: '10 seconds',
  retry: { ...retry, maximumAttempts: 6 },
}).appendEvents;

export async function proposalWorkflow(input: ProposalWorkflowInput): Promise<void> {
  // First, before anything else can ask for a patch: whether this item was started by code that takes them all.
  const bornWithPatches = patched(BORN_WITH_PATCHES.id);
  /** patched(), answered without a marker for the patches an item started by this code takes. */
  const taken = (id: string): boolean => (bornWithPatches && BORN_WITH_PATCHES.covers.has(id)) || patched(id);
  const streamId = `proposal-${input.proposalId}`;
  let state: ProposalState = input.carried?.state ?? initialState();
  let version = input.carried?.version ?? 0;
  /** Bumped on every change so the timer loop re-plans. */
  let changes = 0;
  const lock = new Lock();

  const nowIso = () => new Date(Date.now()).toISOString();

  /** Runs one command under the item's lock: decide → append → evolve → effects. */
  async function execute(envelope: CommandEnvelope, updateId?: string): Promise<CommandOutcome> {
    return lock.run(() => step(envelope, updateId));
  }

  /** One command, the lock already held (an effect's follow-up command runs inside its cause's step). */
  async function step(envelope: CommandEnvelope, updateId?: string): Promise<CommandOutcome> {
    const io = taken(PATCHES.localActivities) ? localIo : remoteIo;
    const appendOutcomes = taken(PATCHES.appendOutcomes);
    let command = envelope.command;
    const now = nowIso();
    try {
      assertAllowed(command, state, now);
    } catch (e) {
      throw toFailure(e);
    }
    const numberInAppend = command.type === 'RegisterProposal' && taken(PATCHES.numberInAppend);
    const prepared = await prepare(command, now, io, envelope.context, numberInAppend);
    command = prepared.command;
    const ctx = prepared.ctx;
    let decided: DecidedEvent[];
    try {
      decided = decide(command, state, ctx);
    } catch (e) {
      throw toFailure(e);
    }
    if (decided.length === 0) return { version, events: [], position: null };
    let result: AppendEventsResult;
    try {
      result = await (appendOutcomes ? boundedAppend : io.appendEvents)({
        streamId,
        expectedVersion: version,
        events: decided.map((event) => toAppend(event, envelope, updateId)),
        ...(prepared.number ? { number: { ...prepared.number, proposalId: input.proposalId, placeholder: NUMBER_PLACEHOLDER } } : {}),
      });
    } catch (e) {
      if (!appendOutcomes) throw e;
      throw appendFailure(e, envelope.command.type);
    }
    // After a crash between the append and the end of the task, fold what the store kept.
    // A numbered append answers what it stored (the number filled in): that is what the state folds.
    const applied = (appendOutcomes && result.duplicate) || prepared.number ? (storedEvents(result) ?? decided) : decided;
    state = applied.reduce(evolve, state);
    version = result.nextVersion;
    changes++;
    /** Events appended by the effects' follow-up commands (answered with the cause's own). */
    const followUps: CommandOutcome[] = [];
    for (const effect of effectsOf(applied, state)) {
      switch (effect.type) {
        case 'IssueFeedbackToken':
          if (taken(PATCHES.feedbackTokenInActivity)) {
            // A re-issue after a designation is keyed by the designation's event id: a retried
            // activity answers the form it already made instead of making a third token.
            const designation = effect.reissue ? result.events.find((e) => e.type === 'FeedbackRecipientDesignated')?.eventId : undefined;
            // Nothing secret comes from here: the activity makes the token and never returns it.
            const issued = await io.issueFeedbackForm({
              proposalId: input.proposalId,
              replyId: effect.replyId,
              number: state.details?.number ?? null,
              proposers: (state.details?.proposers ?? []).map((p) => ({
                name: p.name ?? null,
                username: p.username ?? null,
                phone: p.phone ?? null,
                email: p.email ?? null,
              })),
              ...(effect.designee !== undefined ? { designee: effect.designee } : {}),
              ...(designation ? { reissueKey: designation } : {}),
            });
            const { recipient } = issued;
            // A form stored before proposer_index existed (a retried old issue) names no place in the list: not recordable.
            const recordable = recipient.channel === 'account' || recipient.channel === 'none' || recipient.proposerIndex !== undefined;
            if (taken(PATCHES.feedbackFormIssuedEvent) && recordable) {
              // The domain decides the event from the activity's answer; it is appended under
              // this same lock, like every event of the item.
              const command: ProposalCommand = {
                type: 'RecordFeedbackFormIssued',
                data: { replyId: effect.replyId, recipient: recipient as FeedbackFormRecipient, ...(effect.reissue ? { reissued: true } : {}) },
              };
              try {
                followUps.push(await step({ command, actor: SYSTEM_ACTOR, correlationId: envelope.correlationId }, updateId));
              } catch (e) {
                // The form exists and its recipient is in feedback_tokens; the cause stands.
                log.error('recording the feedback form failed', { replyId: effect.replyId, error: String(e) });
              }
            }
          } else {
            await io.issueFeedbackToken({ token: uuid4(), proposalId: input.proposalId, replyId: effect.replyId, proposerUsername: effect.proposerUsername });
          }
          break;
        case 'ForwardCommand':
          await getExternalWorkflowHandle(proposalWorkflowId(effect.proposalId)).signal(forwardedCommandSignal, {
            command: effect.command,
            actor: envelope.actor,
            correlationId: envelope.correlationId,
          });
          break;
      }
    }
    const own: CommandOutcome = {
      version,
      events: result.events.map(({ eventId, type, version: v }) => ({ eventId, type, version: v })),
      position: result.events.at(-1)?.position ?? null,
    };
    return followUps.reduce(
      (acc, f) => ({ version: f.version, events: [...acc.events, ...f.events], position: f.position ?? acc.position }),
      own,
    );
  }

  /** The context the decider needs for `command` (policy, number, calendar), loaded by activities. */
  async function prepare(
    command: ProposalCommand,
    now: string,
    io: typeof localIo,
    given?: CommandContext,
    numberInAppend = false,
  ): Promise<{ command: ProposalCommand; ctx: DecideContext; number?: { year: number; kind: ProposalKind } }> {
    const flags = { rehandlingDeadlines: taken(PATCHES.rehandlingDeadlines) };
    const ctx: DecideContext = { now, ...flags };
    if (command.type === 'DecideReturn' && !taken(PATCHES.partReassignment)) ctx.withoutPartReassignment = true;
    const needs = contextNeeds(command, now, flags);
    // What the API sent with the command is used when it is what the decider asks for (the same years).
    if (needs.policy) ctx.policy = given?.policy ?? (await io.loadPolicy());
    let deferred: { year: number; kind: ProposalKind } | undefined;
    if (needs.number && command.type === 'RegisterProposal') {
      if (numberInAppend) deferred = needs.number;
      const number = deferred ? NUMBER_PLACEHOLDER : await io.allocateNumber({ proposalId: input.proposalId, ...needs.number });
      command = { ...command, data: { ...command.data, number } };
    }
    if (needs.calendar) {
      const sent = given?.calendar;
      ctx.calendar = sent && sent.fromYear === needs.calendar.fromYear && sent.toYear === needs.calendar.toYear ? sent.days : await io.loadCalendar(needs.calendar);
    }
    return { command, ctx, ...(deferred ? { number: deferred } : {}) };
  }

  /**
   * The bulk start's commands, in order, each decided against the state the ones before it
   * produced; all their events in one append. A command the domain refuses ends the batch there
   * (the API checked every row by the same rules before starting, so this is a race or a bug: logged).
   * Registration and assignment have no effects, so none are run.
   */
  async function startBatch(envelopes: CommandEnvelope[]): Promise<void> {
    let next = state;
    const events: EventToAppend[] = [];
    const decidedAll: DecidedEvent[] = [];
    for (const envelope of envelopes) {
      const now = nowIso();
      try {
        assertAllowed(envelope.command, next, now);
        const { command, ctx } = await prepare(envelope.command, now, localIo, envelope.context);
        const decided = decide(command, next, ctx);
        next = decided.reduce(evolve, next);
        decidedAll.push(...decided);
        events.push(...decided.map((event) => toAppend(event, envelope)));
      } catch (e) {
        log.error('bulk start command refused', { command: envelope.command.type, error: String(e) });
        break;
      }
    }
    if (!events.length) return;
    let result: AppendEventsResult;
    try {
      result = await boundedAppend({ streamId, expectedVersion: version, events });
    } catch (e) {
      // The item stays unregistered: the import answers the row 504, this run ends after the
      // wait for a registration below, and the same file posted later starts a fresh run.
      log.error('bulk start append failed', { error: String(e) });
      return;
    }
    state = (result.duplicate ? (storedEvents(result) ?? decidedAll) : decidedAll).reduce(evolve, state);
    version = result.nextVersion;
    changes++;
  }

  // Before any handler can run (an update-with-start's update is delivered with the first task),
  // the lock is taken for what must come first: the bulk start's commands, or loading the stream.
  let loading = false;
  if (input.start?.length && taken(PATCHES.bulkStart)) {
    void lock.run(() => startBatch(input.start!));
  } else if (input.load && !input.carried && taken(PATCHES.loadStream)) {
    loading = true;
    void lock.run(async () => {
      const stored = await localIo.loadStream({ streamId });
      state = foldStream(stored.events as DecidedEvent[]);
      version = stored.version;
      loading = false;
      changes++;
    });
  }

  for (const [type, update] of Object.entries(commandUpdates)) {
    setHandler(
      update,
      async (envelope: CommandEnvelope) => execute(envelope),
      {
        validator: (envelope: CommandEnvelope) => {
          if (envelope?.command?.type !== type) {
            throw ApplicationFailure.nonRetryable(`update ${type} carries ${envelope?.command?.type}`, 'VALIDATION_FAILED');
          }
          // While the stream loads the state is not yet the item's: the handler checks it, under the lock.
          if (loading) return;
          try {
            assertAllowed(envelope.command, state, nowIso());
          } catch (e) {
            throw toFailure(e);
          }
        },
      },
    );
  }
  setHandler(forwardedCommandSignal, async (envelope: CommandEnvelope) => {
    try {
      await execute(envelope);
    } catch (e) {
      log.warn('forwarded command refused', { command: envelope?.command?.type, error: String(e) });
    }
  });
  setHandler(stateQuery, () => ({ state, version }));

  // Started by update-with-start, so registration arrives with the first task. A start whose
  // registration was refused leaves nothing to handle: end instead of waiting forever.
  if (!(await condition(() => state.status !== 'unregistered', '10 minutes'))) {
    await condition(allHandlersFinished);
    return;
  }

  // The timer loop: sleep until the next deadline or until a command changes the plan. An
  // archived item runs no timers (nextDeadline is undefined) but its workflow stays open: the
  // disclosure of its replies (Art. 20, ChooseDisclosure) usually comes after archiving and is
  // appended through the workflow like every other command. Items that archived under the old
  // code ended here; patched() keeps their histories replaying as they were.
  /** The deadline timer that is running (PATCHES.keepTimer): set for `at`, kept while `at` stays the next deadline. */
  let timer: { at: string; fired: boolean; scope: CancellationScope } | undefined;
  const setTimer = (at: string, wait: number) => {
    const t = { at, fired: false, scope: new CancellationScope() };
    // A cancelled timer rejects: that is how a re-planned deadline drops it.
    t.scope.run(() => sleep(wait)).then(
      () => {
        t.fired = true;
      },
      () => undefined,
    );
    timer = t;
  };
  const clearTimer = () => {
    timer?.scope.cancel();
    timer = undefined;
  };
  const keepTimer = taken(PATCHES.keepTimer);

  while (state.status !== 'archived' || taken(PATCHES.openAfterArchive)) {
    const seen = changes;
    // Checked only when Temporal (or the limit) asks for it, so older histories never meet the patch.
    if (continueAsNewDue(input) && taken(PATCHES.continueAsNew)) {
      // Nothing may be lost: every running handler ends here (an update arriving meanwhile is
      // handled by this run, or retried by the server on the next one).
      await condition(allHandlersFinished);
      await continueAsNew<typeof proposalWorkflow>(nextRunInput(input, state, version));
    }
    const due = () => changes !== seen || continueAsNewDue(input);
    // Items started before reply-deadline timers existed replay their history without them and
    // take them up once they run live again (workflow versioning by patching; see the replay test).
    const next = nextDeadline(state, timerOptions(taken));
    if (!next) {
      clearTimer();
      if (state.status === 'archived' && taken(PATCHES.completeAfterArchive)) {
        // Nothing left to wait for: the run completes once no handler runs (a command allowed
        // after archiving starts a fresh run that loads the stream).
        await condition(() => due() || allHandlersFinished());
        if (due()) continue;
        return;
      }
      await condition(due);
      continue;
    }
    const wait = Date.parse(next.at) - Date.now();
    if (!keepTimer) {
      if (wait > 0 && (await condition(due, wait))) continue;
    } else if (wait > 0) {
      if (timer?.at !== next.at) {
        clearTimer();
        setTimer(next.at, wait);
      }
      const t = timer!;
      await condition(() => due() || t.fired);
      // A change re-plans: the same next deadline keeps this timer, another one replaces it.
      if (!t.fired) continue;
      timer = undefined;
      if (changes !== seen) continue;
    } else {
      clearTimer();
    }
    try {
      await execute({ command: next.command as ProposalCommand, actor: SYSTEM_ACTOR, correlationId: `timer:${next.at}` });
    } catch (e) {
      // A refused timer command is a bug, not a reason to end the item: log it, and try again
      // after the next change or in an hour (a fixed worker picks it up).
      log.error('timer command failed', { command: next.command.type, error: String(e) });
      await condition(() => changes !== seen, '1 hour');
    }
  }
  await condition(allHandlersFinished);
}

/**
 * Each kind of timer came with a patch: an item whose history predates it replays without it and
 * takes it up once it runs live. Called in this order every time (new kinds go last).
 */
function timerOptions(taken: (id: string) => boolean): Required<TimerOptions> {
  return {
    replyDeadlines: taken(PATCHES.replyDeadlineTimers),
    reminders: taken(PATCHES.reminders),
    coUnitOpinions: taken(PATCHES.coUnitOpinions),
    progressReports: taken(PATCHES.progressReports),
    escalation: taken(PATCHES.obligations),
    promiseFollowUps: taken(PATCHES.obligations),
  };
}

/**
 * A DomainError becomes an ApplicationFailure whose type is the stable code, so the API can answer
 * 4xx. Anything else thrown by the pure code is a bug: it fails the update (500) rather than the
 * workflow task, which would leave the caller waiting and the item stuck.
 */
function toFailure(e: unknown): ApplicationFailure {
  if (e instanceof DomainError) {
    return ApplicationFailure.create({
      type: e.code,
      message: e.message,
      nonRetryable: true,
      details: [{ status: e.status, details: e.details ?? null }],
    });
  }
  if (e instanceof ApplicationFailure) return e;
  log.error('internal error in a command', { error: String(e), stack: e instanceof Error ? e.stack : undefined });
  return ApplicationFailure.create({
    type: 'INTERNAL_ERROR',
    message: e instanceof Error ? e.message : String(e),
    nonRetryable: true,
    details: [{ status: 500, details: null }],
  });
}

/** A decided event as the append writes it; the event id comes from the workflow's replayable uuid4(). */
function toAppend({ occurredAt, ...event }: DecidedEvent, envelope: CommandEnvelope, updateId?: string): EventToAppend {
  return {
    eventId: uuid4(),
    type: event.type,
    data: event.data,
    metadata: { actor: envelope.actor, occurredAt, correlationId: envelope.correlationId, causationId: updateId },
  };
}

/**
 * The events a duplicate append found stored (written by an attempt whose workflow task was lost
 * in a crash), as the decider's events: the state must fold what the stream holds, not what this
 * attempt decided again with a later clock. undefined if the activity did not send them back.
 */
function storedEvents(result: AppendEventsResult): DecidedEvent[] | undefined {
  if (!result.events?.length || result.events.some((e) => e.data === undefined || typeof e.occurredAt !== 'string')) return undefined;
  return result.events.map((e) => ({ type: e.type, data: e.data, occurredAt: e.occurredAt }) as DecidedEvent);
}

const STORE_MESSAGES: Record<string, string> = {
  STORE_REJECTED: '该操作的数据无法保存，操作未执行；该件可继续办理。如持续出现请联系系统管理员',
  STORE_CONFLICT: '该件的存储记录与办理流程不一致，操作未执行；请联系系统管理员',
  STORE_UNAVAILABLE: '数据存储暂时不可用，操作未执行；请稍后重试',
};

/**
 * A failed append as the command's failure. The activity marks what no retry can fix
 * (STORE_REJECTED, STORE_CONFLICT, non-retryable); anything else failed after the bounded retries:
 * STORE_UNAVAILABLE (503). The cause goes to the log, not to the caller.
 */
function appendFailure(e: unknown, commandType: string): ApplicationFailure {
  const cause = e instanceof ActivityFailure ? e.cause : e;
  const type = cause instanceof ApplicationFailure && cause.type && Object.hasOwn(STORE_MESSAGES, cause.type) ? cause.type : 'STORE_UNAVAILABLE';
  log.error('append failed', { command: commandType, code: type, error: String(cause), stack: cause instanceof Error ? cause.stack : undefined });
  return ApplicationFailure.create({
    type,
    message: STORE_MESSAGES[type],
    nonRetryable: true,
    details: [{ status: type === 'STORE_UNAVAILABLE' ? 503 : 500, details: null }],
  });
}

/** Serialises commands on one item: handlers are async and would otherwise interleave. */
class Lock {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

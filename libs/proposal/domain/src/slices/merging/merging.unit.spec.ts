import {
  assertMergeRequest,
  contextNeeds,
  decide,
  effectsOf,
  evolve,
  initialState,
  nextDeadline,
  refOf,
  type DecidedEvent,
  type ProposalCommand,
  type ProposalKind,
  type ProposalLevel,
  type ProposalState,
} from '../../index';
import { ctx, NOW, refusal, registerWith } from '../../../test/given';

// given / when / then for 并案办理: items merged into a main item (主件), handled once, each keeping
// its own reply, feedback form (Art. 10, 11) and archive (Art. 17). Forwarded commands between the
// items are delivered at once, as the workflows' signals would.

const A = 'a0000000-0000-4000-8000-00000000000a'; // main item, deputy-1
const B = 'b0000000-0000-4000-8000-00000000000b'; // deputy-2
const C = 'c0000000-0000-4000-8000-00000000000c'; // deputy-3
const M = 'd0000000-0000-4000-8000-00000000000d'; // a CPPCC proposal, member-1

/** Several items and the effects between them. */
class World {
  states = new Map<string, ProposalState>();
  tokens: { proposalId: string; replyId: string; proposerUsername: string | null }[] = [];
  forwarded: { to: string; type: string }[] = [];

  state(id: string) {
    return this.states.get(id) ?? initialState();
  }

  /** Decides on item `id`, stores, carries out the effects; returns the item's events. */
  run(id: string, command: ProposalCommand, now = NOW): DecidedEvent[] {
    const before = this.state(id);
    const events = decide(command, before, { ...ctx, now });
    const after = events.reduce(evolve, before);
    this.states.set(id, after);
    for (const effect of effectsOf(events, after)) {
      if (effect.type === 'IssueFeedbackToken') this.tokens.push({ proposalId: id, replyId: effect.replyId, proposerUsername: effect.proposerUsername });
      else {
        this.forwarded.push({ to: effect.proposalId, type: effect.command.type });
        this.run(effect.proposalId, effect.command, now);
      }
    }
    return events;
  }

  types(id: string, command: ProposalCommand, now = NOW) {
    return this.run(id, command, now).map((e) => e.type);
  }

  register(id: string, username: string, kind: ProposalKind = 'npc_suggestion', level: ProposalLevel = 'municipal', number = `2026-建议-${id.slice(0, 4)}`) {
    this.run(id, registerWith({ proposalId: id, number, kind, level, title: `关于老旧小区加装电梯的建议（${username}）`, proposers: [{ name: username, username }] }));
  }

  /** What the API does: every item is merged into the main item, then the main item takes them. */
  merge(main: string, ...ids: string[]) {
    const m = this.state(main).details!;
    for (const id of ids) this.run(id, { type: 'MergeIntoProposal', data: { mainProposalId: main, mainNumber: m.number, mainKind: m.kind, mainLevel: m.level } });
    this.run(main, { type: 'AcceptMergedProposals', data: { items: ids.map((id) => refOf(id, this.state(id))) } });
  }

  tokensOf(id: string) {
    return this.tokens.filter((t) => t.proposalId === id);
  }
}

const assign = (unitIds = ['cjj']): ProposalCommand =>
  unitIds.length > 1
    ? { type: 'AssignProposal', data: { mode: 'separate', leadUnitIds: unitIds, assignedOn: '2026-11-20' } }
    : { type: 'AssignProposal', data: { mode: 'single', leadUnitIds: unitIds, assignedOn: '2026-11-20' } };
const sign = (unitId = 'cjj'): ProposalCommand => ({ type: 'SignReceipt', data: { unitId } });
const replyAndSend = (replyId: string, unitId = 'cjj'): ProposalCommand[] => [
  { type: 'DraftReply', data: { replyId, unitId, category: 'B', body: '已列入明年计划' } },
  { type: 'ReviewReply', data: { replyId, stage: 'unit_leader', approve: true } },
  { type: 'ReviewReply', data: { replyId, stage: 'office', approve: true } },
  { type: 'SendReply', data: { replyId } },
];
const feedback = (replyId: string, sendBack = false, result: 'satisfied' | 'dissatisfied' = sendBack ? 'dissatisfied' : 'satisfied'): ProposalCommand => ({
  type: 'SubmitFeedback',
  data: { replyId, attitude: 'satisfied', result, contact: 'face_to_face', sendBack },
});
const copyOf = (replyId: string, item: string) => `${replyId}.${item}`;

/** A, B, C from three NPC deputies, B and C merged into A, A assigned to cjj and signed for. */
function mergedAndAssigned(units = ['cjj']) {
  const w = new World();
  w.register(A, 'deputy-1');
  w.register(B, 'deputy-2');
  w.register(C, 'deputy-3');
  w.merge(A, B, C);
  w.run(A, assign(units));
  for (const u of units) w.run(A, sign(u));
  return w;
}
const sendAll = (w: World, replyId: string, unitId = 'cjj') => {
  let last: DecidedEvent[] = [];
  for (const c of replyAndSend(replyId, unitId)) last = w.run(A, c);
  return last;
};

describe('并案办理: merging (before assignment)', () => {
  it('merged items follow the main item (status merged); the main item lists them', () => {
    const w = new World();
    w.register(A, 'deputy-1');
    w.register(B, 'deputy-2');
    w.register(C, 'deputy-3');
    w.merge(A, B, C);
    expect(w.state(B)).toMatchObject({ status: 'merged', mergedInto: { proposalId: A, number: w.state(A).details!.number } });
    expect(w.state(A).status).toBe('registered');
    expect(w.state(A).mergedItems!.map((m) => [m.proposalId, m.number, m.status])).toEqual([
      [B, w.state(B).details!.number, 'merged'],
      [C, w.state(C).details!.number, 'merged'],
    ]);
  });

  it('a merged item takes no step of its own handling: assignment, receipt, drafting refused naming the main item (MERGED_INTO_OTHER)', () => {
    const w = mergedAndAssigned();
    for (const c of [assign(), sign(), replyAndSend('x')[0]]) {
      expect(refusal(() => w.run(B, c))).toEqual({ code: 'MERGED_INTO_OTHER', status: 409, details: { mainProposalId: A, mainNumber: w.state(A).details!.number } });
    }
  });

  it('refuses an item already assigned, archived or merged, a main item already assigned, and itself', () => {
    const w = new World();
    for (const [id, u] of [[A, 'deputy-1'], [B, 'deputy-2'], [C, 'deputy-3']]) w.register(id, u);
    const main = { proposalId: A, state: w.state(A) };
    w.run(B, assign());
    expect(refusal(() => assertMergeRequest(main, [{ proposalId: B, state: w.state(B) }, { proposalId: C, state: w.state(C) }]))).toMatchObject({
      code: 'ALREADY_ASSIGNED',
      status: 409,
      details: { itemId: B, number: w.state(B).details!.number },
    });
    expect(refusal(() => assertMergeRequest({ proposalId: B, state: w.state(B) }, [{ proposalId: C, state: w.state(C) }]))).toMatchObject({
      code: 'ALREADY_ASSIGNED',
      details: { itemId: B },
    });
    expect(refusal(() => assertMergeRequest(main, [{ proposalId: A, state: w.state(A) }]))).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(refusal(() => assertMergeRequest(main, [{ proposalId: C, state: w.state(C) }, { proposalId: C, state: w.state(C) }]))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const archived = { ...w.state(C), status: 'archived' as const };
    expect(refusal(() => assertMergeRequest(main, [{ proposalId: C, state: archived }]))).toMatchObject({ code: 'ARCHIVED', details: { itemId: C } });
    w.merge(A, C);
    // Already merged: neither into another main item, nor may the main item itself be merged.
    w.register(M, 'deputy-4');
    expect(refusal(() => assertMergeRequest({ proposalId: M, state: w.state(M) }, [{ proposalId: C, state: w.state(C) }]))).toMatchObject({
      code: 'MERGED_INTO_OTHER',
      details: { itemId: C },
    });
    expect(refusal(() => assertMergeRequest({ proposalId: M, state: w.state(M) }, [{ proposalId: A, state: w.state(A) }]))).toMatchObject({
      code: 'HAS_MERGED_ITEMS',
      details: { itemId: A },
    });
  });

  it('NPC suggestions only with NPC suggestions, CPPCC proposals and recommendations only with each other; municipal items only', () => {
    const w = new World();
    w.register(A, 'deputy-1');
    w.register(M, 'member-1', 'cppcc_proposal');
    w.register(B, 'member-2', 'cppcc_recommendation');
    w.register(C, 'deputy-3', 'npc_suggestion', 'provincial');
    const item = (id: string) => ({ proposalId: id, state: w.state(id) });
    expect(refusal(() => assertMergeRequest(item(A), [item(M)]))).toMatchObject({ code: 'MERGE_CHAMBER_MISMATCH', status: 409, details: { itemId: M } });
    expect(refusal(() => w.run(M, { type: 'MergeIntoProposal', data: { mainProposalId: A, mainNumber: 'x', mainKind: 'npc_suggestion', mainLevel: 'municipal' } }))).toMatchObject({
      code: 'MERGE_CHAMBER_MISMATCH',
    });
    expect(refusal(() => assertMergeRequest(item(A), [item(C)]))).toMatchObject({ code: 'MERGE_NOT_MUNICIPAL', details: { itemId: C } });
    expect(() => assertMergeRequest(item(M), [item(B)])).not.toThrow();
  });

  it('the main item cannot take items once assigned', () => {
    const w = new World();
    w.register(A, 'deputy-1');
    w.register(B, 'deputy-2');
    w.run(A, assign());
    expect(refusal(() => w.run(A, { type: 'AcceptMergedProposals', data: { items: [refOf(B, w.state(B))] } }))).toMatchObject({ code: 'ALREADY_ASSIGNED' });
  });
});

describe('并案办理: one handling, each item its own reply and form (Art. 10, 11)', () => {
  it('the reply sent on the main item is copied to every merged item, each with its own form for its own proposer', () => {
    const w = mergedAndAssigned();
    expect(sendAll(w, 'r1').map((e) => e.type)).toEqual(['ReplySent', 'ReplyCopiedToMergedItems']);
    expect(w.forwarded).toEqual([
      { to: B, type: 'ReceiveMergedReply' },
      { to: C, type: 'ReceiveMergedReply' },
    ]);
    expect(w.tokens).toEqual([
      { proposalId: A, replyId: 'r1', proposerUsername: 'deputy-1' },
      { proposalId: B, replyId: copyOf('r1', B), proposerUsername: 'deputy-2' },
      { proposalId: C, replyId: copyOf('r1', C), proposerUsername: 'deputy-3' },
    ]);
    const copy = w.state(B).replies![0];
    expect(copy).toMatchObject({
      replyId: copyOf('r1', B),
      unitId: 'cjj',
      round: 1,
      category: 'B',
      status: 'sent',
      sentAt: NOW,
      feedbackDueAt: '2026-12-23T16:00:00.000Z',
      merging: { from: { proposalId: A, replyId: 'r1' }, answeringUnitIds: ['cjj'] },
    });
    // Its own feedback timer.
    expect(nextDeadline(w.state(B))).toEqual({ at: copy.feedbackDueAt, command: { type: 'RecordMissingFeedback', data: { replyId: copy.replyId } } });
  });

  it('the copy\'s feedback deadline needs the calendar', () => {
    const c: ProposalCommand = {
      type: 'ReceiveMergedReply',
      data: { mainProposalId: A, mainNumber: 'x', replyId: 'r1', unitId: 'cjj', round: 1, category: 'A', body: 'x', cc: [], sentAt: '2026-12-31T17:00:00.000Z', answeringUnitIds: ['cjj'] },
    };
    expect(contextNeeds(c, NOW)).toEqual({ calendar: { fromYear: 2027, toYear: 2028 } });
  });

  it('a copy delivered twice is kept once', () => {
    const w = mergedAndAssigned();
    sendAll(w, 'r1');
    const r = w.state(A).replies![0];
    const again: ProposalCommand = {
      type: 'ReceiveMergedReply',
      data: { mainProposalId: A, mainNumber: 'x', replyId: 'r1', unitId: 'cjj', round: 1, category: 'B', body: r.body, cc: r.cc, sentAt: NOW, answeringUnitIds: ['cjj'] },
    };
    expect(w.run(B, again)).toEqual([]);
  });

  it('Art. 11/17: satisfied merged items archive on their own; the main item archives when it and every merged item are done', () => {
    const w = mergedAndAssigned();
    sendAll(w, 'r1');
    expect(w.types(A, feedback('r1'))).toEqual(['FeedbackReceived']); // B and C still open
    expect(w.state(A).units[0].status).toBe('done');
    expect(w.types(B, feedback(copyOf('r1', B)))).toEqual(['FeedbackReceived', 'ProposalArchived']);
    expect(w.state(A).mergedItems!.map((m) => m.status)).toEqual(['done', 'merged']);
    expect(w.state(A).status).toBe('assigned');
    w.run(C, feedback(copyOf('r1', C), false, 'dissatisfied')); // dissatisfied without sending back: done
    expect(w.state(C).status).toBe('archived');
    expect(w.state(A).status).toBe('archived');
    expect(w.state(B).replies![0].feedback).toMatchObject({ result: 'satisfied' });
    expect(w.state(C).replies![0].feedback).toMatchObject({ result: 'dissatisfied', sendBack: false });
  });

  it('Art. 10: a merged item sends its copy back: the unit handles it again and the next reply goes to the merged items not yet done only', () => {
    const w = mergedAndAssigned();
    sendAll(w, 'r1');
    w.run(A, feedback('r1'));
    w.run(C, feedback(copyOf('r1', C)));
    expect(w.types(B, feedback(copyOf('r1', B), true))).toEqual(['FeedbackReceived']);
    expect(w.forwarded.at(-1)).toEqual({ to: A, type: 'ReopenForMergedItem' });
    expect(w.state(A).units[0].status).toBe('handling');
    // The re-handling runs against its own deadline, from the merged item's send-back (SPEC §5).
    expect(w.state(A).units[0]).toMatchObject({ rehandling: { round: 2, startedAt: NOW, replyId: 'r1' }, replyDue: { lastDay: '2026-12-23' } });
    expect(w.state(A).units[0].pastRounds).toHaveLength(1);
    expect(w.state(A).mergedItems!.find((m) => m.proposalId === B)).toMatchObject({ status: 'merged', awaitingUnits: ['cjj'] });
    expect(w.state(B).status).toBe('merged');
    // A new round; deputy-1 (satisfied) gets no second form, nor does deputy-3 (done).
    const tokensBefore = w.tokens.length;
    expect(sendAll(w, 'r2').map((e) => e.type)).toEqual(['ReplyCopiedToMergedItems']);
    const r2 = w.state(A).replies!.find((r) => r.replyId === 'r2')!;
    expect(r2).toMatchObject({ round: 2, status: 'closed', merging: { copiedTo: [B], forMergedItemsOnly: true } });
    expect(w.tokens.slice(tokensBefore)).toEqual([{ proposalId: B, replyId: copyOf('r2', B), proposerUsername: 'deputy-2' }]);
    expect(w.state(C).replies).toHaveLength(1);
    expect(w.state(A).units[0].status).toBe('done');
    expect(w.state(A).status).toBe('assigned');
    // Satisfied on the second reply: B and then A are archived.
    expect(w.types(B, feedback(copyOf('r2', B)))).toEqual(['FeedbackReceived', 'ProposalArchived']);
    expect(w.state(A).status).toBe('archived');
    expect(w.state(B).replies!.map((r) => [r.round, r.status, r.sentBack])).toEqual([
      [1, 'closed', true],
      [2, 'closed', false],
    ]);
  });

  it('sent back by a merged item while the main item\'s proposer has not answered: the unit handles it again once they do', () => {
    const w = mergedAndAssigned();
    sendAll(w, 'r1');
    w.run(B, feedback(copyOf('r1', B), true));
    expect(w.state(A).units[0].status).toBe('replied');
    const events = w.run(A, feedback('r1'));
    // The re-handling opens now, with its own reply deadline (SPEC §5).
    expect(events.map((e) => e.type)).toEqual(['FeedbackReceived', 'MergedItemReopened', 'RehandlingStarted']);
    expect(events[1].data).toEqual({ mergedProposalIds: [B], replyId: 'r1', unitId: 'cjj', handlingAgain: true });
    expect(events[2].data).toMatchObject({ unitId: 'cjj', round: 2, replyId: 'r1' });
    expect(w.state(A).units[0].status).toBe('handling');
    // C has not answered r1 yet: the new reply goes to it too and replaces its open copy.
    expect(sendAll(w, 'r2').map((e) => e.type)).toEqual(['ReplyCopiedToMergedItems']);
    expect(w.state(C).replies!.map((r) => [r.replyId, r.status, !!r.merging?.supersededAt])).toEqual([
      [copyOf('r1', C), 'closed', true],
      [copyOf('r2', C), 'sent', false],
    ]);
  });

  it('sent back by the main item\'s own proposer: the next reply is theirs again (ReplySent) and is copied to the merged items not yet done', () => {
    const w = mergedAndAssigned();
    sendAll(w, 'r1');
    w.run(B, feedback(copyOf('r1', B)));
    w.run(A, feedback('r1', true));
    expect(sendAll(w, 'r2').map((e) => e.type)).toEqual(['ReplySent', 'ReplyCopiedToMergedItems']);
    expect(w.state(A).replies!.find((r) => r.replyId === 'r2')).toMatchObject({ round: 2, status: 'sent', merging: { copiedTo: [C] } });
    expect(w.tokens.at(-2)).toEqual({ proposalId: A, replyId: 'r2', proposerUsername: 'deputy-1' });
  });

  it('Art. 11: no answer on a copy is "no feedback" for that item, which is done', () => {
    const w = mergedAndAssigned();
    sendAll(w, 'r1');
    w.run(A, feedback('r1'));
    w.run(C, feedback(copyOf('r1', C)));
    const next = nextDeadline(w.state(B))!;
    expect(w.run(B, next.command, '2027-01-05T00:00:00.000Z').map((e) => [e.type, e.occurredAt])).toEqual([
      ['FeedbackMissing', next.at],
      ['ProposalArchived', next.at],
    ]);
    expect(w.state(B).replies![0]).toMatchObject({ feedbackMissingAt: next.at });
    expect(w.state(A).status).toBe('archived');
  });

  it('separate handling: a merged item is done only when the reply of every answering unit is answered', () => {
    const w = mergedAndAssigned(['cjj', 'sthjj']);
    sendAll(w, 'r1', 'cjj');
    expect(w.types(B, feedback(copyOf('r1', B)))).toEqual(['FeedbackReceived']);
    sendAll(w, 's1', 'sthjj');
    expect(w.types(B, feedback(copyOf('s1', B)))).toEqual(['FeedbackReceived', 'ProposalArchived']);
  });
});

describe('并案办理: splitting', () => {
  it('an item split off returns to registered and is assigned on its own, keeping its copies; open copies close', () => {
    const w = mergedAndAssigned();
    sendAll(w, 'r1');
    expect(w.types(A, { type: 'SplitMergedProposal', data: { proposalId: B } })).toEqual(['MergedProposalSplit']);
    expect(w.types(B, { type: 'SplitFromProposal', data: { mainProposalId: A } })).toEqual(['ProposalSplitOff']);
    expect(w.state(B)).toMatchObject({ status: 'registered', mergedInto: undefined });
    expect(w.state(B).replies!.map((r) => [r.status, !!r.merging?.splitAt])).toEqual([['closed', true]]);
    expect(nextDeadline(w.state(B))).toBeUndefined();
    expect(w.types(B, assign(['jtj']))).toEqual(['ProposalAssigned']);
    // The main item no longer waits for it, nor copies to it.
    expect(w.state(A).mergedItems!.find((m) => m.proposalId === B)!.status).toBe('split');
    expect(refusal(() => w.run(B, { type: 'ReceiveMergedReply', data: { mainProposalId: A, mainNumber: 'x', replyId: 'r9', unitId: 'cjj', round: 1, category: 'A', body: 'x', cc: [], sentAt: NOW, answeringUnitIds: [] } }))).toMatchObject({
      code: 'NOT_MERGED',
    });
  });

  it('splitting the last open item of a main item whose units are done archives the main item', () => {
    const w = mergedAndAssigned();
    sendAll(w, 'r1');
    w.run(A, feedback('r1'));
    w.run(C, feedback(copyOf('r1', C)));
    expect(w.types(A, { type: 'SplitMergedProposal', data: { proposalId: B } })).toEqual(['MergedProposalSplit', 'ProposalArchived']);
  });

  it('refuses a split of an item done or not merged into this one', () => {
    const w = mergedAndAssigned();
    sendAll(w, 'r1');
    w.run(C, feedback(copyOf('r1', C)));
    expect(refusal(() => w.run(A, { type: 'SplitMergedProposal', data: { proposalId: C } }))).toMatchObject({ code: 'MERGED_ITEM_DONE', status: 409 });
    expect(refusal(() => w.run(C, { type: 'SplitFromProposal', data: { mainProposalId: A } }))).toMatchObject({ code: 'ARCHIVED' });
    expect(refusal(() => w.run(A, { type: 'SplitMergedProposal', data: { proposalId: M } }))).toMatchObject({ code: 'NOT_MERGED' });
    expect(refusal(() => w.run(B, { type: 'SplitFromProposal', data: { mainProposalId: M } }))).toMatchObject({ code: 'NOT_MERGED' });
  });

  it('forwarded commands: refused from an item never merged here, ignored from one split off meanwhile', () => {
    const w = mergedAndAssigned();
    sendAll(w, 'r1');
    expect(refusal(() => w.run(A, { type: 'MergedItemDone', data: { mergedProposalId: M } }))).toMatchObject({ code: 'NOT_MERGED' });
    expect(refusal(() => w.run(A, { type: 'ReopenForMergedItem', data: { mergedProposalId: M, replyId: 'r1', unitId: 'cjj' } }))).toMatchObject({ code: 'NOT_MERGED' });
    w.run(A, { type: 'SplitMergedProposal', data: { proposalId: B } });
    expect(w.run(A, { type: 'ReopenForMergedItem', data: { mergedProposalId: B, replyId: 'r1', unitId: 'cjj' } })).toEqual([]);
    expect(w.run(A, { type: 'MergedItemDone', data: { mergedProposalId: B } })).toEqual([]);
  });

  it('an item split off and merged again is listed once', () => {
    const w = new World();
    w.register(A, 'deputy-1');
    w.register(B, 'deputy-2');
    w.merge(A, B);
    w.run(A, { type: 'SplitMergedProposal', data: { proposalId: B } });
    w.run(B, { type: 'SplitFromProposal', data: { mainProposalId: A } });
    w.merge(A, B);
    expect(w.state(A).mergedItems!.map((m) => [m.proposalId, m.status])).toEqual([[B, 'merged']]);
  });
});

import { decide, DEFAULT_POLICY, DomainError, evolve, initialState, type ProposalCommand, type ProposalState } from '@jyta/proposal-domain';
import { newProgress, runItemSteps, type ItemStepsInput, type OperationProgress } from '@jyta/workflows';
import type { AuthUser } from '../auth/auth-user';
import { AppException } from '../common/app-exception';
import type { OperationsService } from '../operations/operations.service';
import { MergingCommands } from './merging-commands.service';
import type { LoadedItem, ProposalQueries } from './proposal-queries.service';

// 并案办理 orchestration: all or nothing across the items' workflows, undone when one refuses midway.
// The operation's step runner is the one its workflow runs (runItemSteps); the items' workflows
// are stood in for by the pure decider (the e2e spec runs the real ones).

const A = 'a0000000-0000-4000-8000-00000000000a';
const B = 'b0000000-0000-4000-8000-00000000000b';
const C = 'c0000000-0000-4000-8000-00000000000c';
const now = '2026-03-02T02:00:00.000Z';
const office = { id: 'u-office', username: 'office', role: 'office', unitId: null } as unknown as AuthUser;
const meta = { correlationId: 'req-1' };

function setup(refuse: (id: string, c: ProposalCommand) => boolean = () => false) {
  const states = new Map<string, ProposalState>();
  const run = (id: string, c: ProposalCommand) =>
    states.set(id, decide(c, states.get(id) ?? initialState(), { now, policy: DEFAULT_POLICY }).reduce(evolve, states.get(id) ?? initialState()));
  for (const [id, n] of [[A, 1], [B, 2], [C, 3]] as const) {
    run(id, {
      type: 'RegisterProposal',
      data: { proposalId: id, number: `2026-建议-000${n}`, kind: 'npc_suggestion', level: 'municipal', sessionYear: 2026, period: 'plenary', title: 't', content: 'c', proposers: [{ name: 'p' }] },
    });
  }
  const sent: [string, string][] = [];
  const queries = {
    load: async (id: string): Promise<LoadedItem> => ({ id, state: states.get(id)!, version: 1, events: [] }),
    detailOf: async (item: LoadedItem) => ({ id: item.id, status: item.state.status }),
  } as unknown as ProposalQueries;
  const results = new Map<string, OperationProgress>();
  const operations = {
    waitMs: 0,
    idFor: (kind: string) => `${kind}-${results.size}`,
    start: async (id: string, _type: string, [input]: [ItemStepsInput]) => {
      const progress = newProgress(input.kind, input.steps.length, now);
      await runItemSteps(input, progress, async (pid: string, c: ProposalCommand) => {
        sent.push([pid, c.type]);
        if (refuse(pid, c)) return { ok: false, refusal: { code: 'ALREADY_ASSIGNED', status: 409, message: '该件已交办' } };
        run(pid, c);
        return { ok: true, outcome: { version: 1, events: [{ eventId: 'e', type: 'X', version: 1 }], position: null } };
      }, () => now);
      results.set(id, progress);
      return id;
    },
    waitBriefly: async (id: string) => ({ id, ...results.get(id)! }),
  } as unknown as OperationsService;
  return { service: new MergingCommands(queries, operations), sent, states, run };
}

describe('MergingCommands (并案办理)', () => {
  it('merges each item, then the main item takes them', async () => {
    const { service, sent, states } = setup();
    await service.merge(A, { itemIds: [B, C] }, office, meta);
    expect(sent).toEqual([
      [B, 'MergeIntoProposal'],
      [C, 'MergeIntoProposal'],
      [A, 'AcceptMergedProposals'],
    ]);
    expect(states.get(A)!.mergedItems!.map((m) => m.proposalId)).toEqual([B, C]);
  });

  it('an item refusing midway (a race): the items merged so far are split back, and the answer names the item', async () => {
    const { service, sent, states } = setup((id, c) => id === C && c.type === 'MergeIntoProposal');
    const e = await service.merge(A, { itemIds: [B, C] }, office, meta).catch((x) => x);
    expect(e).toBeInstanceOf(AppException);
    expect(e.getStatus()).toBe(409);
    expect(e.getResponse()).toMatchObject({ code: 'ALREADY_ASSIGNED', details: { itemId: C, number: '2026-建议-0003' } });
    expect(sent).toEqual([
      [B, 'MergeIntoProposal'],
      [C, 'MergeIntoProposal'],
      [B, 'SplitFromProposal'],
    ]);
    expect(states.get(B)!.status).toBe('registered');
  });

  it('the main item refusing: every item is split back', async () => {
    const { service, sent, states } = setup((id, c) => id === A && c.type === 'AcceptMergedProposals');
    const e = await service.merge(A, { itemIds: [B, C] }, office, meta).catch((x) => x);
    expect(e.getResponse()).toMatchObject({ code: 'ALREADY_ASSIGNED', details: { itemId: A } });
    expect(sent.slice(3)).toEqual([
      [B, 'SplitFromProposal'],
      [C, 'SplitFromProposal'],
    ]);
    expect([states.get(B)!.status, states.get(C)!.status]).toEqual(['registered', 'registered']);
  });

  it('a retry of a merge done changes nothing; one cut short before the main item finishes it', async () => {
    const done = setup();
    await done.service.merge(A, { itemIds: [B] }, office, meta);
    await done.service.merge(A, { itemIds: [B] }, office, meta);
    expect(done.sent).toEqual([
      [B, 'MergeIntoProposal'],
      [A, 'AcceptMergedProposals'],
    ]);
    const cut = setup();
    cut.run(B, { type: 'MergeIntoProposal', data: { mainProposalId: A, mainNumber: '2026-建议-0001', mainKind: 'npc_suggestion', mainLevel: 'municipal' } });
    await cut.service.merge(A, { itemIds: [B, C] }, office, meta);
    expect(cut.sent).toEqual([
      [C, 'MergeIntoProposal'],
      [A, 'AcceptMergedProposals'],
    ]);
    expect(cut.states.get(A)!.mergedItems!.map((m) => m.proposalId)).toEqual([B, C]);
  });

  it('checks everything before changing anything', async () => {
    const { service, sent, states } = setup();
    states.set(C, { ...states.get(C)!, status: 'assigned' });
    const e = await service.merge(A, { itemIds: [B, C] }, office, meta).catch((x) => x);
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ code: 'ALREADY_ASSIGNED', details: { itemId: C } });
    expect(sent).toEqual([]);
  });
});

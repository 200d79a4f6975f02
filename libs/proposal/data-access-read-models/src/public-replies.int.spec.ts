import { randomUUID } from 'node:crypto';
import { withFreshDatabase } from '@jyta/db/src/testing';
import { eventStoreMigrations, PostgresEventStore, ProjectionRunner, type NewEvent } from '@jyta/event-store';
import { DEFAULT_POLICY } from '@jyta/proposal-domain';
import { readModelMigrations } from './migrations';
import { proposalListProjection } from './projection';
import { listPublicReplies, redactionSubjects } from './public-replies';
import type { ProposalState, Reply } from '@jyta/proposal-domain';

// 办理结果公开 (Art. 20) of 并案办理 items: one letter answers the proposers of every item of the
// merge group and may name any of them; each item publishes it without any of their details.

const db = withFreshDatabase({ migrations: [...eventStoreMigrations, ...readModelMigrations] });
let store: PostgresEventStore;

beforeAll(() => {
  store = new PostgresEventStore(db.pool);
});

const actor = { userId: 'u1', username: 'office', role: 'office', unitId: null };
const at = '2026-11-20T02:00:00.000Z';
const ev = (type: string, data: unknown): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { actor, occurredAt: at, correlationId: 'test' },
});
const registered = (id: string, number: string, proposers: Record<string, string>[]) =>
  ev('ProposalRegistered', {
    proposalId: id,
    number,
    kind: 'npc_suggestion',
    level: 'municipal',
    sessionYear: 2026,
    period: 'plenary',
    title: '关于加装电梯的建议',
    content: '……',
    proposers,
    key: false,
    major: false,
    urgent: false,
    policy: DEFAULT_POLICY,
  });

const MAIN = { name: '主件代表甲', phone: '139 1111 2222', address: '金水区花园路88号院' };
const MERGED = { name: '并件代表乙', phone: '0371-6718 8888' };
const LETTER = `主 件 代 表 甲代表、并件代表乙代表：来电 13911112222、67188888 均已收悉（住址金水区花园路88号院）。现答复如下：已列入2027年计划，投入资金1200万元。`;

describe('public_replies of merged items (Art. 20)', () => {
  it("a merged item's copy of the main item's letter is published without the main item's proposer, even when folded first", async () => {
    const main = randomUUID();
    const merged = randomUUID();
    // The merged item's stream is written first: a rebuild folds it before the main item's row exists.
    await store.append(
      `proposal-${merged}`,
      [
        registered(merged, '2026-建议-0002', [MERGED]),
        ev('MergedIntoProposal', { mainProposalId: main, mainNumber: '2026-建议-0001' }),
        ev('MergedReplyReceived', {
          replyId: 'copy-1',
          mainProposalId: main,
          mainNumber: '2026-建议-0001',
          mainReplyId: 'r1',
          unitId: 'rsj',
          round: 1,
          category: 'B',
          body: LETTER,
          cc: ['市人大选任联工委'],
          sentAt: at,
          feedbackDueAt: '2026-12-20T16:00:00.000Z',
          answeringUnitIds: ['rsj'],
        }),
        ev('DisclosureChosen', { replyId: 'copy-1', unitId: 'rsj', mode: 'full' }),
      ],
      { expectedVersion: 0 },
    );
    await store.append(
      `proposal-${main}`,
      [
        registered(main, '2026-建议-0001', [MAIN]),
        ev('ProposalsMerged', { items: [{ proposalId: merged, number: '2026-建议-0002', title: '关于加装电梯的建议', proposers: [MERGED] }] }),
      ],
      { expectedVersion: 0 },
    );
    await new ProjectionRunner(db.pool, store, proposalListProjection).catchUp();

    const { items } = await listPublicReplies(db.pool, { q: '2026-建议-0002', page: 1, pageSize: 10 });
    expect(items).toHaveLength(1);
    const text = items[0].text!;
    expect(text.replace(/\s/g, '')).not.toMatch(/主件代表甲|并件代表乙/);
    expect(text.replace(/\D/g, '')).not.toMatch(/13911112222|67188888/);
    expect(text).not.toContain('花园路');
    expect(text).toContain('现答复如下：已列入2027年计划，投入资金1200万元。');
  });
});

describe('whose details a reply must not publish', () => {
  it("the main item's own proposers, those of the items merged into it, and the cc lists of the reply and its government document", () => {
    const state = {
      status: 'assigned',
      units: [],
      details: { proposers: [MAIN] },
      mergedItems: [{ proposalId: 'm', number: '2026-建议-0002', title: '…', proposers: [MERGED], status: 'merged', mergedAt: at, awaitingUnits: [] }],
    } as unknown as ProposalState;
    const reply = { replyId: 'r1', cc: ['市人大选任联工委'], documents: [{ cc: ['省政府办公厅'] }] } as unknown as Reply;
    expect(redactionSubjects(state, reply)).toEqual({ proposers: [MAIN, MERGED], cc: ['市人大选任联工委', '省政府办公厅'], contacts: [] });
  });
});

import { initialState, type ProposalState } from '@jyta/proposal-domain';
import { proposerEventView, proposerView, toDetail, toEventView } from './detail';

const deadline = (dueAt: string, text = '说明') => ({ lastDay: dueAt.slice(0, 10), dueAt, explanation: { text } }) as never;

const state: ProposalState = {
  ...initialState(),
  status: 'assigned',
  policy: { version: 3, returnWindow: 'P15D', replyPeriod: 'P3M', urgentReplyPeriod: 'P1M' },
  details: {
    proposalId: 'p1',
    number: '2026-建议-0001',
    kind: 'npc_suggestion',
    level: 'municipal',
    sessionYear: 2026,
    period: 'plenary',
    title: '标题',
    content: '正文',
    topic: '教育',
    proposers: [{ name: '甲' }],
    key: true,
    major: false,
    urgent: false,
    registeredAt: '2026-03-01T01:00:00.000Z',
  },
  assignment: { mode: 'lead', leaderInCharge: 'vice-mayor-1', division: '二处' },
  units: [
    {
      unitId: 'cjj',
      role: 'lead',
      status: 'handling',
      assignedOn: '2026-03-01',
      signedAt: '2026-03-02T01:00:00.000Z',
      returnWindow: deadline('2026-03-16T16:00:00.000Z', '退转说明'),
      replyDue: deadline('2026-06-01T16:00:00.000Z', '答复说明'),
      returnRequests: [],
      contacts: [],
    },
    {
      unitId: 'zfbzj',
      role: 'co',
      status: 'returned',
      assignedOn: '2026-03-01',
      returnWindow: deadline('2026-03-16T16:00:00.000Z'),
      replyDue: deadline('2026-06-01T16:00:00.000Z'),
      returnRequests: [{ reason: '不属于', requestedAt: '2026-03-03T00:00:00.000Z', decision: { approve: true, comment: '同意', decidedAt: '2026-03-04T00:00:00.000Z' } }],
      contacts: [],
    },
  ],
};

describe('toDetail', () => {
  it('gives the SPEC §10 detail with every unit and its deadlines', () => {
    const d = toDetail('p1', state, 5, new Map([['cjj', '市城建局']]), '2026-03-10T00:00:00.000Z');
    expect(d).toMatchObject({
      id: 'p1',
      number: '2026-建议-0001',
      status: 'assigned',
      topic: '教育',
      policyVersion: 3,
      assignment: { mode: 'lead', leaderInCharge: 'vice-mayor-1', division: '二处' },
      replies: [],
      archivedAt: null,
      partsAwaitingReassignment: [],
      version: 5,
    });
    expect(d.assignments[0]).toEqual({
      unitId: 'cjj',
      unitName: '市城建局',
      role: 'lead',
      status: 'handling',
      reassignedFrom: null,
      reassignedTo: null,
      assignedOn: '2026-03-01',
      signedAt: '2026-03-02T01:00:00.000Z',
      returnWindowClosesAt: '2026-03-16T16:00:00.000Z',
      returnWindowLastDay: '2026-03-16',
      returnWindowClosed: false,
      returnWindowClosedAt: null,
      returnWindowExplanation: '退转说明',
      replyDueAt: '2026-06-01T16:00:00.000Z',
      replyDueLastDay: '2026-06-01',
      replyDueExplanation: '答复说明',
      replyDueProvisional: false,
      round: 1,
      rounds: [
        {
          round: 1,
          startedAt: '2026-03-01',
          replyDueAt: '2026-06-01T16:00:00.000Z',
          replyDueLastDay: '2026-06-01',
          replyDueExplanation: '答复说明',
          repliedAt: null,
          repliedInTime: false,
          explanation: null,
          replyDeadlinePassedAt: null,
          overdue: false,
          accountabilityFlagged: false,
        },
      ],
      returnRequests: [],
      contacts: [],
      explanation: null,
      replyDeadlinePassedAt: null,
      delayedWithExplanation: false,
      overdue: false,
      accountabilityFlagged: false,
      // 会办意见, 请示, 督办台账: none yet; the lead's first monthly report is due on 25 April.
      opinionDueAt: null,
      opinionDueLastDay: null,
      opinionDueExplanation: '',
      coUnitOpinions: [],
      opinionOverdueAt: null,
      instructionRequests: [],
      instructionsPending: false,
      progressReports: [],
      progressReportsMissed: [],
      nextProgressReport: { month: '2026-04', dueAt: '2026-04-25T16:00:00.000Z' },
    });
    expect(d.assignments[1]).toMatchObject({ unitId: 'zfbzj', unitName: 'zfbzj', status: 'returned', signedAt: null });
    expect(d.assignments[1].returnRequests[0].decision).toEqual({ approve: true, comment: '同意', decidedAt: '2026-03-04T00:00:00.000Z' });
  });

  it('after a send-back: replyDueAt is the re-handling round\'s deadline, and every round keeps its own (SPEC §5)', () => {
    const cjj = state.units[0];
    const sentBack: ProposalState = {
      ...state,
      units: [
        {
          ...cjj,
          replyDue: deadline('2026-06-20T16:00:00.000Z', '重新办理说明'),
          rehandling: { round: 2, startedAt: '2026-05-20T02:00:00.000Z', replyId: 'r1' },
          pastRounds: [{ round: 1, startedAt: '2026-03-01T01:00:00.000Z', replyDue: cjj.replyDue, repliedAt: '2026-05-01T02:00:00.000Z' }],
        },
      ],
    };
    const [u] = toDetail('p1', sentBack, 6, new Map(), '2026-06-10T00:00:00.000Z').assignments;
    expect(u).toMatchObject({ round: 2, replyDueAt: '2026-06-20T16:00:00.000Z', replyDueExplanation: '重新办理说明', overdue: false });
    expect(u.rounds.map((r) => [r.round, r.startedAt, r.replyDueAt, r.repliedInTime])).toEqual([
      [1, '2026-03-01T01:00:00.000Z', '2026-06-01T16:00:00.000Z', true],
      [2, '2026-05-20T02:00:00.000Z', '2026-06-20T16:00:00.000Z', false],
    ]);
  });

  it('分别办理: a returned part waiting for re-assignment is shown with its unit and since when; a re-assigned one names both units', () => {
    const waiting = { ...state, partsAwaitingReassignment: [{ unitId: 'zfbzj', since: '2026-03-04T00:00:00.000Z' }] };
    expect(toDetail('p1', waiting, 5, new Map([['zfbzj', '市住房保障局']])).partsAwaitingReassignment).toEqual([
      { unitId: 'zfbzj', unitName: '市住房保障局', since: '2026-03-04T00:00:00.000Z' },
    ]);
    const units = [state.units[0], { ...state.units[1], reassignedTo: 'jyj' }, { ...state.units[0], unitId: 'jyj', reassignedFrom: 'zfbzj' }];
    const d = toDetail('p1', { ...state, units }, 6, new Map());
    expect(d.partsAwaitingReassignment).toEqual([]);
    expect(d.assignments.map((a) => [a.unitId, a.reassignedFrom, a.reassignedTo])).toEqual([
      ['cjj', null, null],
      ['zfbzj', null, 'jyj'],
      ['jyj', 'zfbzj', null],
    ]);
  });

  it('a window is closed once its end has passed, even before the timer recorded it', () => {
    expect(toDetail('p1', state, 5, new Map(), '2026-03-16T16:00:00.000Z').assignments[0].returnWindowClosed).toBe(true);
  });
});

describe('toEventView', () => {
  it('shows version, type, both times, actor, data and correlation', () => {
    expect(
      toEventView({
        eventId: 'e',
        streamId: 'proposal-p1',
        version: 3,
        position: { transactionId: '1', sequence: '2' },
        type: 'ReceiptSigned',
        data: { unitId: 'cjj' },
        metadata: { actor: { userId: 'u', username: 'cjj-handler', role: 'unit_handler', unitId: 'cjj' }, occurredAt: '2026-03-02T01:00:00.000Z', correlationId: 'req-1' },
        recordedAt: '2026-03-02T01:00:00.100Z',
      }),
    ).toEqual({
      version: 3,
      type: 'ReceiptSigned',
      occurredAt: '2026-03-02T01:00:00.000Z',
      recordedAt: '2026-03-02T01:00:00.100Z',
      actor: { userId: 'u', username: 'cjj-handler', role: 'unit_handler', unitId: 'cjj' },
      data: { unitId: 'cjj' },
      correlationId: 'req-1',
    });
  });
});

describe('the proposer’s view (item 10)', () => {
  const review = (stage: string, approve: boolean, comment?: string) => ({ stage, approve, by: 'x', at: '2026-04-01T00:00:00.000Z', ...(comment ? { comment } : {}) });
  const reply = (replyId: string, status: string, sentAt?: string) =>
    ({
      replyId,
      unitId: 'cjj',
      round: 1,
      category: 'B',
      body: `答复 ${replyId}`,
      cc: [],
      stages: ['unit_leader', 'office'],
      reviews: [review('unit_leader', true, '内部意见'), review('office', status !== 'returned_for_revision', '退回意见')],
      status,
      draftedAt: '2026-04-01T00:00:00.000Z',
      ...(sentAt ? { sentAt, feedbackDueAt: '2026-05-01T00:00:00.000Z' } : {}),
      reading: sentAt ? { by: 'vice-mayor-1', comment: '阅示', at: sentAt } : undefined,
    }) as never;
  const withReplies: ProposalState = {
    ...state,
    replies: [reply('r1', 'returned_for_revision'), reply('r2', 'sent', '2026-04-10T00:00:00.000Z'), reply('r3', 'in_review'), reply('r4', 'approved')],
  };

  it('keeps sent replies only, without review stages, reviewers’ comments or 阅示', () => {
    const mine = proposerView(toDetail('p1', withReplies, 9, new Map()));
    expect(mine.replies.map((r) => r.id)).toEqual(['r2']);
    expect(mine.replies[0]).toMatchObject({ stages: [], reviews: [], currentStage: null, reading: null, body: '答复 r2' });
    expect(JSON.stringify(mine)).not.toMatch(/内部意见|退回意见|阅示|答复 r1|答复 r3|答复 r4/);
    // the office's view is untouched
    expect(toDetail('p1', withReplies, 9, new Map()).replies).toHaveLength(4);
  });

  it('shows a proposer the public steps of the history only', () => {
    const ev = (type: string) => ({ type, version: 1, recordedAt: 'x', data: {}, metadata: { occurredAt: 'x', correlationId: 'c', actor: null } }) as never;
    expect(['ProposalRegistered', 'ReplyDrafted', 'ReplyReviewed', 'ReplySent', 'InstructionsRequested', 'FeedbackReceived'].map((t) => proposerEventView(ev(t))?.type)).toEqual([
      'ProposalRegistered',
      undefined,
      undefined,
      'ReplySent',
      undefined,
      'FeedbackReceived',
    ]);
  });
});

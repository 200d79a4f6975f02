import { foldFacts, type HistoryEvent } from './facts';
import { casesOf, drillDown, endOfShanghaiDay, figuresOf, kpisFromHistories, type CaseOutcomes, type KpiReport } from './kpis';

// ── hand-made histories ─────────────────────────────────────────────────────────────────────
/** An instant on a Shanghai day (10:00 unless said). */
const t = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
/** A deadline: 24:00 of its last day. */
const due = (lastDay: string) => endOfShanghaiDay(lastDay)!;

/** An event that happened and was recorded at the same time, unless `recordedOn` says otherwise. */
const ev = (type: string, day: string, data: object, recordedOn?: string): HistoryEvent => ({
  type,
  data,
  occurredAt: t(day),
  recordedAt: recordedOn ? t(recordedOn) : t(day),
});

interface ItemOpts {
  kind?: string;
  level?: string;
  key?: boolean;
  year?: number;
  units?: string[];
  dueOn?: string;
  leader?: string;
}
const registered = (n: string, o: ItemOpts = {}) =>
  ev('ProposalRegistered', '2026-01-05', {
    number: n,
    title: `标题 ${n}`,
    kind: o.kind ?? 'npc_suggestion',
    level: o.level ?? 'municipal',
    sessionYear: o.year ?? 2026,
    key: !!o.key,
  });
const assigned = (o: ItemOpts = {}) =>
  ev('ProposalAssigned', '2026-01-10', {
    mode: 'single',
    assignedOn: '2026-01-10',
    leaderInCharge: o.leader ?? 'vice-mayor-1',
    units: (o.units ?? ['rsj']).map((unitId) => ({ unitId, role: 'lead', replyDue: { dueAt: due(o.dueOn ?? '2026-04-10'), lastDay: o.dueOn ?? '2026-04-10' } })),
  });
const contact = (day: string, method = 'face_to_face', unitId = 'rsj') => ev('ContactRecorded', day, { unitId, method, on: day, summary: '沟通' });
const drafted = (replyId: string, day: string, category = 'A', unitId = 'rsj', round = 1) =>
  ev('ReplyDrafted', day, { replyId, unitId, round, category, body: '答复', cc: [], stages: ['unit_leader'] });
const sent = (replyId: string, day: string, unitId = 'rsj', recordedOn?: string) =>
  ev('ReplySent', day, { replyId, unitId, cc: [], feedbackDueAt: due('2026-12-31') }, recordedOn);
const feedback = (replyId: string, day: string, result: string, extra: object = {}, unitId = 'rsj') =>
  ev('FeedbackReceived', day, { replyId, unitId, attitude: result, result, contact: 'face_to_face', sendBack: false, ...extra });

/** A whole municipal item: assigned, contacted face to face, replied on `replyOn` with `category`, answered `result`. */
function handled(n: string, o: ItemOpts & { replyOn?: string; category?: string; result?: string | null; f2f?: boolean } = {}): HistoryEvent[] {
  const replyOn = o.replyOn ?? '2026-03-01';
  return [
    registered(n, o),
    assigned(o),
    contact('2026-02-01', o.f2f === false ? 'phone' : 'face_to_face'),
    drafted(`${n}-r1`, '2026-02-20', o.category ?? 'A'),
    sent(`${n}-r1`, replyOn),
    ...(o.result === null ? [] : [feedback(`${n}-r1`, '2026-03-10', o.result ?? 'satisfied')]),
  ];
}

const NOW = t('2026-12-31', '23:00');
const report = (items: Record<string, HistoryEvent[]>, at = NOW, year = 2026): KpiReport =>
  kpisFromHistories(
    Object.entries(items).map(([proposalId, events]) => ({ proposalId, events })),
    { year, at },
  );
const nd = (r: KpiReport, kpi: keyof CaseOutcomes) => [r.overall[kpi].numerator, r.overall[kpi].denominator, r.overall[kpi].pending];

// ── the rules ────────────────────────────────────────────────────────────────────────────────
describe('KPIs (Art. 16) from hand-made event histories', () => {
  it('an item replied on time, met face to face, category A, satisfied counts in every numerator', () => {
    const r = report({ a: handled('2026-建议-0001') });
    expect(nd(r, 'on_time')).toEqual([1, 1, 0]);
    expect(nd(r, 'face_to_face')).toEqual([1, 1, 0]);
    expect(nd(r, 'satisfaction')).toEqual([1, 1, 0]);
    expect(nd(r, 'solved')).toEqual([1, 1, 0]);
    // not a key item, not a 建议案: the key figure does not concern it
    expect(nd(r, 'key_satisfaction')).toEqual([0, 0, 0]);
    expect(r.overall.on_time).toEqual({ numerator: 1, denominator: 1, pending: 0, rate: 1, target: 1, met: true });
  });

  it('a reply after the deadline is late; one on the last day (before 24:00) is on time', () => {
    const late = handled('2026-建议-0002', { dueOn: '2026-03-01', replyOn: '2026-03-02' });
    const lastDay = handled('2026-建议-0003', { dueOn: '2026-03-01', replyOn: '2026-03-01' });
    expect(nd(report({ late }), 'on_time')).toEqual([0, 1, 0]);
    expect(nd(report({ lastDay }), 'on_time')).toEqual([1, 1, 0]);
    expect(report({ late }).overall.on_time.met).toBe(false);
  });

  it('a pending item (assigned, no reply, deadline ahead) is in no denominator; past its deadline it is late', () => {
    const pending = [registered('2026-建议-0004'), assigned({ dueOn: '2026-04-10' }), contact('2026-02-01', 'phone')];
    const before = report({ pending }, t('2026-04-10', '23:59'));
    expect(nd(before, 'on_time')).toEqual([0, 0, 1]);
    expect(nd(before, 'face_to_face')).toEqual([0, 0, 1]);
    expect(nd(before, 'satisfaction')).toEqual([0, 0, 1]);
    expect(nd(before, 'solved')).toEqual([0, 0, 1]);
    expect(before.overall.on_time.rate).toBeNull();
    expect(before.overall.on_time.met).toBeNull();
    // the day after the last day: late even before the timer's ReplyDeadlinePassed is recorded
    expect(nd(report({ pending }, t('2026-04-11', '00:01')), 'on_time')).toEqual([0, 1, 0]);
    // …and a late reply stays late
    const replied = [...pending, drafted('p-r1', '2026-04-20'), sent('p-r1', '2026-04-21')];
    expect(nd(report({ replied }), 'on_time')).toEqual([0, 1, 0]);
    // face to face is judged once replied: only phone contact → counted, not face to face
    expect(nd(report({ replied }), 'face_to_face')).toEqual([0, 1, 0]);
  });

  it('"no feedback" (FeedbackMissing) is never satisfied, but counts', () => {
    const items = {
      a: [...handled('2026-建议-0005', { result: null }), ev('FeedbackMissing', '2026-04-01', { replyId: '2026-建议-0005-r1', unitId: 'rsj' })],
      b: handled('2026-建议-0006', { result: 'basically_satisfied' }),
    };
    const r = report(items);
    expect(nd(r, 'satisfaction')).toEqual([1, 2, 0]);
    // a reply awaiting feedback is pending for satisfaction, decided for the solved share
    const awaiting = report({ c: handled('2026-建议-0007', { result: null, category: 'B' }) });
    expect(nd(awaiting, 'satisfaction')).toEqual([0, 0, 1]);
    expect(nd(awaiting, 'solved')).toEqual([0, 1, 0]);
  });

  it('satisfaction = 满意 + 基本满意; dissatisfied counts against', () => {
    const r = report({
      a: handled('2026-建议-0010', { result: 'satisfied' }),
      b: handled('2026-建议-0011', { result: 'basically_satisfied' }),
      c: handled('2026-建议-0012', { result: 'dissatisfied' }),
    });
    expect(nd(r, 'satisfaction')).toEqual([2, 3, 0]);
    expect(r.overall.satisfaction.met).toBe(false);
  });

  it('key items and 建议案 have their own figure', () => {
    const r = report({
      key: handled('2026-建议-0020', { key: true, result: 'dissatisfied' }),
      rec: handled('2026-建议案-0001', { kind: 'cppcc_recommendation', result: 'satisfied' }),
      plain: handled('2026-提案-0001', { kind: 'cppcc_proposal', result: 'satisfied' }),
    });
    expect(nd(r, 'key_satisfaction')).toEqual([1, 2, 0]);
    expect(r.byChamber.map((c) => [c.chamber, c.figures.satisfaction.denominator])).toEqual([
      ['cppcc', 2],
      ['npc', 1],
    ]);
  });

  describe('re-handled items: each round against its own deadline', () => {
    const firstRound = (n: string) => [
      ...handled(n, { dueOn: '2026-04-10', replyOn: '2026-03-01', result: null }),
      feedback(`${n}-r1`, '2026-03-10', 'dissatisfied', { sendBack: true }),
    ];
    it('with the re-handling deadline (RehandlingStarted): a second reply by it is on time, after it late', () => {
      const rehandling = (n: string) => [...firstRound(n), ev('RehandlingStarted', '2026-03-10', { unitId: 'rsj', replyDue: { dueAt: due('2026-05-10') } })];
      // after the original deadline (10 Apr) but before the re-handling one (10 May): on time
      const inTime = [...rehandling('a'), drafted('a-r2', '2026-04-20', 'A', 'rsj', 2), sent('a-r2', '2026-05-08')];
      expect(nd(report({ inTime }), 'on_time')).toEqual([1, 1, 0]);
      const late = [...rehandling('b'), drafted('b-r2', '2026-05-20', 'A', 'rsj', 2), sent('b-r2', '2026-05-20')];
      expect(nd(report({ late }), 'on_time')).toEqual([0, 1, 0]);
      // while the second round runs, the first (on time) decides; past the re-handling deadline unanswered: late
      expect(nd(report({ open: rehandling('c') }, t('2026-05-10', '23:00')), 'on_time')).toEqual([1, 1, 0]);
      expect(nd(report({ open: rehandling('c') }, t('2026-05-11')), 'on_time')).toEqual([0, 1, 0]);
      // the holiday calendar amended: the re-handling deadline moves, and the round with it
      const moved = [
        ...rehandling('d'),
        ev('DeadlinesRecomputed', '2026-04-01', { reason: '节假日调整', units: [{ unitId: 'rsj', replyDue: { from: { dueAt: due('2026-05-10') }, to: { dueAt: due('2026-05-12') } } }] }),
        drafted('d-r2', '2026-05-11', 'A', 'rsj', 2),
        sent('d-r2', '2026-05-11'),
      ];
      expect(nd(report({ moved }), 'on_time')).toEqual([1, 1, 0]);
    });
    it('without it: the re-handling round is not judged by the clock, and its reply is judged against the deadline in force', () => {
      const open = firstRound('c');
      // long after the original deadline, the open second round does not make the unit overdue
      expect(nd(report({ open }, t('2026-09-01')), 'on_time')).toEqual([1, 1, 0]);
      const answered = [...open, drafted('c-r2', '2026-04-01', 'B', 'rsj', 2), sent('c-r2', '2026-04-05')];
      expect(nd(report({ answered }), 'on_time')).toEqual([1, 1, 0]);
      const answeredLate = [...open, drafted('c-r2', '2026-04-01', 'B', 'rsj', 2), sent('c-r2', '2026-04-15')];
      expect(nd(report({ answeredLate }), 'on_time')).toEqual([0, 1, 0]);
    });
    it('the latest reply gives the category and the latest answer the satisfaction; until answered again it stays dissatisfied', () => {
      const n = 'd';
      const sentBack = firstRound(n);
      let r = report({ sentBack });
      expect(nd(r, 'satisfaction')).toEqual([0, 1, 0]);
      const again = [...sentBack, drafted('d-r2', '2026-04-01', 'B', 'rsj', 2), sent('d-r2', '2026-04-05'), feedback('d-r2', '2026-04-10', 'basically_satisfied')];
      r = report({ again });
      expect(nd(r, 'satisfaction')).toEqual([1, 1, 0]);
      expect(nd(r, 'solved')).toEqual([0, 1, 0]);
      expect(r.overall.solved.met).toBe(false);
    });
  });

  it('a recomputed deadline (DeadlinesRecomputed) is the one the reply is judged against', () => {
    const h = [
      registered('2026-建议-0030'),
      assigned({ dueOn: '2026-04-10' }),
      ev('DeadlinesRecomputed', '2026-02-01', { reason: '节假日调整', units: [{ unitId: 'rsj', replyDue: { from: { dueAt: due('2026-04-10') }, to: { dueAt: due('2026-04-13') } } }] }),
      drafted('r1', '2026-04-12'),
      sent('r1', '2026-04-12'),
    ];
    expect(nd(report({ h }), 'on_time')).toEqual([1, 1, 0]);
  });

  it('provincial items: the opinion sent to the proposer is the reply', () => {
    const h = [
      registered('2026-建议-0040', { level: 'provincial' }),
      assigned({ dueOn: '2026-04-10' }),
      contact('2026-02-01'),
      drafted('o1', '2026-03-01', 'A'),
      ev('OpinionSentToProposer', '2026-03-05', { replyId: 'o1', unitId: 'rsj', feedbackDueAt: due('2026-04-05') }),
      feedback('o1', '2026-03-10', 'satisfied', { awaitingDocument: true }),
      // the government document goes out after the deadline: the opinion answered in time
      ev('GovernmentDocumentSent', '2026-05-01', { replyId: 'o1', unitId: 'rsj', round: 1, documentNumber: '郑政函〔2026〕1号', title: 't', cc: [] }),
    ];
    const r = report({ h });
    expect(nd(r, 'on_time')).toEqual([1, 1, 0]);
    expect(nd(r, 'satisfaction')).toEqual([1, 1, 0]);
    expect(nd(r, 'solved')).toEqual([1, 1, 0]);
    // dissatisfied opinion (awaitingDocument false): the unit handles it again, a new round
    const again = [...h.slice(0, 5), feedback('o1', '2026-03-10', 'dissatisfied', { awaitingDocument: false })];
    expect(nd(report({ again }, t('2026-09-01')), 'on_time')).toEqual([1, 1, 0]);
    expect(nd(report({ again }), 'satisfaction')).toEqual([0, 1, 0]);
  });

  it('merged items count by their own copy and their own proposer, not in the handling figures', () => {
    const main = handled('2026-建议-0050', { category: 'A', result: 'satisfied' });
    const merged = [
      registered('2026-建议-0051'),
      ev('MergedIntoProposal', '2026-01-08', { mainProposalId: 'main', mainNumber: '2026-建议-0050' }),
      ev('MergedReplyReceived', '2026-03-01', {
        replyId: 'copy-1',
        mainProposalId: 'main',
        mainNumber: '2026-建议-0050',
        mainReplyId: '2026-建议-0050-r1',
        unitId: 'rsj',
        round: 1,
        category: 'A',
        body: '答复',
        cc: [],
        sentAt: t('2026-03-01'),
        feedbackDueAt: due('2026-03-31'),
        answeringUnitIds: ['rsj'],
      }),
      ev('FeedbackMissing', '2026-04-01', { replyId: 'copy-1', unitId: 'rsj' }),
    ];
    const r = report({ main, merged });
    expect(nd(r, 'on_time')).toEqual([1, 1, 0]);
    expect(nd(r, 'face_to_face')).toEqual([1, 1, 0]);
    expect(nd(r, 'satisfaction')).toEqual([1, 2, 0]);
    expect(nd(r, 'solved')).toEqual([2, 2, 0]);
    // before its first copy a merged item has no unit of its own yet: only the main item is counted (pending)
    const early = report({ main, merged }, t('2026-02-15'));
    expect(nd(early, 'solved')).toEqual([0, 0, 1]);
  });

  it('a main item whose reply went to merged items only still answers that round', () => {
    const h = [
      registered('2026-建议-0060'),
      assigned({ dueOn: '2026-04-10' }),
      drafted('r1', '2026-03-01'),
      sent('r1', '2026-03-01'),
      feedback('r1', '2026-03-05', 'satisfied'),
      ev('MergedItemReopened', '2026-03-20', { mergedProposalIds: ['x'], replyId: 'r1', unitId: 'rsj', handlingAgain: true }),
      drafted('r2', '2026-04-20', 'B', 'rsj', 2),
      ev('ReplyCopiedToMergedItems', '2026-04-21', { replyId: 'r2', unitId: 'rsj', mergedProposalIds: ['x'], forMergedItemsOnly: true }),
    ];
    const r = report({ h });
    expect(nd(r, 'on_time')).toEqual([0, 1, 0]); // judged against the deadline in force (10 Apr)
    expect(nd(r, 'solved')).toEqual([0, 1, 0]); // B now
    expect(nd(r, 'satisfaction')).toEqual([1, 1, 0]); // its own proposer's answer stands
  });

  it('a unit whose return was approved leaves the figures; co-units are no cases', () => {
    const h = [
      registered('2026-建议-0070'),
      ev('ProposalAssigned', '2026-01-10', {
        mode: 'lead',
        assignedOn: '2026-01-10',
        units: [
          { unitId: 'rsj', role: 'lead', replyDue: { dueAt: due('2026-04-10') } },
          { unitId: 'jyj', role: 'co', replyDue: { dueAt: due('2026-04-10') } },
        ],
      }),
      ev('ReturnApproved', '2026-01-20', { unitId: 'rsj', comment: '同意', awaitingReassignment: true }),
      ev('ProposalAssigned', '2026-01-25', { mode: 'single', assignedOn: '2026-01-25', reassignment: true, units: [{ unitId: 'wjw', role: 'lead', replyDue: { dueAt: due('2026-04-27') } }] }),
    ];
    const r = report({ h }, t('2026-05-01'));
    expect(r.byUnit.map((u) => [u.unitId, u.figures.on_time.denominator])).toEqual([['wjw', 1]]);
  });

  it('asOf: the figures from the events recorded by the end of that day, not from today', () => {
    // the feedback happened on 10 Mar but was recorded on 12 Mar
    const h = [...handled('2026-建议-0080', { result: null }), feedback('2026-建议-0080-r1', '2026-03-10', 'dissatisfied', {}, 'rsj')];
    h[h.length - 1] = { ...h[h.length - 1], recordedAt: t('2026-03-12', '09:00') };
    const asOf = (day: string) => kpisFromHistories([{ proposalId: 'h', events: h }], { year: 2026, at: endOfShanghaiDay(day)!, asOf: day });
    expect(nd(asOf('2026-02-28'), 'solved')).toEqual([0, 0, 1]); // not replied yet
    expect(nd(asOf('2026-03-11'), 'solved')).toEqual([1, 1, 0]);
    expect(nd(asOf('2026-03-11'), 'satisfaction')).toEqual([0, 0, 1]); // the answer was not on record yet
    expect(nd(asOf('2026-03-12'), 'satisfaction')).toEqual([0, 1, 0]);
    expect(asOf('2026-03-12').asOf).toBe('2026-03-12');
    // an item registered after the day does not exist yet
    expect(asOf('2026-01-04').overall.satisfaction).toMatchObject({ numerator: 0, denominator: 0, pending: 0 });
  });

  it('groups by unit, portfolio (vice mayor in charge) and year', () => {
    const r = report({
      a: handled('2026-建议-0090', { units: ['rsj'], leader: 'vice-mayor-1' }),
      b: handled('2026-建议-0091', { units: ['rsj'], leader: 'vice-mayor-2', result: 'dissatisfied' }),
      c: handled('2025-建议-0001', { year: 2025 }),
    });
    expect(r.overall.satisfaction.denominator).toBe(2);
    expect(r.byUnit).toHaveLength(1);
    expect(r.byPortfolio.map((p) => [p.leaderInCharge, p.figures.satisfaction.numerator, p.figures.satisfaction.denominator])).toEqual([
      ['vice-mayor-1', 1, 1],
      ['vice-mayor-2', 0, 1],
    ]);
  });

  it('targets: 98.5% is met at 197 of 200 and missed at 196; 45% at 9 of 20', () => {
    const outcomes = (n: number, sat: number): CaseOutcomes[] =>
      Array.from({ length: n }, (_, i) => ({
        on_time: null,
        face_to_face: null,
        key_satisfaction: null,
        satisfaction: i < sat ? 'satisfied' : 'dissatisfied',
        solved: i < Math.round((sat * 9) / n) ? 'A' : 'C',
      }));
    expect(figuresOf(outcomes(200, 197)).satisfaction.met).toBe(true);
    expect(figuresOf(outcomes(200, 196)).satisfaction.met).toBe(false);
    expect(figuresOf(outcomes(20, 20)).solved).toMatchObject({ numerator: 9, denominator: 20, met: true });
  });

  it('the drill-down lists exactly the cases behind a number', () => {
    const items = {
      a: handled('2026-建议-0100', { category: 'A' }),
      b: handled('2026-建议-0101', { category: 'C' }),
      c: [registered('2026-建议-0102'), assigned()],
    };
    const records = Object.entries(items).flatMap(([id, h]) => casesOf(foldFacts(id, h)));
    const numbers = (outcome?: any) => drillDown(records, { year: 2026, at: NOW, kpi: 'solved', outcome }).map((x) => x.number);
    expect(numbers('numerator')).toEqual(['2026-建议-0100']);
    expect(numbers('denominator')).toEqual(['2026-建议-0100', '2026-建议-0101']);
    expect(numbers('pending')).toEqual(['2026-建议-0102']);
    expect(numbers('C')).toEqual(['2026-建议-0101']);
  });

  it('endOfShanghaiDay: 24:00 +08:00, and no such day → undefined', () => {
    expect(endOfShanghaiDay('2026-06-30')).toBe('2026-06-30T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-02-30')).toBeUndefined();
    expect(endOfShanghaiDay('2026-6-30')).toBeUndefined();
  });
});

describe('open promises (category B replies not fulfilled yet, per unit; informational)', () => {
  const followUp = (replyId: string, day: string, unitId = 'rsj') => ev('PromiseFollowUpRequested', day, { unitId, replyId, round: 1, dueAt: due('2026-06-30') });
  const progress = (replyId: string, day: string, done: boolean, unitId = 'rsj') => ev('PromiseProgressReported', day, { unitId, replyId, text: '进展', done });
  const fulfilled = (replyId: string, day: string, unitId = 'rsj', recordedOn?: string) => ev('PromiseFulfilled', day, { unitId, replyId }, recordedOn);

  it('a B reply sent opens one; follow-ups and progress reports leave it open; PromiseFulfilled for that reply closes it (as of the day it was recorded)', () => {
    const b = [...handled('2026-建议-0001', { category: 'B' }), followUp('2026-建议-0001-r1', '2026-04-01'), progress('2026-建议-0001-r1', '2026-04-20', true)];
    const other = handled('2026-建议-0002', { category: 'B', units: ['jyj'] }).map((e) => (e.type === 'ProposalRegistered' || e.type === 'ProposalAssigned' ? e : { ...e, data: { ...(e.data as object), unitId: 'jyj' } }));
    const a = handled('2026-建议-0003', { category: 'A' });
    const open = report({ b, other, a });
    expect(open.openPromises).toBe(2);
    expect(open.byUnit.map((u) => [u.unitId, u.openPromises])).toEqual([['jyj', 1], ['rsj', 1]]);
    expect(open.byChamber.map((c) => c.openPromises)).toEqual([2]);
    // fulfilled on 1 May, recorded on 3 May: still open as of 2 May, closed as of 3 May
    const b2 = [...b, fulfilled('2026-建议-0001-r1', '2026-05-01', 'rsj', '2026-05-03')];
    expect(report({ b: b2, other, a }, t('2026-05-02', '23:00')).byUnit.map((u) => [u.unitId, u.openPromises])).toEqual([['jyj', 1], ['rsj', 1]]);
    expect(report({ b: b2, other, a }, t('2026-05-03', '23:00')).byUnit.map((u) => [u.unitId, u.openPromises])).toEqual([['jyj', 1], ['rsj', 0]]);
    // a fulfilment of another reply, or before the reply was sent, closes nothing
    expect(report({ b: [...b, fulfilled('someone-else', '2026-05-01')] }).openPromises).toBe(1);
  });

  it('a promise belongs to its reply, not to the round: a B reply sent back and answered A still leaves the first promise open; not counted before the reply is sent', () => {
    const n = '2026-建议-0004';
    const rehandled = [
      registered(n),
      assigned(),
      drafted(`${n}-r1`, '2026-02-20', 'B'),
      sent(`${n}-r1`, '2026-03-01'),
      feedback(`${n}-r1`, '2026-03-10', 'dissatisfied', { sendBack: true }),
      drafted(`${n}-r2`, '2026-03-20', 'A', 'rsj', 2),
      sent(`${n}-r2`, '2026-03-25'),
    ];
    expect(report({ rehandled }, t('2026-02-25')).openPromises).toBe(0);
    expect(report({ rehandled }).openPromises).toBe(1);
    expect(report({ rehandled: [...rehandled, ev('PromiseFulfilled', '2026-06-01', { unitId: 'rsj', replyId: `${n}-r1` })] }).openPromises).toBe(0);
  });

  it('the B opinion of a provincial item sent to the proposer is a promise too; the copy a merged item receives is not (counted once, on the main item)', () => {
    const prov = [registered('2026-建议-0005', { level: 'provincial' }), assigned(), drafted('p1', '2026-02-20', 'B'), ev('OpinionSentToProposer', '2026-03-01', { replyId: 'p1', unitId: 'rsj' })];
    const merged = [
      registered('2026-建议-0006'),
      ev('MergedIntoProposal', '2026-01-12', { mainProposalId: 'x', mainNumber: '2026-建议-0005' }),
      ev('MergedReplyReceived', '2026-03-01', { replyId: 'p1', unitId: 'rsj', category: 'B', sentAt: t('2026-03-01') }),
    ];
    const r = report({ prov, merged });
    expect(r.openPromises).toBe(1);
    expect(r.overall.solved).toMatchObject({ denominator: 2 });
  });
});


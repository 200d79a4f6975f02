/**
 * The figures of Art. 16 end to end, through HTTP on the real Temporal server and PostgreSQL: a
 * small year of six items taken through the whole process (contact, reply, review, feedback, a
 * send-back and re-handling, "no feedback", a late reply, one still pending), then every figure
 * checked against numbers worked out by hand below, the drill-down listing exactly the items
 * behind a number, the scopes of the roles, and `asOf` of an earlier moment giving the earlier
 * figures.
 *
 *   item  chamber  unit  in charge      what happens                                     counts as (in the end)
 *   A     npc      rsj   vice-mayor-1   key; 面商; reply A; satisfied                    on time, f2f, key ✓, ✓, A
 *   B     npc      rsj   vice-mayor-1   phone; reply B; basically satisfied             on time, —, ✓, B
 *   C     cppcc    jyj   vice-mayor-2   面商; reply C; sent back; reply A; satisfied      on time (both rounds), f2f, ✓, A
 *   D     cppcc建议案 jyj vice-mayor-2   reply D; no feedback in the period              on time, —, key ✗, ✗, D
 *   E     npc      rsj   vice-mayor-1   assigned 130 days ago; 面商; late reply A; sat.   late, f2f, ✓, A
 *   F     npc      wjw   vice-mayor-1   assigned, nothing yet                           pending everywhere
 */
import { publishPolicy } from '@jyta/proposal-registry';
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

let stack: Stack;
const as: Record<string, ApiClient> = {};
const YEAR = 2026;

beforeAll(async () => {
  stack = await startStack();
  const users = ['office', 'rsj-handler', 'rsj-leader', 'jyj-handler', 'jyj-leader', 'wjw-handler', 'vice-mayor-1', 'vice-mayor-2', 'npc-liaison', 'cppcc-liaison', 'deputy-1', 'member-1'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
}, 120_000);
afterAll(() => stack?.stop());

type Name = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
const items = {} as Record<Name, { id: string; number: string; unit: string; proposer: string }>;

async function registerAndAssign(name: Name, o: { kind?: string; key?: boolean; unit: string; leader: string; assignedOn?: string }) {
  const proposer = o.kind && o.kind !== 'npc_suggestion' ? 'member-1' : 'deputy-1';
  const reg = await as.office.post(
    '/api/proposals',
    registration({
      sessionYear: YEAR,
      kind: o.kind ?? 'npc_suggestion',
      key: !!o.key,
      title: `关于考核指标测试件 ${name} 的建议`,
      proposers: [{ name: `测试代表${name}`, username: proposer, phone: '13800000000' }],
    }),
  );
  expect(reg.status).toBe(201);
  const id: string = reg.body.id;
  const assigned = await as.office.post(`/api/proposals/${id}/assignment`, {
    mode: 'single',
    leadUnitIds: [o.unit],
    assignedOn: o.assignedOn ?? shanghaiDay(),
    leaderInCharge: o.leader,
  });
  expect(assigned.status).toBe(200);
  expect((await as[`${o.unit}-handler`].post(`/api/proposals/${id}/units/${o.unit}/receipt`)).status).toBe(200);
  items[name] = { id, number: reg.body.number, unit: o.unit, proposer };
}

async function contact(name: Name, method: string) {
  const { id, unit } = items[name];
  expect((await as[`${unit}-handler`].post(`/api/proposals/${id}/units/${unit}/contacts`, { method, on: shanghaiDay(), summary: '与代表委员沟通办理意见' })).status).toBe(200);
}

/** Draft → unit leader → office → send; returns the reply id. */
async function reply(name: Name, category: string) {
  const { id, unit } = items[name];
  const d = await as[`${unit}-handler`].post(`/api/proposals/${id}/replies`, { unitId: unit, category, body: '关于您提出的建议，答复如下：……' });
  expect(d.status).toBe(201);
  const replyId: string = d.body.replyId;
  expect((await as[`${unit}-leader`].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as[`${unit}-handler`].post(`/api/proposals/${id}/replies/${replyId}/send`)).status).toBe(200);
  return replyId;
}

async function answer(name: Name, replyId: string, body: Record<string, unknown>) {
  const { id, proposer } = items[name];
  const token = await eventually('the feedback token', async () => {
    const mine = await as[proposer].get(`/api/proposals/${id}`);
    return mine.body.replies?.find((r: any) => r.id === replyId)?.feedbackToken as string | undefined;
  });
  const res = await new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, { contact: 'face_to_face', ...body });
  expect(res.status).toBe(200);
}

const kpis = async (who: string, query = '') => {
  const res = await as[who].get(`/api/stats/kpis?year=${YEAR}${query}`);
  expect(res.status).toBe(200);
  return res.body;
};
/** numerator / denominator / pending of each figure. */
const counts = (figures: any) =>
  Object.fromEntries(['on_time', 'face_to_face', 'key_satisfaction', 'satisfaction', 'solved'].map((k) => [k, [figures[k].numerator, figures[k].denominator, figures[k].pending]]));
const drill = async (query: string, who = 'office') => {
  const res = await as[who].get(`/api/stats/kpis/items?year=${YEAR}&pageSize=100${query}`);
  expect(res.status).toBe(200);
  return (res.body.items as any[]).map((i) => (Object.keys(items) as Name[]).find((n) => items[n].id === i.proposalId)).sort();
};

let midway: string;

describe('Art. 16: the figures of a small year, from the events', () => {
  it('phase 1: six items assigned; A and B done, C replied (feedback outstanding), E past its deadline', async () => {
    // D's proposer gets 6 seconds for the form, so that "no feedback" is recorded within the test
    await publishPolicy(stack.pool, { feedbackPeriod: 'PT6S' }, 'e2e');
    await registerAndAssign('D', { kind: 'cppcc_recommendation', unit: 'jyj', leader: 'vice-mayor-2' });
    await publishPolicy(stack.pool, { feedbackPeriod: 'P30D' }, 'e2e');
    await registerAndAssign('A', { key: true, unit: 'rsj', leader: 'vice-mayor-1' });
    await registerAndAssign('B', { unit: 'rsj', leader: 'vice-mayor-1' });
    await registerAndAssign('C', { kind: 'cppcc_proposal', unit: 'jyj', leader: 'vice-mayor-2' });
    await registerAndAssign('E', { unit: 'rsj', leader: 'vice-mayor-1', assignedOn: shanghaiDay(-130) });
    await registerAndAssign('F', { unit: 'wjw', leader: 'vice-mayor-1' });

    await contact('A', 'face_to_face');
    await answer('A', await reply('A', 'A'), { attitude: 'satisfied', result: 'satisfied' });
    await contact('B', 'phone');
    await answer('B', await reply('B', 'B'), { attitude: 'satisfied', result: 'basically_satisfied' });
    await contact('C', 'face_to_face');
    await reply('C', 'C');
    // E's reply deadline (assigned 130 days ago) has passed: the timer records it
    await eventually('E overdue', async () => ((await as.office.get(`/api/proposals/${items.E.id}/events`)).body as any[]).find((e) => e.type === 'ReplyDeadlinePassed'));

    await new Promise((r) => setTimeout(r, 1500));
    midway = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 1500));
  }, 180_000);

  it('phase 2: C sent back and answered again, D without feedback, E replied late', async () => {
    const c1 = ((await as.office.get(`/api/proposals/${items.C.id}`)).body.replies as any[])[0].id;
    await answer('C', c1, { attitude: 'basically_satisfied', result: 'dissatisfied', sendBack: true, comments: '未实质解决' });
    await answer('C', await reply('C', 'A'), { attitude: 'satisfied', result: 'satisfied' });
    const d1 = await reply('D', 'D');
    await eventually('D without feedback', async () =>
      ((await as.office.get(`/api/proposals/${items.D.id}/events`)).body as any[]).find((e) => e.type === 'FeedbackMissing' && e.data.replyId === d1),
    );
    await contact('E', 'face_to_face');
    await answer('E', await reply('E', 'A'), { attitude: 'satisfied', result: 'satisfied' });
  }, 180_000);

  it('every figure, overall, against the numbers worked out by hand', async () => {
    const r = await kpis('office');
    expect(counts(r.overall)).toEqual({
      on_time: [4, 5, 1], // A B C D on time, E late, F pending
      face_to_face: [3, 5, 1], // A C E 面商; B phone, D none; F not replied
      key_satisfaction: [1, 2, 0], // A satisfied; D (建议案) no feedback
      satisfaction: [4, 5, 1], // A B C(2nd round) E; D no feedback
      solved: [3, 5, 1], // A C(latest) E are category A
    });
    expect(r.overall.on_time).toMatchObject({ rate: 0.8, target: 1, met: false });
    expect(r.overall.satisfaction).toMatchObject({ rate: 0.8, target: 0.985, met: false });
    expect(r.overall.solved).toMatchObject({ rate: 0.6, target: 0.45, met: true });
    expect(r.labels.on_time).toBe('按时答复率');

    const chamber = Object.fromEntries(r.byChamber.map((c: any) => [c.chamber, counts(c.figures)]));
    expect(chamber.npc).toEqual({ on_time: [2, 3, 1], face_to_face: [2, 3, 1], key_satisfaction: [1, 1, 0], satisfaction: [3, 3, 1], solved: [2, 3, 1] });
    expect(chamber.cppcc).toEqual({ on_time: [2, 2, 0], face_to_face: [1, 2, 0], key_satisfaction: [0, 1, 0], satisfaction: [1, 2, 0], solved: [1, 2, 0] });

    const unit = Object.fromEntries(r.byUnit.map((u: any) => [u.unitId, counts(u.figures)]));
    expect(Object.keys(unit).sort()).toEqual(['jyj', 'rsj', 'wjw']);
    expect(unit.rsj).toEqual({ on_time: [2, 3, 0], face_to_face: [2, 3, 0], key_satisfaction: [1, 1, 0], satisfaction: [3, 3, 0], solved: [2, 3, 0] });
    expect(unit.jyj).toEqual(chamber.cppcc);
    expect(unit.wjw).toEqual({ on_time: [0, 0, 1], face_to_face: [0, 0, 1], key_satisfaction: [0, 0, 0], satisfaction: [0, 0, 1], solved: [0, 0, 1] });

    const portfolio = Object.fromEntries(r.byPortfolio.map((p: any) => [p.leaderInCharge, counts(p.figures)]));
    expect(portfolio['vice-mayor-1']).toEqual(chamber.npc);
    expect(portfolio['vice-mayor-2']).toEqual(chamber.cppcc);
  });

  it('the drill-down lists exactly the items behind a number', async () => {
    expect(await drill('&kpi=on_time&outcome=late')).toEqual(['E']);
    expect(await drill('&kpi=on_time&outcome=numerator')).toEqual(['A', 'B', 'C', 'D']);
    expect(await drill('&kpi=on_time&outcome=pending')).toEqual(['F']);
    expect(await drill('&kpi=face_to_face&outcome=denominator')).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(await drill('&kpi=face_to_face&outcome=other')).toEqual(['B', 'D']);
    expect(await drill('&kpi=key_satisfaction&outcome=no_feedback')).toEqual(['D']);
    expect(await drill('&kpi=satisfaction&outcome=numerator')).toEqual(['A', 'B', 'C', 'E']);
    expect(await drill('&kpi=solved&outcome=A')).toEqual(['A', 'C', 'E']);
    expect(await drill('&kpi=solved')).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    const one = (await as.office.get(`/api/stats/kpis/items?year=${YEAR}&kpi=on_time&outcome=late`)).body;
    expect(one).toMatchObject({ total: 1, items: [{ number: items.E.number, unitId: 'rsj', outcome: 'late', leaderInCharge: 'vice-mayor-1' }] });
    // an outcome the figure does not have is refused
    const bad = await as.office.get(`/api/stats/kpis/items?year=${YEAR}&kpi=on_time&outcome=A`);
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('asOf an earlier moment gives the earlier figures; a day before anything was recorded gives none', async () => {
    const then = await kpis('office', `&asOf=${encodeURIComponent(midway)}`);
    expect(then.at).toBe(midway);
    expect(counts(then.overall)).toEqual({
      on_time: [3, 4, 2], // A B C on time; E past its deadline unanswered; D F pending
      face_to_face: [2, 3, 3], // replied: A C 面商, B phone
      key_satisfaction: [1, 1, 1], // A; D not replied yet
      satisfaction: [2, 2, 4], // A B; C awaiting its answer
      solved: [1, 3, 3], // A of A, B, C(category C then)
    });
    expect(await drill(`&kpi=solved&outcome=denominator&asOf=${encodeURIComponent(midway)}`)).toEqual(['A', 'B', 'C']);
    expect(await drill(`&kpi=on_time&outcome=late&asOf=${encodeURIComponent(midway)}`)).toEqual(['E']);
    const yesterday = await kpis('office', `&asOf=${shanghaiDay(-1)}`);
    expect(yesterday.asOf).toBe(shanghaiDay(-1));
    expect(counts(yesterday.overall).satisfaction).toEqual([0, 0, 0]);
    // today (the day has not ended): the figures of now
    expect(counts((await kpis('office', `&asOf=${shanghaiDay()}`)).overall)).toEqual(counts((await kpis('office')).overall));
    // no looking ahead
    const tomorrow = await as.office.get(`/api/stats/kpis?year=${YEAR}&asOf=${shanghaiDay(1)}`);
    expect({ status: tomorrow.status, code: tomorrow.body.code, field: tomorrow.body.details?.fields?.[0]?.field }).toEqual({ status: 400, code: 'VALIDATION_FAILED', field: 'asOf' });
  });

  it('each role sees its own scope: a liaison its chamber, a unit its own, a vice mayor the portfolio', async () => {
    const office = await kpis('office');
    const npc = await kpis('npc-liaison');
    expect(counts(npc.overall)).toEqual(counts(office.byChamber.find((c: any) => c.chamber === 'npc').figures));
    const cppcc = await kpis('cppcc-liaison');
    expect(counts(cppcc.overall)).toEqual(counts(office.byChamber.find((c: any) => c.chamber === 'cppcc').figures));
    const rsj = await kpis('rsj-handler');
    expect(rsj.byUnit.map((u: any) => u.unitId)).toEqual(['rsj']);
    expect(counts(rsj.overall)).toEqual(counts(office.byUnit.find((u: any) => u.unitId === 'rsj').figures));
    const vm2 = await kpis('vice-mayor-2');
    expect(counts(vm2.overall)).toEqual(counts(office.byPortfolio.find((p: any) => p.leaderInCharge === 'vice-mayor-2').figures));
    expect(await drill('&kpi=solved', 'jyj-handler')).toEqual(['C', 'D']);
    expect(await drill('&kpi=solved', 'npc-liaison')).toEqual(['A', 'B', 'E', 'F']);
    const other = await as['rsj-handler'].get(`/api/stats/kpis?year=${YEAR}&unitId=jyj`);
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 403, code: 'NOT_YOUR_UNIT' });
    const chamberOther = await as['npc-liaison'].get(`/api/stats/kpis?year=${YEAR}&chamber=cppcc`);
    expect({ status: chamberOther.status, code: chamberOther.body.code }).toEqual({ status: 403, code: 'NOT_YOUR_CHAMBER' });
  });

  it('the public figures (SPEC §7): each unit overall, nothing personal', async () => {
    const res = await new ApiClient(stack.baseUrl).get(`/api/public/stats?year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.body.units.map((u: any) => u.unitId)).toEqual(['jyj', 'rsj', 'wjw']);
    expect(counts(res.body.overall)).toEqual(counts((await kpis('office')).overall));
    const text = JSON.stringify(res.body);
    for (const personal of ['测试代表', '13800000000', 'deputy-1', 'member-1', 'vice-mayor', items.A.id]) expect(text).not.toContain(personal);
  });
});

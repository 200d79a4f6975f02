/**
 * 改派 in 分别办理 (Art. 6, 7; SPEC §4.1), end to end through HTTP on the real Temporal server and
 * PostgreSQL: an item handled separately by two units; one unit's return is approved; its part
 * waits, and the office re-assigns it to a third unit, which gets fresh windows from its own
 * 接办之日, signs and replies — while the other unit's part is left exactly as it was. Once through
 * the single endpoint, once through the bulk assignment (交办会).
 */
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';
import { fetchHistories, keepAsFixtures, replay } from './histories';

let stack: Stack;
const as: Record<string, ApiClient> = {};
const USERS = ['office', 'rsj-handler', 'jyj-handler', 'wjw-handler', 'wjw-leader', 'mzj-handler', 'mzj-leader'];

beforeAll(async () => {
  stack = await startStack();
  const clients = await Promise.all(USERS.map((u) => ApiClient.login(stack.baseUrl, u)));
  USERS.forEach((u, i) => (as[u] = clients[i]));
});
afterAll(() => stack?.stop());

/** Items this file created, for the replay test at the end. */
const created: string[] = [];
const detailOf = async (id: string) => (await as.office.get(`/api/proposals/${id}`)).body;
const unitOf = (detail: any, unitId: string) => detail.assignments.find((a: any) => a.unitId === unitId);
const eventsOf = async (id: string) => (await as.office.get(`/api/proposals/${id}/events`)).body as any[];

/** 登记, 交办 to rsj and jyj separately three days ago (both sign), then rsj's return approved. */
async function separateItemWithReturnedPart(title: string) {
  const reg = await as.office.post('/api/proposals', registration({ title }));
  expect(reg.status).toBe(201);
  const id: string = reg.body.id;
  created.push(id);
  const assigned = await as.office.post(`/api/proposals/${id}/assignment`, { mode: 'separate', leadUnitIds: ['rsj', 'jyj'], assignedOn: shanghaiDay(-3) });
  expect(assigned.status).toBe(200);
  expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
  expect((await as['jyj-handler'].post(`/api/proposals/${id}/units/jyj/receipt`)).status).toBe(200);
  const jyjBefore = unitOf(await detailOf(id), 'jyj');
  const asked = await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/return-request`, { reason: '该事项不属于本单位职责，建议交市卫健委办理。' });
  expect(asked.status).toBe(200);
  const approved = await as.office.post(`/api/proposals/${id}/units/rsj/return-decision`, { approve: true, comment: '同意退转' });
  expect(approved.status).toBe(200);
  return { id, jyjBefore, approved: approved.body };
}

/** The re-assigned unit signs, drafts, its leader and the office approve, it sends: the reply is out. */
async function signAndReply(id: string, unit: string) {
  expect((await as[`${unit}-handler`].post(`/api/proposals/${id}/units/${unit}/receipt`)).status).toBe(200);
  const d = await as[`${unit}-handler`].post(`/api/proposals/${id}/replies`, { unitId: unit, category: 'B', body: '关于您提出的建议中本单位负责的部分，答复如下：……' });
  expect(d.status).toBe(201);
  const replyId: string = d.body.replyId;
  expect((await as[`${unit}-leader`].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true, comment: '质量审查通过' })).status).toBe(200);
  const sent = await as[`${unit}-handler`].post(`/api/proposals/${id}/replies/${replyId}/send`);
  expect(sent.status).toBe(200);
  return sent.body;
}

/** What must not move in the other unit's part: its windows, its deadline, its signature, its status. */
const untouched = (u: any) => ({
  status: u.status,
  assignedOn: u.assignedOn,
  signedAt: u.signedAt,
  returnWindowClosesAt: u.returnWindowClosesAt,
  replyDueAt: u.replyDueAt,
  replyDueLastDay: u.replyDueLastDay,
  returnRequests: u.returnRequests,
});

describe('分别办理: a returned part re-assigned through its own endpoint', () => {
  let id: string;
  let jyjBefore: any;

  it('the approved return leaves rsj\'s part waiting, visible in the detail; jyj goes on', async () => {
    const item = await separateItemWithReturnedPart('关于分别办理改派测试的建议');
    id = item.id;
    jyjBefore = item.jyjBefore;
    const d = item.approved;
    expect(d.status).toBe('assigned');
    expect(d.partsAwaitingReassignment).toEqual([{ unitId: 'rsj', unitName: '市人社局', since: expect.any(String) }]);
    expect(unitOf(d, 'rsj')).toMatchObject({ status: 'returned', reassignedTo: null });
    expect(untouched(unitOf(d, 'jyj'))).toEqual(untouched(jyjBefore));
  });

  it('assigning the whole item again is refused, naming the part to re-assign', async () => {
    const res = await as.office.post(`/api/proposals/${id}/assignment`, { mode: 'separate', leadUnitIds: ['wjw', 'mzj'], assignedOn: shanghaiDay() });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ALREADY_ASSIGNED');
    expect(res.body.message).toContain('待改派');
  });

  it('the re-assignment is refused to a unit already on the item, to an unknown unit, and to anyone but the office', async () => {
    for (const toUnitId of ['jyj', 'rsj']) {
      const res = await as.office.post(`/api/proposals/${id}/units/rsj/reassignment`, { toUnitId, assignedOn: shanghaiDay() });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'UNIT_ALREADY_ON_ITEM' });
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const unknown = await as.office.post(`/api/proposals/${id}/units/rsj/reassignment`, { toUnitId: 'nosuchunit', assignedOn: shanghaiDay() });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const noPart = await as.office.post(`/api/proposals/${id}/units/jyj/reassignment`, { toUnitId: 'wjw', assignedOn: shanghaiDay() });
    expect({ status: noPart.status, code: noPart.body.code }).toEqual({ status: 409, code: 'NO_PART_AWAITING_REASSIGNMENT' });
    const future = await as.office.post(`/api/proposals/${id}/units/rsj/reassignment`, { toUnitId: 'wjw', assignedOn: shanghaiDay(1) });
    expect({ status: future.status, code: future.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const byUnit = await as['wjw-handler'].post(`/api/proposals/${id}/units/rsj/reassignment`, { toUnitId: 'wjw', assignedOn: shanghaiDay() });
    expect({ status: byUnit.status, code: byUnit.body.code }).toEqual({ status: 403, code: 'FORBIDDEN_ROLE' });
    expect((await eventsOf(id)).at(-1).type).toBe('ReturnApproved');
  });

  it('the office re-assigns rsj\'s part to wjw: fresh windows from today, the other part unchanged', async () => {
    const res = await as.office.post(`/api/proposals/${id}/units/rsj/reassignment`, { toUnitId: 'wjw', assignedOn: shanghaiDay(), responsiblePerson: '张主任' });
    expect(res.status).toBe(200);
    const wjw = unitOf(res.body, 'wjw');
    const rsj = unitOf(res.body, 'rsj');
    expect(wjw).toMatchObject({ role: 'separate', status: 'assigned', assignedOn: shanghaiDay(), reassignedFrom: 'rsj', responsiblePerson: '张主任', returnWindowClosed: false });
    expect(rsj).toMatchObject({ status: 'returned', reassignedTo: 'wjw' });
    // Fresh: counted from wjw's own 接办之日 (today), three days after the others'.
    expect(wjw.returnWindowLastDay > rsj.returnWindowLastDay).toBe(true);
    expect(Date.parse(wjw.replyDueAt)).toBeGreaterThan(Date.parse(jyjBefore.replyDueAt));
    expect(wjw.returnWindowExplanation).toContain(shanghaiDay());
    expect(res.body.partsAwaitingReassignment).toEqual([]);
    expect(res.body.status).toBe('assigned');
    expect(untouched(unitOf(res.body, 'jyj'))).toEqual(untouched(jyjBefore));
    const last = (await eventsOf(id)).at(-1);
    expect(last).toMatchObject({ type: 'PartReassigned', data: { fromUnitId: 'rsj', assignedOn: shanghaiDay(), unit: { unitId: 'wjw', role: 'separate' } } });
    const again = await as.office.post(`/api/proposals/${id}/units/rsj/reassignment`, { toUnitId: 'mzj', assignedOn: shanghaiDay() });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'NO_PART_AWAITING_REASSIGNMENT' });
  });

  it('wjw hears of it as a freshly assigned unit does, and finds the item in its list and in the unit filter', async () => {
    const notice = await eventually('the 改派 notice of wjw', async () =>
      ((await as['wjw-handler'].get('/api/me/inbox')).body.items as any[]).find((n) => n.proposalId === id && n.kind === 'assigned'),
    );
    expect(notice.title).toMatch(/^改派：/);
    expect(notice.body).toContain('市人社局');
    const mine = await as['wjw-handler'].get('/api/proposals?pageSize=100');
    expect(mine.body.items.map((i: any) => i.id)).toContain(id);
    const filtered = await as.office.get('/api/proposals?unitId=wjw&pageSize=100');
    const row = filtered.body.items.find((i: any) => i.id === id);
    expect(row).toBeDefined();
    expect(row.activeUnitIds.sort()).toEqual(['jyj', 'wjw']);
  });

  it('wjw signs and replies for its part; jyj\'s part is still exactly as it was', async () => {
    const after = await signAndReply(id, 'wjw');
    expect(unitOf(after, 'wjw').status).toBe('replied');
    expect(after.replies.map((r: any) => [r.unitId, r.status])).toEqual([['wjw', 'sent']]);
    expect(untouched(unitOf(after, 'jyj'))).toEqual(untouched(jyjBefore));
    expect(after.status).toBe('assigned');
  });
});

describe('分别办理: the returned part re-assigned through the bulk assignment (交办会)', () => {
  let id: string;
  let jyjBefore: any;

  it('a bulk item for an item with a waiting part must name its new unit in separate mode', async () => {
    const item = await separateItemWithReturnedPart('关于批量改派测试的建议');
    id = item.id;
    jyjBefore = item.jyjBefore;
    const wrong = await as.office.post('/api/proposals/assignments', { assignedOn: shanghaiDay(), items: [{ proposalId: id, mode: 'single', leadUnitIds: ['mzj'] }] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('VALIDATION_FAILED');
    expect(wrong.body.details.items).toEqual([expect.objectContaining({ index: 0, field: 'mode' })]);
    expect((await eventsOf(id)).at(-1).type).toBe('ReturnApproved');
  });

  it('the bulk assignment routes the item to the re-assignment of its part: mzj gets fresh windows, jyj is untouched', async () => {
    const res = await as.office.post('/api/proposals/assignments', { assignedOn: shanghaiDay(), items: [{ proposalId: id, mode: 'separate', leadUnitIds: ['mzj'] }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ assigned: 1, results: [{ proposalId: id, status: 200 }] });
    const d = await detailOf(id);
    const mzj = unitOf(d, 'mzj');
    expect(mzj).toMatchObject({ role: 'separate', status: 'assigned', assignedOn: shanghaiDay(), reassignedFrom: 'rsj' });
    expect(mzj.returnWindowLastDay > unitOf(d, 'rsj').returnWindowLastDay).toBe(true);
    expect(d.partsAwaitingReassignment).toEqual([]);
    expect(untouched(unitOf(d, 'jyj'))).toEqual(untouched(jyjBefore));
    expect((await eventsOf(id)).map((e) => e.type).slice(-2)).toEqual(['ReturnApproved', 'PartReassigned']);
    // Once the part is taken, the same bulk line is an ordinary "already assigned" for this item.
    const twice = await as.office.post('/api/proposals/assignments', { assignedOn: shanghaiDay(), items: [{ proposalId: id, mode: 'separate', leadUnitIds: ['mzj', 'czj'] }] });
    expect(twice.body.results[0]).toMatchObject({ status: 409, code: 'ALREADY_ASSIGNED' });
  });

  it('mzj signs and replies for its part; jyj\'s part is unchanged', async () => {
    const after = await signAndReply(id, 'mzj');
    expect(after.replies.map((r: any) => [r.unitId, r.status])).toEqual([['mzj', 'sent']]);
    expect(untouched(unitOf(after, 'jyj'))).toEqual(untouched(jyjBefore));
  });
});

describe('workflow determinism', () => {
  it('the histories this file recorded (patch part-reassignment taken) replay against the current workflow code', async () => {
    expect(created).toHaveLength(2);
    const histories = await fetchHistories(created);
    keepAsFixtures('reassignment', histories);
    const results = await replay(histories);
    expect(results.map((r) => r.error)).toEqual(created.map(() => undefined));
  });
});

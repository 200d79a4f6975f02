/**
 * The first slice of the process, end to end through HTTP on the real Temporal server and
 * PostgreSQL: 登记 → 交办 → 签收 → 退转 (Art. 6, 7, 17).
 */
import { publishPolicy } from '@jyta/proposal-registry';
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';
import { fetchHistories, keepAsFixtures, replay } from './histories';

let stack: Stack;
let office: ApiClient;
let cjj: ApiClient; // 市城建局 handler
let zfbzj: ApiClient; // 市住房保障局 handler
let jyj: ApiClient; // 市教育局 handler, never assigned

beforeAll(async () => {
  stack = await startStack();
  [office, cjj, zfbzj, jyj] = await Promise.all(
    ['office', 'cjj-handler', 'zfbzj-handler', 'jyj-handler'].map((u) => ApiClient.login(stack.baseUrl, u)),
  );
});
afterAll(() => stack?.stop());

/** Items this file created, for the replay test at the end. */
const created: string[] = [];
const eventsOf = async (id: string) => (await office.get(`/api/proposals/${id}/events`)).body as any[];

describe('Art. 7 退转: two units, one returns inside its window, the other window closes by its timer', () => {
  let id: string;

  it('registers with a short test policy (return window 12 s)', async () => {
    await publishPolicy(stack.pool, { returnWindow: 'PT12S' }, 'e2e');
    const res = await office.post('/api/proposals', registration());
    expect(res.status).toBe(201);
    expect(res.body.number).toMatch(/^2026-建议-\d{4}$/);
    id = res.body.id;
    created.push(id);
  });

  it('Art. 6 交办: assigns to a lead and a co-unit', async () => {
    const res = await office.post(`/api/proposals/${id}/assignment`, {
      mode: 'lead',
      leadUnitIds: ['cjj'],
      coUnitIds: ['zfbzj'],
      assignedOn: shanghaiDay(),
      leaderInCharge: 'vice-mayor-1',
      division: '二处',
    });
    expect(res.status).toBe(200);
    expect(res.body.assignments.map((a: any) => [a.unitId, a.role])).toEqual([
      ['cjj', 'lead'],
      ['zfbzj', 'co'],
    ]);
  });

  it('Art. 17 签收: both units sign', async () => {
    expect((await cjj.post(`/api/proposals/${id}/units/cjj/receipt`)).status).toBe(200);
    expect((await zfbzj.post(`/api/proposals/${id}/units/zfbzj/receipt`)).status).toBe(200);
  });

  it('Art. 7: the co-unit asks to return inside its window and the office approves; it leaves the item', async () => {
    const req = await zfbzj.post(`/api/proposals/${id}/units/zfbzj/return-request`, { reason: '该事项不属于本单位职责，建议交市城建局办理。' });
    expect(req.status).toBe(200);
    const dec = await office.post(`/api/proposals/${id}/units/zfbzj/return-decision`, { approve: true, comment: '同意退转' });
    expect(dec.status).toBe(200);
    const unit = dec.body.assignments.find((a: any) => a.unitId === 'zfbzj');
    expect(unit.status).toBe('returned');
    const detail = await cjj.get(`/api/proposals/${id}`);
    expect(detail.body.assignments.find((a: any) => a.unitId === 'cjj').status).toBe('handling');
  });

  it("Art. 7: the lead unit's window closes by its Temporal timer, and the events show it", async () => {
    const closed = await eventually('ReturnWindowClosed', async () =>
      (await eventsOf(id)).find((e) => e.type === 'ReturnWindowClosed' && e.data.unitId === 'cjj'),
    );
    expect(closed.actor.role).toBe('system');
    expect(closed.occurredAt).toBe(closed.data.closedAt);
    const types = (await eventsOf(id)).map((e) => e.type);
    expect(types).toEqual([
      'ProposalRegistered',
      'ProposalAssigned',
      'ReceiptSigned',
      'ReceiptSigned',
      'ReturnRequested',
      'ReturnApproved',
      'ReturnWindowClosed',
    ]);
  });

  it('Art. 7: a return request after that is refused with 409 RETURN_WINDOW_CLOSED', async () => {
    const res = await cjj.post(`/api/proposals/${id}/units/cjj/return-request`, { reason: '不属于本单位职责' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('RETURN_WINDOW_CLOSED');
  });

  it('a handler of a unit that is not assigned gets 403', async () => {
    expect((await jyj.get(`/api/proposals/${id}`)).status).toBe(403);
    expect((await jyj.post(`/api/proposals/${id}/units/jyj/receipt`)).status).toBe(403);
    // …and may not act in another unit's name.
    expect((await jyj.post(`/api/proposals/${id}/units/cjj/receipt`)).status).toBe(403);
    const list = await jyj.get('/api/proposals');
    expect(list.body.items.map((i: any) => i.id)).not.toContain(id);
  });
});

describe('Art. 7 with a backdated assignment (imported from an older system)', () => {
  it('an item assigned 20 days ago has its window closed at once, dated when it really closed', async () => {
    await publishPolicy(stack.pool, { returnWindow: 'P15D' }, 'e2e');
    const reg = await office.post('/api/proposals', registration({ title: '关于完善社区养老服务设施的建议' }));
    expect(reg.status).toBe(201);
    const id = reg.body.id;
    created.push(id);
    const assigned = await office.post(`/api/proposals/${id}/assignment`, { mode: 'single', leadUnitIds: ['mzj'], assignedOn: shanghaiDay(-20) });
    expect(assigned.status).toBe(200);
    const unit = assigned.body.assignments[0];
    expect(Date.parse(unit.returnWindowClosesAt)).toBeLessThan(Date.now());
    const closed = await eventually('ReturnWindowClosed', async () =>
      (await eventsOf(id)).find((e) => e.type === 'ReturnWindowClosed'),
    );
    expect(closed.occurredAt).toBe(unit.returnWindowClosesAt);
    expect(Date.parse(closed.recordedAt)).toBeGreaterThan(Date.parse(closed.occurredAt));
    const mzj = await ApiClient.login(stack.baseUrl, 'mzj-handler');
    const res = await mzj.post(`/api/proposals/${id}/units/mzj/return-request`, { reason: '不属于本单位职责' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('RETURN_WINDOW_CLOSED');
    // The unit is responsible now; it signs (recorded, moves no clock).
    expect((await mzj.post(`/api/proposals/${id}/units/mzj/receipt`)).status).toBe(200);
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['ProposalRegistered', 'ProposalAssigned', 'ReturnWindowClosed', 'ReceiptSigned']);
  });
});

describe('bad input gets 400 naming the field, never a 500', () => {
  it.each([
    [{ ...registration(), kind: 'petition' }, 'kind'],
    [{ ...registration(), title: '' }, 'title'],
    [{ ...registration(), proposers: [] }, 'proposers'],
    [{ ...registration(), proposers: [{ delegation: 'x' }] }, 'proposers.0.name'],
    [{ ...registration(), sessionYear: 'next' }, 'sessionYear'],
  ])('register %#: field %s', async (body, field) => {
    const res = await office.post('/api/proposals', body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.details)).toContain(field);
  });

  it('malformed JSON', async () => {
    const res = await office.post('/api/proposals', '{"kind": ');
    expect(res.status).toBe(400);
  });

  it('assignment with an unknown unit or a bad date', async () => {
    const reg = await office.post('/api/proposals', registration());
    const id = reg.body.id;
    const unknown = await office.post(`/api/proposals/${id}/assignment`, { mode: 'single', leadUnitIds: ['nope'], assignedOn: shanghaiDay() });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('leadUnitIds');
    const badDate = await office.post(`/api/proposals/${id}/assignment`, { mode: 'single', leadUnitIds: ['rsj'], assignedOn: '2026-13-45' });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body)).toContain('assignedOn');
    // Nothing was half-written: the item is still waiting for assignment.
    expect((await office.get(`/api/proposals/${id}`)).body.status).toBe('registered');
  });

  it('a unit handler may not register (403) and an anonymous caller gets 401', async () => {
    expect((await cjj.post('/api/proposals', registration())).status).toBe(403);
    expect((await new ApiClient(stack.baseUrl).get('/api/proposals')).status).toBe(401);
  });

  it('an unknown item is 404', async () => {
    expect((await office.get('/api/proposals/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('workflow determinism', () => {
  it('the histories this file recorded replay against the current workflow code', async () => {
    const histories = await fetchHistories(created);
    keepAsFixtures('return-window', histories);
    const results = await replay(histories);
    expect(results).toHaveLength(created.length);
    for (const r of results) expect(r.error).toBeUndefined();
  });
});

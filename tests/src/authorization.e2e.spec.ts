/**
 * The authorization matrix (SPEC §1, §10): every endpoint that exists today × every kind of demo
 * account → allowed or refused, end to end through HTTP on the real stack.
 *
 * "Allowed" rows state the exact status of the step (200 / 201); refused rows state the 401/403
 * and its machine code. Rows that change state each act on an item of their own, created in
 * beforeAll, so the rows do not depend on each other's order and only one row per item is allowed.
 *
 * The items (all created by `office` in beforeAll):
 * - npc      — NPC suggestion of deputy-1, assigned to rsj (lead) + wjw (co): reads and 签收
 * - cppcc    — CPPCC proposal of member-1, assigned to jyj (single): chamber scoping
 * - toAssign — NPC suggestion of deputy-3, registered only: 交办
 * - toReturn — NPC suggestion of deputy-1, assigned to rsj + wjw: 退转申请
 * - toDecide — NPC suggestion of deputy-1, assigned to rsj + wjw, rsj has asked to return: 退转决定
 */
import { ApiClient, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

const ACCOUNTS = [
  'admin',
  'office',
  'office-reviewer',
  'npc-liaison',
  'cppcc-liaison',
  'vice-mayor-1',
  'rsj-handler', // the assigned (lead) unit of `npc`
  'jyj-handler', // a wrong unit for `npc` (but the unit of `cppcc`)
  'rsj-leader',
  'deputy-1', // the proposer of `npc`
  'deputy-2', // not the proposer of anything here
  'member-1', // the proposer of `cppcc`
] as const;
type Account = (typeof ACCOUNTS)[number] | 'anonymous';
const CALLERS: Account[] = [...ACCOUNTS, 'anonymous'];

// ── the expected outcomes ────────────────────────────────────────────────────────────────────
const OK = 200;
const CREATED = 201;
/** 401: no (valid) access token */
const ANON = 'UNAUTHENTICATED';
/** 403: the role may never call this */
const ROLE = 'FORBIDDEN_ROLE';
/** 403: the caller's unit / chamber / person has nothing to do with this item */
const ITEM = 'NOT_YOUR_ITEM';
/** 403: a unit handler acting in another unit's name */
const UNIT = 'NOT_YOUR_UNIT';
type Outcome = typeof OK | typeof CREATED | typeof ANON | typeof ROLE | typeof ITEM | typeof UNIT;

const STATUS_OF: Record<string, number> = { [ANON]: 401, [ROLE]: 403, [ITEM]: 403, [UNIT]: 403 };

// prettier-ignore
const MATRIX: Record<string, Outcome[]> = {
  //                                    admin    office   office-  npc-     cppcc-   vice-    rsj-     jyj-     rsj-     deputy-1 deputy-2 member-1 anonymous
  //                                                      reviewer liaison  liaison  mayor-1  handler  handler  leader
  'GET health':                        [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK],
  'GET me':                            [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ANON],
  'GET units':                         [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ANON],
  'GET list':                          [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ANON],
  'GET detail (npc)':                  [OK,      OK,      OK,      OK,      ITEM,    OK,      OK,      ITEM,    OK,      OK,      ITEM,    ITEM,    ANON],
  'GET events (npc)':                  [OK,      OK,      OK,      OK,      ITEM,    OK,      OK,      ITEM,    OK,      OK,      ITEM,    ITEM,    ANON],
  'GET detail (cppcc)':                [OK,      OK,      OK,      ITEM,    OK,      OK,      ITEM,    OK,      ITEM,    ITEM,    ITEM,    OK,      ANON],
  'GET events (cppcc)':                [OK,      OK,      OK,      ITEM,    OK,      OK,      ITEM,    OK,      ITEM,    ITEM,    ITEM,    OK,      ANON],
  'POST register':                     [ROLE,    CREATED, ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST assignment':                   [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST receipt (npc, unit rsj)':      [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST receipt (npc, unit jyj)':      [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    UNIT,    ITEM,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST return-request (unit rsj)':    [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST return-decision (unit rsj)':   [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
};

/** What each account's `GET /api/proposals` holds (of the items beforeAll creates). */
const ITEMS = ['npc', 'cppcc', 'toAssign', 'toReturn', 'toDecide'] as const;
type ItemName = (typeof ITEMS)[number];
const RSJ_ITEMS: ItemName[] = ['npc', 'toReturn', 'toDecide'];
const NPC_ITEMS: ItemName[] = ['npc', 'toAssign', 'toReturn', 'toDecide'];
const LIST_SCOPE: Record<(typeof ACCOUNTS)[number], ItemName[]> = {
  admin: [...ITEMS],
  office: [...ITEMS],
  'office-reviewer': [...ITEMS],
  'vice-mayor-1': [...ITEMS],
  'npc-liaison': NPC_ITEMS,
  'cppcc-liaison': ['cppcc'],
  'rsj-handler': RSJ_ITEMS,
  'rsj-leader': RSJ_ITEMS,
  'jyj-handler': ['cppcc'],
  'deputy-1': ['npc', 'toReturn', 'toDecide'],
  'deputy-2': [],
  'member-1': ['cppcc'],
};

// ── the stack and the items ──────────────────────────────────────────────────────────────────
let stack: Stack;
const clients = {} as Record<Account, ApiClient>;
const ids = {} as Record<ItemName, string>;
const nameOfId = (id: string) => (Object.keys(ids) as ItemName[]).find((n) => ids[n] === id) ?? `unknown item ${id}`;

type Request = [method: 'GET' | 'POST', path: string, body?: unknown];
const REQUESTS: Record<keyof typeof MATRIX, () => Request> = {
  'GET health': () => ['GET', '/api/health'],
  'GET me': () => ['GET', '/api/me'],
  'GET units': () => ['GET', '/api/units'],
  'GET list': () => ['GET', '/api/proposals'],
  'GET detail (npc)': () => ['GET', `/api/proposals/${ids.npc}`],
  'GET events (npc)': () => ['GET', `/api/proposals/${ids.npc}/events`],
  'GET detail (cppcc)': () => ['GET', `/api/proposals/${ids.cppcc}`],
  'GET events (cppcc)': () => ['GET', `/api/proposals/${ids.cppcc}/events`],
  // valid bodies throughout, so that a wrongly allowed call would show as 2xx, not hide behind a 400
  'POST register': () => ['POST', '/api/proposals', registration({ title: '关于矩阵测试登记的建议', proposers: [{ name: '测试代表戊', username: 'deputy-5' }] })],
  'POST assignment': () => ['POST', `/api/proposals/${ids.toAssign}/assignment`, { mode: 'single', leadUnitIds: ['mzj'], assignedOn: shanghaiDay() }],
  'POST receipt (npc, unit rsj)': () => ['POST', `/api/proposals/${ids.npc}/units/rsj/receipt`],
  'POST receipt (npc, unit jyj)': () => ['POST', `/api/proposals/${ids.npc}/units/jyj/receipt`],
  'POST return-request (unit rsj)': () => ['POST', `/api/proposals/${ids.toReturn}/units/rsj/return-request`, { reason: '该事项不属于本单位职责。' }],
  'POST return-decision (unit rsj)': () => ['POST', `/api/proposals/${ids.toDecide}/units/rsj/return-decision`, { approve: true, comment: '同意退转' }],
};

async function register(office: ApiClient, overrides: Record<string, unknown>) {
  const res = await office.post('/api/proposals', registration(overrides));
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
async function assign(office: ApiClient, id: string, body: Record<string, unknown>) {
  const res = await office.post(`/api/proposals/${id}/assignment`, { assignedOn: shanghaiDay(), ...body });
  if (res.status !== 200) throw new Error(`assign: ${res.status} ${JSON.stringify(res.body)}`);
}
const rsjAndWjw = { mode: 'lead', leadUnitIds: ['rsj'], coUnitIds: ['wjw'] };

beforeAll(async () => {
  stack = await startStack();
  const logged = await Promise.all(ACCOUNTS.map((u) => ApiClient.login(stack.baseUrl, u)));
  ACCOUNTS.forEach((u, i) => (clients[u] = logged[i]));
  clients.anonymous = new ApiClient(stack.baseUrl);
  const office = clients.office;

  const deputy1 = [{ name: '测试代表甲', delegation: '金水区代表团', username: 'deputy-1' }];
  [ids.npc, ids.cppcc, ids.toAssign, ids.toReturn, ids.toDecide] = await Promise.all([
    register(office, { title: '关于完善职业技能培训补贴政策的建议', proposers: deputy1 }),
    register(office, {
      kind: 'cppcc_proposal',
      title: '关于加强中小学生心理健康教育的提案',
      topic: '教育',
      proposers: [{ name: '测试委员甲', delegation: '教育界', username: 'member-1' }],
    }),
    register(office, { title: '关于完善社区养老服务设施的建议', proposers: [{ name: '测试代表丙', username: 'deputy-3' }] }),
    register(office, { title: '关于扩大就业见习岗位的建议', proposers: deputy1 }),
    register(office, { title: '关于规范劳务派遣用工的建议', proposers: deputy1 }),
  ]);
  await Promise.all([
    assign(office, ids.npc, rsjAndWjw),
    assign(office, ids.cppcc, { mode: 'single', leadUnitIds: ['jyj'] }),
    assign(office, ids.toReturn, rsjAndWjw),
    assign(office, ids.toDecide, rsjAndWjw),
  ]);
  const asked = await clients['rsj-handler'].post(`/api/proposals/${ids.toDecide}/units/rsj/return-request`, { reason: '不属于本单位职责。' });
  if (asked.status !== 200) throw new Error(`return-request: ${asked.status} ${JSON.stringify(asked.body)}`);
}, 110_000);
afterAll(() => stack?.stop());

// ── list scoping first: the matrix below adds items (POST register) ───────────────────────────
describe('GET /api/proposals holds exactly the items the caller may see', () => {
  it.each(ACCOUNTS.map((u) => [u, LIST_SCOPE[u]] as const))('%s sees %j', async (user, expected) => {
    const res = await clients[user].get('/api/proposals?pageSize=100');
    expect(res.status).toBe(200);
    const seen = (res.body.items as { id: string }[]).map((i) => nameOfId(i.id)).sort();
    expect(seen).toEqual([...expected].sort());
    expect(res.body.total).toBe(expected.length);
  });

  it('anonymous: 401', async () => {
    const res = await clients.anonymous.get('/api/proposals');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe(ANON);
  });

  it('filters never widen the scope', async () => {
    const ofIds = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => nameOfId(i.id)).sort();
    // a unit asking for another unit's items gets an empty page
    expect(ofIds(await clients['jyj-handler'].get('/api/proposals?unitId=rsj'))).toEqual([]);
    expect(ofIds(await clients['rsj-leader'].get('/api/proposals?unitId=jyj'))).toEqual([]);
    // a liaison asking for the other chamber's kind gets nothing
    expect(ofIds(await clients['npc-liaison'].get('/api/proposals?kind=cppcc_proposal'))).toEqual([]);
    expect(ofIds(await clients['cppcc-liaison'].get('/api/proposals?kind=npc_suggestion'))).toEqual([]);
    // a proposer's filters only narrow their own items
    expect(ofIds(await clients['deputy-2'].get('/api/proposals?unitId=rsj'))).toEqual([]);
    expect(ofIds(await clients['deputy-1'].get('/api/proposals?unitId=rsj'))).toEqual(['npc', 'toDecide', 'toReturn']);
    // the scope's own filter names are no query parameters: refused with 400, not a way round it
    const sneaky = await clients['deputy-2'].get('/api/proposals?proposerUsername=deputy-1&kinds=npc_suggestion');
    expect({ status: sneaky.status, code: sneaky.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });
});

// ── the matrix ───────────────────────────────────────────────────────────────────────────────
const ROWS = Object.entries(MATRIX).flatMap(([endpoint, outcomes]) => {
  if (outcomes.length !== CALLERS.length) throw new Error(`MATRIX row "${endpoint}" has ${outcomes.length} columns, not ${CALLERS.length}`);
  return outcomes.map((o, i) => [endpoint, CALLERS[i], o] as const);
});

describe('authorization matrix', () => {
  it.each(ROWS)('%s as %s → %s', async (endpoint, caller, outcome) => {
    const [method, path, body] = REQUESTS[endpoint]();
    const res = method === 'GET' ? await clients[caller].get(path) : await clients[caller].post(path, body);
    const expectedStatus = typeof outcome === 'number' ? outcome : STATUS_OF[outcome];
    // on a mismatch, show what came back
    expect({ status: res.status, code: res.body?.code }).toEqual({
      status: expectedStatus,
      code: typeof outcome === 'number' ? undefined : outcome,
    });
    if (endpoint === 'GET me' && caller !== 'anonymous') expect(res.body.username).toBe(caller);
    if (endpoint.startsWith('GET detail') && outcome === OK) expect(res.body.id).toBe(endpoint.includes('cppcc') ? ids.cppcc : ids.npc);
  });

  it('a forged or malformed token is 401, never a guest pass', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const claims = { sub: '00000000-0000-4000-8000-000000000000', username: 'office', role: 'office', unitId: null, name: 'x' };
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    const wrongKey = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.${'A'.repeat(43)}`;
    for (const token of [unsigned, wrongKey, 'not-a-token']) {
      const res = await new ApiClient(stack.baseUrl, token).get('/api/proposals');
      expect({ token, status: res.status, code: res.body?.code }).toEqual({ token, status: 401, code: ANON });
    }
  });
});

// ── after the matrix: what the allowed rows did, and reads that outlive a return ───────────────
describe('after the allowed steps', () => {
  it('a unit keeps reading an item it has returned, but can act on it no more (409, past authorization)', async () => {
    const rsj = clients['rsj-handler'];
    const detail = await rsj.get(`/api/proposals/${ids.toDecide}`);
    expect(detail.status).toBe(200);
    expect(detail.body.assignments.find((a: any) => a.unitId === 'rsj').status).toBe('returned');
    const list = await rsj.get('/api/proposals?pageSize=100');
    expect(list.body.items.map((i: any) => i.id)).toContain(ids.toDecide);
    const again = await rsj.post(`/api/proposals/${ids.toDecide}/units/rsj/receipt`);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'NOT_ASSIGNED_TO_UNIT' });
  });

  it('the allowed steps happened once, by the caller the matrix allowed', async () => {
    const office = clients.office;
    const lastEvent = async (id: string) => ((await office.get(`/api/proposals/${id}/events`)).body as any[]).at(-1);
    expect(await lastEvent(ids.toAssign)).toMatchObject({ type: 'ProposalAssigned', actor: { username: 'office' } });
    expect(await lastEvent(ids.npc)).toMatchObject({ type: 'ReceiptSigned', actor: { username: 'rsj-handler' } });
    expect(await lastEvent(ids.toReturn)).toMatchObject({ type: 'ReturnRequested', actor: { username: 'rsj-handler' } });
    expect(await lastEvent(ids.toDecide)).toMatchObject({ type: 'ReturnApproved', actor: { username: 'office' } });
    const types = ((await office.get(`/api/proposals/${ids.npc}/events`)).body as any[]).map((e) => e.type);
    expect(types).toEqual(['ProposalRegistered', 'ProposalAssigned', 'ReceiptSigned']);
  });
});

/**
 * 办理结果公开 end to end (Art. 20, SPEC §7), through HTTP on the real Temporal server and
 * PostgreSQL: a sent reply whose letter names the proposer and their phone number is published in
 * full without them, then as a summary, then withheld with its reason; an undisclosed reply never
 * appears; only the reply's unit (or the office) chooses; anyone may read the public list, and
 * the choice can still be made after the item is archived. A letter that carries an ID number,
 * an e-mail address, a +86 landline, a full-width mobile number and the name written with spaces
 * is published without any of them.
 */
import { ApiClient, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

let stack: Stack;
const as: Record<string, ApiClient> = {};
let anonymous: ApiClient;

const NAME = '测试代表乙';
const PHONE = '13912345678';
const BODY = `${NAME}代表：您提出的建议收悉（联系电话 ${PHONE}）。现答复如下：已列入明年城建计划，${NAME}代表关心的问题将于年内解决。\n抄送：市人大选任联工委`;

beforeAll(async () => {
  stack = await startStack();
  const users = ['office', 'rsj-handler', 'rsj-leader', 'wjw-handler', 'deputy-1'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
  anonymous = new ApiClient(stack.baseUrl);
});
afterAll(() => stack?.stop());

async function assigned(proposers: Record<string, string>[] = [{ name: NAME, username: 'deputy-1', phone: PHONE }]) {
  const reg = await as.office.post('/api/proposals', registration({ proposers }));
  expect(reg.status).toBe(201);
  const id: string = reg.body.id;
  expect((await as.office.post(`/api/proposals/${id}/assignment`, { assignedOn: shanghaiDay(), mode: 'single', leadUnitIds: ['rsj'] })).status).toBe(200);
  expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
  return { id, number: reg.body.number as string };
}

async function drafted(id: string, body = BODY) {
  const d = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'B', body });
  expect(d.status).toBe(201);
  return d.body.replyId as string;
}

async function sent(id: string, replyId: string) {
  expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/send`)).status).toBe(200);
}

/** The public rows of one item, read without a token. */
async function published(number: string) {
  const res = await anonymous.get(`/api/public/replies?q=${encodeURIComponent(number)}&pageSize=100`);
  expect(res.status).toBe(200);
  return res.body.items as any[];
}

describe('Art. 20: 办理结果公开', () => {
  let id: string;
  let number: string;
  let replyId: string;

  it('an undisclosed reply never appears; a reply not yet sent cannot be disclosed', async () => {
    ({ id, number } = await assigned());
    replyId = await drafted(id);
    const early = await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/disclosure`, { mode: 'full' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('REPLY_NOT_SENT');
    await sent(id, replyId);
    expect(await published(number)).toEqual([]);
  });

  it('only the unit of the reply (or the office) chooses; the input is checked', async () => {
    const other = await as['wjw-handler'].post(`/api/proposals/${id}/replies/${replyId}/disclosure`, { mode: 'full' });
    expect(other.status).toBe(403);
    const proposer = await as['deputy-1'].post(`/api/proposals/${id}/replies/${replyId}/disclosure`, { mode: 'full' });
    expect(proposer.status).toBe(403);
    const noToken = await anonymous.post(`/api/proposals/${id}/replies/${replyId}/disclosure`, { mode: 'full' });
    expect(noToken.status).toBe(401);
    const noSummary = await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/disclosure`, { mode: 'summary' });
    expect(noSummary.status).toBe(400);
    expect(JSON.stringify(noSummary.body)).toContain('summary');
    const noReason = await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/disclosure`, { mode: 'withheld' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    expect(await published(number)).toEqual([]);
  });

  it('full text: published without the proposer name, phone number and cc', async () => {
    const res = await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/disclosure`, { mode: 'full' });
    expect(res.status).toBe(200);
    const rows = await published(number);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ replyId, proposalNumber: number, unitId: 'rsj', category: 'B', mode: 'full', reason: null });
    expect(rows[0].text).toContain('已列入明年城建计划');
    const json = JSON.stringify(rows);
    for (const secret of [NAME, PHONE, '市人大选任联工委', 'deputy-1']) expect(json).not.toContain(secret);
  });

  it('summary: only the summary is shown', async () => {
    const summary = '已列入明年城建计划，年内解决。';
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/disclosure`, { mode: 'summary', summary })).status).toBe(200);
    const rows = await published(number);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ mode: 'summary', text: summary, reason: null });
  });

  it('withheld: the reason is shown and no text; every choice stays in the events', async () => {
    const reason = '涉及国家秘密，依法不予公开';
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/disclosure`, { mode: 'withheld', reason })).status).toBe(200);
    const rows = await published(number);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ mode: 'withheld', text: null, reason });
    const events = (await as.office.get(`/api/proposals/${id}/events`)).body as any[];
    expect(events.filter((e) => e.type === 'DisclosureChosen').map((e) => e.data.mode)).toEqual(['full', 'summary', 'withheld']);
  });

  it('after archiving, the office can still review the choice (publication is not a change of the handling)', async () => {
    const mine = await as['deputy-1'].get(`/api/proposals/${id}`);
    const token = mine.body.replies.find((r: any) => r.id === replyId)?.feedbackToken;
    const fb = await anonymous.post(`/api/feedback/${token}`, { attitude: 'satisfied', result: 'satisfied', contact: 'phone' });
    expect(fb.status).toBe(200);
    expect(fb.body.proposalStatus).toBe('archived');
    // The handling stays read-only…
    const contact = await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/contacts`, { method: 'phone', on: shanghaiDay(), summary: '回访' });
    expect(contact.status).toBe(409);
    expect(contact.body.code).toBe('ARCHIVED');
    // …but the disclosure may still be chosen, here by the office.
    expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/disclosure`, { mode: 'full' })).status).toBe(200);
    const rows = await published(number);
    expect(rows[0]).toMatchObject({ mode: 'full' });
    expect(JSON.stringify(rows)).not.toContain(NAME);
  });

  it('the public list filters by year, kind, unit and category', async () => {
    const year = 2026; // the fixture's sessionYear
    const byUnit = await anonymous.get(`/api/public/replies?unitId=rsj&category=B&year=${year}&pageSize=100`);
    expect(byUnit.status).toBe(200);
    expect(byUnit.body.items.some((r: any) => r.replyId === replyId)).toBe(true);
    const otherUnit = await anonymous.get(`/api/public/replies?unitId=wjw&pageSize=100`);
    expect(otherUnit.body.items.some((r: any) => r.replyId === replyId)).toBe(false);
    const bad = await anonymous.get(`/api/public/replies?pageSize=1000`);
    expect(bad.status).toBe(400);
  });
});

describe('Art. 20: redaction that holds', () => {
  it('an ID number, an e-mail address, a +86 landline, a full-width mobile and a spaced name are not published', async () => {
    const address = '金水区花园路88号院3号楼';
    const { id, number } = await assigned([{ name: NAME, username: 'deputy-1', phone: '0371-6718 8888', address }]);
    const letter =
      `测 试 代 表 乙代表：您好！您提出的建议（身份证号41010519900101123X）收悉。` +
      `您留下的电子邮箱 ceshi.yi@163.com、办公电话 +86 371 6718 8888 和手机１３９－１２３４－５６７８均已登记，` +
      `住址${address}。现答复如下：2026年11月27日起投入资金1200万元，按郑政办〔2020〕27号文件办理，完成率达到98.5%。`;
    const replyId = await drafted(id, letter);
    await sent(id, replyId);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/disclosure`, { mode: 'full' })).status).toBe(200);
    const rows = await published(number);
    expect(rows).toHaveLength(1);
    const text: string = rows[0].text;
    const digits = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D/g, '');
    for (const secret of ['41010519900101123', '67188888', '13912345678']) expect(digits).not.toContain(secret);
    expect(text).not.toMatch(/ceshi|@|163\.com|花园路/);
    expect(text.replace(/\s/g, '')).not.toContain(NAME);
    // Ordinary numbers stay as written.
    expect(text).toContain('现答复如下：2026年11月27日起投入资金1200万元，按郑政办〔2020〕27号文件办理，完成率达到98.5%。');
  });
});

/**
 * Documents and exports end to end, through HTTP on the real servers: the reply letter (.docx, GB/T
 * 9704-2012 layout, category in the top right corner), the 台账 and the KPI table (.xlsx, parsed back
 * to their rows), the quarterly bulletin (Art. 8, JSON and .docx with every unit, missed monthly
 * reports and open category B promises), the annual report and notice (Art. 12), the government
 * document of a provincial item, and one letter and one bulletin rendered to PDF by LibreOffice.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { PostgresEventStore } from '@jyta/event-store';
import { ApiClient, shanghaiDay } from './http';
import { registration } from './fixtures';
import { docxToPdf, firstPagePng, isPdf, pdfFacts } from './office';
import { startStack, type Stack } from './stack';

let stack: Stack;
const as: Record<string, ApiClient> = {};
let token: Record<string, string> = {};
const YEAR = 2026;

beforeAll(async () => {
  stack = await startStack();
  const users = ['office', 'rsj-handler', 'rsj-leader', 'jyj-handler', 'jyj-leader', 'npc-liaison', 'cppcc-liaison', 'member-1', 'deputy-1'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
  token = Object.fromEntries(
    await Promise.all(
      users.map(async (u) => {
        const res = await new ApiClient(stack.baseUrl).post('/api/auth/login', { username: u, password: process.env.DEMO_PASSWORD ?? 'Demo#2026' });
        return [u, res.body.accessToken as string];
      }),
    ),
  );
}, 120_000);
afterAll(() => stack?.stop());

/** A binary GET: status, headers and the bytes. */
async function download(who: string, path: string) {
  const res = await fetch(stack.baseUrl + path, { headers: { authorization: `Bearer ${token[who]}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

/** word/document.xml of a .docx (a zip), read with the zip reader @e965/xlsx carries. */
function documentXml(docx: Buffer): string {
  const zip = XLSX.CFB.read(docx, { type: 'buffer' });
  const i = zip.FullPaths.findIndex((p: string) => p.endsWith('word/document.xml'));
  expect(i).toBeGreaterThan(-1);
  return Buffer.from(zip.FileIndex[i].content as Uint8Array).toString('utf8');
}
/** The text of each paragraph of document.xml, with its alignment. */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    align: /<w:jc w:val="(\w+)"/.exec(m[0])?.[1] ?? 'left',
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
const sheetRows = (xlsx: Buffer) => {
  const wb = XLSX.read(xlsx, { type: 'buffer' });
  return XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: '' });
};

let unitNames: Record<string, string>;
let npc: { id: string; number: string; replyId: string };
let cppcc: { id: string; number: string };

async function replied(o: { kind: string; unit: string; proposers: object[]; title: string; category: string; body: string }) {
  const reg = await as.office.post('/api/proposals', registration({ sessionYear: YEAR, kind: o.kind, title: o.title, proposers: o.proposers }));
  expect(reg.status).toBe(201);
  const id: string = reg.body.id;
  expect((await as.office.post(`/api/proposals/${id}/assignment`, { mode: 'single', leadUnitIds: [o.unit], assignedOn: shanghaiDay(), leaderInCharge: 'vice-mayor-1' })).status).toBe(200);
  expect((await as[`${o.unit}-handler`].post(`/api/proposals/${id}/units/${o.unit}/receipt`)).status).toBe(200);
  const d = await as[`${o.unit}-handler`].post(`/api/proposals/${id}/replies`, { unitId: o.unit, category: o.category, body: o.body });
  expect(d.status).toBe(201);
  const replyId: string = d.body.replyId;
  expect((await as[`${o.unit}-leader`].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as[`${o.unit}-handler`].post(`/api/proposals/${id}/replies/${replyId}/send`)).status).toBe(200);
  return { id, number: reg.body.number as string, replyId };
}

describe('documents and exports', () => {
  beforeAll(async () => {
    unitNames = Object.fromEntries(((await as.office.get('/api/units')).body as any[]).map((u) => [u.code ?? u.id, u.name]));
    npc = await replied({
      kind: 'npc_suggestion',
      unit: 'rsj',
      title: '关于加强灵活就业人员社会保障的建议',
      proposers: [
        { name: '测试代表甲', username: 'deputy-1', phone: '13800000000' },
        { name: '测试代表乙', username: 'deputy-2' },
      ],
      category: 'B',
      body: '您提出的关于加强灵活就业人员社会保障的建议收悉，现答复如下：\n一、已将灵活就业人员纳入参保扩面计划。\n二、下一步将逐步提高补贴标准。',
    });
    cppcc = await replied({
      kind: 'cppcc_proposal',
      unit: 'jyj',
      title: '关于加强中小学生心理健康教育的提案',
      proposers: [{ name: '测试委员丙', username: 'member-1' }],
      category: 'A',
      body: '您的提案收悉，已落实。',
    });
  }, 120_000);

  it('the reply letter (.docx): GB/T 9704 page, the category top right, organ, number, addressee, text, signature, cc', async () => {
    const res = await download('office', `/api/proposals/${npc.id}/replies/${npc.replyId}/letter`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('wordprocessingml.document');
    expect(decodeURIComponent(res.disposition)).toContain(`${npc.number}-答复函-第1轮.docx`);
    const xml = documentXml(res.body);
    const ps = paragraphs(xml).filter((p) => p.text);
    // the category letter is the first thing on the first page, top right (Art. 10)
    expect(ps[0]).toEqual({ align: 'right', text: 'B' });
    const rsj = unitNames.rsj;
    expect(rsj).toBeTruthy();
    expect(ps[1]).toEqual({ align: 'center', text: rsj }); // 发文机关标志
    expect(ps[2].text).toBe(`${rsj}函〔${YEAR}〕${Number(npc.number.split('-').at(-1))}号`); // 发文字号
    expect(ps[3].text).toBe(`对${npc.number}号建议《关于加强灵活就业人员社会保障的建议》的答复`);
    expect(ps[4].text).toBe('测试代表甲、测试代表乙代表：'); // 主送
    expect(ps.map((p) => p.text)).toEqual(expect.arrayContaining(['一、已将灵活就业人员纳入参保扩面计划。', '二、下一步将逐步提高补贴标准。']));
    const cc = ps.at(-1)!.text;
    expect(cc).toBe('抄送：分管副市长（vice-mayor-1），市人大选任联工委，市政府办公厅建议提案处。');
    const [y, m, d] = shanghaiDay().split('-').map(Number);
    expect(ps.slice(-3, -1)).toEqual([
      { align: 'right', text: rsj },
      { align: 'right', text: `${y}年${m}月${d}日` },
    ]);
    // A4 and the margins 37 / 35 / 28 / 26 mm, in twips; the fonts named
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('仿宋_GB2312');
  });

  it('a letter only for who may read the item; an unknown reply is 404', async () => {
    const other = await as['jyj-handler'].get(`/api/proposals/${npc.id}/replies/${npc.replyId}/letter`);
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 403, code: 'NOT_YOUR_ITEM' });
    const missing = await as.office.get(`/api/proposals/${npc.id}/replies/00000000-0000-4000-8000-000000000000/letter`);
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'REPLY_NOT_FOUND' });
    const cppccReplyId = (await as.office.get(`/api/proposals/${cppcc.id}`)).body.replies[0].id;
    const ps = paragraphs(documentXml((await download('jyj-handler', `/api/proposals/${cppcc.id}/replies/${cppccReplyId}/letter`)).body)).filter((p) => p.text);
    expect(ps[0]).toEqual({ align: 'right', text: 'A' });
    expect(ps[4].text).toBe('测试委员丙委员：');
  });

  it('the 台账 (.xlsx) parses back to the rows, with the list filters and scope', async () => {
    const res = await download('office', `/api/proposals/export?year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('spreadsheetml.sheet');
    const [header, ...rows] = sheetRows(res.body);
    expect(header).toEqual(['编号', '类别', '级别', '年度', '标题', '提出人', '重点', '主办单位', '会办单位', '分管市领导', '交办日期', '答复期限', '办理状态', '各单位进度', '答复类别', '答复日期', '反馈结果']);
    expect(rows.map((r) => r[0]).sort()).toEqual([npc.number, cppcc.number].sort());
    const row = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === npc.number)![i]]));
    expect(row).toMatchObject({
      类别: '人大代表建议',
      级别: '本级',
      年度: String(YEAR),
      标题: '关于加强灵活就业人员社会保障的建议',
      提出人: '测试代表甲、测试代表乙',
      主办单位: unitNames.rsj,
      分管市领导: 'vice-mayor-1',
      交办日期: shanghaiDay(),
      办理状态: '办理中',
      答复类别: 'B类（正在解决或已列入计划逐步解决）',
      答复日期: shanghaiDay(),
      反馈结果: '待反馈',
    });
    expect(row['答复期限']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // filters and scope as the list: the NPC liaison gets its chamber only, a filter narrows
    expect(sheetRows((await download('npc-liaison', `/api/proposals/export?year=${YEAR}`)).body).slice(1).map((r) => r[0])).toEqual([npc.number]);
    expect(sheetRows((await download('office', `/api/proposals/export?kind=cppcc_proposal`)).body).slice(1).map((r) => r[0])).toEqual([cppcc.number]);
    expect(sheetRows((await download('office', `/api/proposals/export?year=2020`)).body)).toHaveLength(1);
    const bad = await as.office.get('/api/proposals/export?kind=xx');
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('the KPI table (.xlsx) holds the figures of GET /api/stats/kpis', async () => {
    const json = (await as.office.get(`/api/stats/kpis?year=${YEAR}`)).body;
    const res = await download('office', `/api/reports/kpis?year=${YEAR}`);
    expect(res.status).toBe(200);
    const [header, ...rows] = sheetRows(res.body);
    expect(header[0]).toBe('范围');
    expect(header[1]).toBe('按时答复率分子');
    const overall = rows.find((r) => r[0] === '总体')!;
    expect(overall.slice(1, 6)).toEqual([json.overall.on_time.numerator, json.overall.on_time.denominator, json.overall.on_time.rate ?? '', 1, json.overall.on_time.met ? '是' : '否']);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining([unitNames.rsj, unitNames.jyj, '人大代表建议', '政协提案及建议案', '分管：vice-mayor-1']));
  });

  it('the quarterly bulletin (Art. 8): JSON per unit, and a .docx naming each unit', async () => {
    const quarter = Math.floor((Number(shanghaiDay().slice(5, 7)) - 1) / 3) + 1;
    const res = await as.office.get(`/api/reports/quarterly?year=${YEAR}&quarter=${quarter}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: YEAR, quarter });
    expect(res.body.units.map((u: any) => [u.unitId, u.unitName, u.items, u.replied])).toEqual([
      ['jyj', unitNames.jyj, 1, 1],
      ['rsj', unitNames.rsj, 1, 1],
    ]);
    const doc = await download('office', `/api/reports/quarterly?year=${YEAR}&quarter=${quarter}&format=docx`);
    expect(doc.status).toBe(200);
    expect(doc.type).toContain('wordprocessingml.document');
    const text = paragraphs(documentXml(doc.body)).map((p) => p.text);
    expect(text[0]).toContain(`建议提案办理情况通报（${YEAR}年第`);
    expect(text).toEqual(expect.arrayContaining([`一、${unitNames.jyj}`, `二、${unitNames.rsj}`]));
    // the CPPCC liaison's bulletin holds its chamber only
    const cppccOnly = await as['cppcc-liaison'].get(`/api/reports/quarterly?year=${YEAR}&quarter=${quarter}`);
    expect(cppccOnly.body.units.map((u: any) => u.unitId)).toEqual(['jyj']);
    const bad = await as.office.get(`/api/reports/quarterly?year=${YEAR}&quarter=5`);
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('the year-end evaluation (Art. 21): units ranked by weighted achievement, as JSON and .xlsx', async () => {
    const res = await as.office.get(`/api/reports/evaluation?year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.body.weights).toEqual({ on_time: 30, face_to_face: 20, key_satisfaction: 15, satisfaction: 25, solved: 10 });
    // both replied on time, no contact recorded (face to face 0 of 1), no answer yet; jyj's A meets the solved share, rsj's B does not:
    // jyj (30 + 0 + 10) / 60 = 66.67, rsj (30 + 0 + 0) / 60 = 50
    expect(res.body.units.map((u: any) => [u.unitId, u.unitName, u.score, u.rank, u.commend, u.missed])).toEqual([
      ['jyj', unitNames.jyj, 66.67, 1, false, ['face_to_face']],
      ['rsj', unitNames.rsj, 50, 2, false, ['face_to_face', 'solved']],
    ]);
    const xlsx = await download('office', `/api/reports/evaluation?year=${YEAR}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const [header, ...rows] = sheetRows(xlsx.body);
    expect(header.slice(0, 5)).toEqual(['名次', '单位', '得分', '表彰', '未达标指标']);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      [1, unitNames.jyj, 66.67],
      [2, unitNames.rsj, 50],
    ]);
  });

  it('the 征求意见表 (.docx, Art. 11): blank to print with the letter, and with the answer once given online', async () => {
    const blank = await download('rsj-handler', `/api/proposals/${npc.id}/replies/${npc.replyId}/feedback-form`);
    expect(blank.status).toBe(200);
    expect(blank.type).toContain('wordprocessingml.document');
    const text = paragraphs(documentXml(blank.body)).map((p) => p.text);
    expect(text[0]).toBe('建议提案办理情况征求意见表');
    expect(text).toEqual(expect.arrayContaining([npc.number, '关于加强灵活就业人员社会保障的建议', '测试代表甲、测试代表乙', unitNames.rsj, 'B类（正在解决或已列入计划逐步解决）']));
    expect(text.filter((t) => t === '□满意  □基本满意  □不满意')).toHaveLength(2);
    // answered online by the CPPCC member: the answer is filled in
    const cppccReplyId = (await as.office.get(`/api/proposals/${cppcc.id}`)).body.replies[0].id;
    const mine = await as['member-1'].get(`/api/proposals/${cppcc.id}`);
    const formToken = mine.body.replies.find((r: any) => r.id === cppccReplyId).feedbackToken;
    const answered = await new ApiClient(stack.baseUrl).post(`/api/feedback/${formToken}`, { attitude: 'satisfied', result: 'basically_satisfied', contact: 'phone', comments: '希望持续跟进' });
    expect(answered.status).toBe(200);
    const filled = paragraphs(documentXml((await download('office', `/api/proposals/${cppcc.id}/replies/${cppccReplyId}/feedback-form`)).body)).map((p) => p.text);
    expect(filled).toEqual(expect.arrayContaining(['■满意  □基本满意  □不满意', '□满意  ■基本满意  □不满意', '□当面沟通  ■电话  □书面  □座谈走访  □未联系', '希望持续跟进']));
    const other = await as['jyj-handler'].get(`/api/proposals/${npc.id}/replies/${npc.replyId}/feedback-form`);
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 403, code: 'NOT_YOUR_ITEM' });
  });
});

const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
const textOf = (docx: Buffer) => paragraphs(documentXml(docx)).filter((p) => p.text);

describe('supervision and year-end documents', () => {
  const NEXT = YEAR + 1; // a year of its own, so that the figures above stay as they are
  let provincial: { id: string; number: string; replyId: string };

  beforeAll(async () => {
    // NEXT: two items assigned to jyj (it owes a summary, Art. 12), and a provincial item answered by rsj
    for (const title of ['关于增加中小学课后服务的建议', '关于改善校园周边交通的建议']) {
      const reg = await as.office.post('/api/proposals', registration({ sessionYear: NEXT, title }));
      expect(reg.status).toBe(201);
      expect((await as.office.post(`/api/proposals/${reg.body.id}/assignment`, { mode: 'single', leadUnitIds: ['jyj'], assignedOn: shanghaiDay(), leaderInCharge: 'vice-mayor-1' })).status).toBe(200);
    }
    const reg = await as.office.post(
      '/api/proposals',
      registration({ sessionYear: NEXT, level: 'provincial', title: '关于加快黄河流域生态保护的建议', proposers: [{ name: '省人大代表甲', username: 'deputy-1' }] }),
    );
    expect(reg.status).toBe(201);
    const id: string = reg.body.id;
    expect((await as.office.post(`/api/proposals/${id}/assignment`, { mode: 'single', leadUnitIds: ['rsj'], assignedOn: shanghaiDay(), leaderInCharge: 'vice-mayor-1' })).status).toBe(200);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
    const d = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'B', body: '办理和答复意见：已列入明年计划。' });
    expect(d.status).toBe(201);
    const replyId: string = d.body.replyId;
    expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/send`)).status).toBe(200);
    const token = (await as['deputy-1'].get(`/api/proposals/${id}`)).body.replies.find((r: any) => r.id === replyId).feedbackToken;
    expect((await new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, { attitude: 'satisfied', result: 'satisfied', contact: 'face_to_face' })).status).toBe(200);
    provincial = { id, number: reg.body.number, replyId };
  }, 120_000);

  it('the quarterly bulletin lists each unit’s missed monthly reports and open category B promises', async () => {
    // A month the progress-report timer found missed (its event, as the timer records it)
    const dueAt = new Date(Date.now() - 3600_000).toISOString();
    const month = shanghaiDay().slice(0, 7);
    const stored = await new PostgresEventStore(stack.pool).append(
      `proposal-${npc.id}`,
      [{ eventId: randomUUID(), type: 'ProgressReportMissed', data: { unitId: 'rsj', month, dueAt, reportsTo: 'office' }, metadata: { actor: null, occurredAt: dueAt, correlationId: randomUUID() } }],
      { expectedVersion: 'any' },
    );
    expect(stored.events).toHaveLength(1);
    const quarter = Math.floor((Number(shanghaiDay().slice(5, 7)) - 1) / 3) + 1;
    const res = await as.office.get(`/api/reports/quarterly?year=${YEAR}&quarter=${quarter}`);
    expect(res.status).toBe(200);
    const rsj = res.body.units.find((u: any) => u.unitId === 'rsj');
    // the B reply sent is a promise until PromiseFulfilled; jyj answered A: none
    expect(rsj.problems.missedReports).toEqual([{ number: npc.number, month, dueAt }]);
    expect(rsj.problems.openPromises).toEqual([{ number: npc.number, replyId: npc.replyId, sentAt: expect.any(String), followUps: 0 }]);
    expect(res.body.units.find((u: any) => u.unitId === 'jyj').problems).toMatchObject({ missedReports: [], openPromises: [] });
    const doc = await download('office', `/api/reports/quarterly?year=${YEAR}&quarter=${quarter}&format=docx`);
    const text = textOf(doc.body).map((p) => p.text);
    expect(text).toContain(`存在问题：未按月报送办理进度1次（${npc.number}（${month}））。`);
    expect(text).toContain(`B类答复承诺事项尚未办结1件（${npc.number}），请按承诺抓紧落实并报告进展。`);
  });

  it('the annual report to the NPC standing committee (Art. 12): figures from the events, as JSON and .docx', async () => {
    const res = await as.office.get(`/api/reports/annual?year=${YEAR}&chamber=npc`);
    expect(res.status).toBe(200);
    const a = res.body;
    // one NPC item of YEAR: rsj, category B, sent on time, no contact recorded, no answer yet
    expect(a.totals).toEqual({ items: 1, cases: 1, keyItems: 0, recommendations: 0, replied: 1, unitCount: 1 });
    expect(a.categories).toEqual({ A: 0, B: 1, C: 0, D: 0, pending: 0 });
    expect([a.figures.on_time.numerator, a.figures.on_time.denominator]).toEqual([1, 1]);
    expect([a.figures.face_to_face.numerator, a.figures.face_to_face.denominator]).toEqual([0, 1]);
    expect(a.units.map((u: any) => [u.unitId, u.unitName, u.items, u.replied])).toEqual([['rsj', unitNames.rsj, 1, 1]]);
    expect(a.problems.openPromises).toEqual([{ unitId: 'rsj', unitName: unitNames.rsj, count: 1, list: npc.number }]);
    expect(a.problems.missedReports).toEqual([expect.objectContaining({ unitId: 'rsj', count: 1 })]);
    expect(a.summariesOwed).toEqual([]);

    const doc = await download('office', `/api/reports/annual?year=${YEAR}&chamber=npc&format=docx`);
    expect(doc.status).toBe(200);
    expect(doc.type).toContain('wordprocessingml.document');
    const ps = textOf(doc.body);
    expect(ps.slice(0, 4)).toEqual([
      { align: 'center', text: '市人民政府' },
      { align: 'right', text: `市政府文〔${YEAR}〕　　号` },
      { align: 'center', text: `关于${YEAR}年度市人大代表建议办理工作情况的报告` },
      { align: 'both', text: '市人大常委会：' },
    ]);
    const all = ps.map((p) => p.text).join('\n');
    expect(all).toContain(`本年度市政府系统共承办人大代表建议1件（其中重点0件），由1个承办单位办理，计1件次`);
    expect(all).toContain('正在解决或已列入计划逐步解决的（B类）1件次，占100.0%');
    expect(all).toContain('按时答复率100.0%（1/1），见面沟通率0.0%（0/1）');
    expect(all).toContain(`${unitNames.rsj}：承办1件，已答复1件，其中A类0件、B类1件、C类0件、D类0件`);
    expect(all).toContain(`${unitNames.rsj}B类答复承诺事项尚未办结1件（${npc.number}）`);

    // scope: the NPC liaison may, the CPPCC liaison not for the NPC; a unit not at all; bad input 400
    expect((await as['npc-liaison'].get(`/api/reports/annual?year=${YEAR}&chamber=npc`)).body.totals.items).toBe(1);
    const other = await as['cppcc-liaison'].get(`/api/reports/annual?year=${YEAR}&chamber=npc`);
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 403, code: 'NOT_YOUR_CHAMBER' });
    const cppcc = await as['cppcc-liaison'].get(`/api/reports/annual?year=${YEAR}&chamber=cppcc`);
    expect(cppcc.body).toMatchObject({ title: `关于${YEAR}年度市政协委员提案办理工作情况的通报`, addressee: '市政协：', totals: { items: 1 }, categories: { A: 1 } });
    expect((await as['rsj-handler'].get(`/api/reports/annual?year=${YEAR}&chamber=npc`)).status).toBe(403);
    const bad = await as.office.get(`/api/reports/annual?year=${YEAR}&chamber=xx`);
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('the annual report names the units owing a summary: 2 or more items of the year', async () => {
    const a = (await as.office.get(`/api/reports/annual?year=${NEXT}&chamber=npc`)).body;
    expect(a.totals).toMatchObject({ items: 3, cases: 3, replied: 1 });
    expect(a.summariesOwed).toEqual([{ unitId: 'jyj', unitName: unitNames.jyj, items: 2, handlingEnded: false }]);
    const text = textOf((await download('office', `/api/reports/annual?year=${NEXT}&chamber=npc&format=docx`)).body).map((p) => p.text);
    expect(text).toContain(`当年承办2件以上的单位须在办理工作结束后复查总结并书面报告（第十二条）：${unitNames.jyj}（2件，办理中）。`);
  });

  it('the government document of a provincial item (.docx, Art. 9/10): same layout, the category, the provincial cc', async () => {
    const { id, replyId } = provincial;
    const none = await as.office.get(`/api/proposals/${id}/replies/${replyId}/government-document`);
    expect({ status: none.status, code: none.body.code }).toEqual({ status: 404, code: 'DOCUMENT_NOT_FOUND' });
    const compiled = await as.office.post(`/api/proposals/${id}/replies/${replyId}/government-document`, {
      documentNumber: `郑政文〔${NEXT}〕12号`,
      body: '省人大代表甲：\n您提出的建议收悉，现答复如下。\n一、已列入明年计划。',
    });
    expect(compiled.status).toBe(201);
    const res = await download('office', `/api/proposals/${id}/replies/${replyId}/government-document`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('wordprocessingml.document');
    expect(decodeURIComponent(res.disposition)).toContain(`${provincial.number}-市政府正式文件-第1稿.docx`);
    const ps = textOf(res.body);
    expect(ps.slice(0, 5)).toEqual([
      { align: 'right', text: 'B' },
      { align: 'center', text: '市人民政府' },
      { align: 'right', text: `郑政文〔${NEXT}〕12号` },
      { align: 'center', text: '市人民政府关于《关于加快黄河流域生态保护的建议》的答复' },
      { align: 'both', text: '省人大代表甲代表：' },
    ]);
    expect(ps.map((p) => p.text)).toContain('一、已列入明年计划。');
    expect(ps.at(-1)!.text).toBe('抄送：省人大选任联工委，省政府办公厅，省政协提案委。');
    expect(documentXml(res.body)).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // the proposer gets it only once sent; an unknown round is 404
    const early = await as['deputy-1'].get(`/api/proposals/${id}/replies/${replyId}/government-document`);
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 404, code: 'DOCUMENT_NOT_FOUND' });
    const round = await as.office.get(`/api/proposals/${id}/replies/${replyId}/government-document?round=2`);
    expect({ status: round.status, code: round.body.code }).toEqual({ status: 404, code: 'DOCUMENT_NOT_FOUND' });
    const badRound = await as.office.get(`/api/proposals/${id}/replies/${replyId}/government-document?round=0`);
    expect({ status: badRound.status, code: badRound.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    // the proposer gets a letter that was sent to them
    expect((await download('deputy-1', `/api/proposals/${npc.id}/replies/${npc.replyId}/letter`)).status).toBe(200);
    // a municipal item has none
    const municipal = await as.office.get(`/api/proposals/${npc.id}/replies/${npc.replyId}/government-document`);
    expect({ status: municipal.status, code: municipal.body.code }).toEqual({ status: 404, code: 'DOCUMENT_NOT_FOUND' });
  });

  it('a letter and the bulletin print: LibreOffice renders them to PDF (kept in tests/artifacts), first pages pictured for the README', async () => {
    const letter = await download('office', `/api/proposals/${npc.id}/replies/${npc.replyId}/letter`);
    const letterPdf = docxToPdf(letter.body, 'reply-letter');
    expect(isPdf(letterPdf)).toBe(true);
    const l = pdfFacts(letterPdf);
    expect(l.pages).toBeGreaterThanOrEqual(1);
    // the category letter alone on the first line, then the organ and the addressee in Chinese
    expect(l.text.split('\n').find((line) => line.trim())!.trim()).toBe('B');
    expect(l.text).toContain(unitNames.rsj);
    expect(l.text.replace(/\s+/g, '')).toContain('测试代表甲、测试代表乙代表：');
    firstPagePng(letterPdf, path.join(SCREENSHOTS, 'document-reply-letter.png'));

    const quarter = Math.floor((Number(shanghaiDay().slice(5, 7)) - 1) / 3) + 1;
    const bulletin = await download('office', `/api/reports/quarterly?year=${YEAR}&quarter=${quarter}&format=docx`);
    const bulletinPdf = docxToPdf(bulletin.body, 'quarterly-bulletin');
    expect(isPdf(bulletinPdf)).toBe(true);
    const b = pdfFacts(bulletinPdf);
    expect(b.pages).toBeGreaterThanOrEqual(1);
    const flat = b.text.replace(/\s+/g, '');
    expect(flat).toContain(`一、${unitNames.jyj}`);
    expect(flat).toContain(`二、${unitNames.rsj}`);
    firstPagePng(bulletinPdf, path.join(SCREENSHOTS, 'document-quarterly-bulletin.png'));
  }, 300_000);
});

/**
 * 批量登记 (spreadsheet import) and 批量交办 (bulk assignment at an assignment meeting), end to end
 * through HTTP on the real Temporal server and PostgreSQL: 500 items in one upload, all assigned in
 * one request; all-or-nothing on a bad row; re-posting the same file creates nothing new.
 */
import * as XLSX from '@e965/xlsx';
import { Client, Connection } from '@temporalio/client';
import { proposalWorkflowId } from '@jyta/workflows';
import { ApiClient, shanghaiDay, type Reply } from './http';
import { startStack, type Stack } from './stack';

let stack: Stack;
let office: ApiClient;
let officeToken: string;
let cjjToken: string;
let cjj: ApiClient;
let temporalConnection: Connection;
let temporal: Client;

const UNITS = ['rsj', 'jyj', 'wjw', 'jtj', 'cjj', 'sthjj', 'zfbzj', 'czj', 'mzj', 'fgw', 'cl', 'zygh'];
const HEADER = ['类别', '级别', '届次年份', '提出时间', '标题', '内容', '主题', '提出人', '代表团或界别', '联系电话', '地址', '账号', '重点', '重大', '急办'];
const KINDS = ['人大代表建议', '政协委员提案', '政协建议案'] as const;
const KIND_CODES = ['npc_suggestion', 'cppcc_proposal', 'cppcc_recommendation'];
const TOPICS = ['教育', '医疗', '交通', '城乡建设', '社会保障'];

/** One sheet row (in HEADER order) for item `i`. */
function sheetRow(i: number, over: Partial<Record<(typeof HEADER)[number], string>> = {}): string[] {
  const kind = KINDS[i % 3];
  const joint = i % 5 === 0;
  const row: Record<string, string> = {
    类别: kind,
    级别: ['本级', '本级', '省级', '全国'][i % 4],
    届次年份: '2026',
    提出时间: i % 7 === 0 ? '闭会期间' : '会议期间',
    标题: `关于${TOPICS[i % TOPICS.length]}工作的${kind === '人大代表建议' ? '建议' : '提案'}（第 ${i + 1} 件）`,
    内容: `第 ${i + 1} 件的正文：建议加大投入，完善制度，"切实"解决群众反映的问题。\n第二段。`,
    主题: TOPICS[i % TOPICS.length],
    提出人: joint ? `测试代表${i}、测试代表${i}乙` : `测试代表${i}`,
    代表团或界别: kind === '人大代表建议' ? '金水区代表团' : '经济界',
    联系电话: joint ? `1380000${String(i).padStart(4, '0')};13900000000` : `1380000${String(i).padStart(4, '0')}`,
    地址: i % 2 ? '郑州市金水区花园路 1 号' : '',
    账号: i % 11 === 0 ? 'deputy-1' : '',
    重点: i % 10 === 0 ? '是' : '否',
    重大: '否',
    急办: i % 13 === 0 ? '是' : '',
    ...over,
  };
  return HEADER.map((h) => row[h]);
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const toCsv = (rows: string[][], bom = true) =>
  Buffer.from((bom ? '\ufeff' : '') + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8');
function toXlsx(rows: unknown[][]): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '建议提案');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** POST a file as multipart/form-data (field `file`). */
async function upload(token: string, buffer: Buffer, filename: string, field = 'file'): Promise<Reply> {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(buffer)]), filename);
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res = await fetch(`${stack.baseUrl}/api/proposals/import`, { method: 'POST', headers, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function tokenOf(username: string): Promise<string> {
  const res = await new ApiClient(stack.baseUrl).post('/api/auth/login', { username, password: process.env.DEMO_PASSWORD ?? 'Demo#2026' });
  if (res.status !== 200 && res.status !== 201) throw new Error(`login ${username}: ${res.status}`);
  return res.body.accessToken;
}

const listTotal = async () => (await office.get('/api/proposals?pageSize=1')).body.total as number;
const eventCount = async () => Number((await stack.pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n);
const seqOf = (number: string) => Number(number.split('-').at(-1));

beforeAll(async () => {
  // A short command deadline, so that the crash test below does not wait a minute per row.
  stack = await startStack({ env: { COMMAND_TIMEOUT_MS: '15000', ITEM_START_SWEEP_MS: '500', ITEM_START_GRACE_MS: '2000' } });
  [officeToken, cjjToken] = await Promise.all([tokenOf('office'), tokenOf('cjj-handler')]);
  office = new ApiClient(stack.baseUrl, officeToken);
  cjj = new ApiClient(stack.baseUrl, cjjToken);
  temporalConnection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  temporal = new Client({ connection: temporalConnection });
});
afterAll(async () => {
  await temporalConnection?.close();
  await stack?.stop();
});

describe('500 items: one spreadsheet, one assignment meeting', () => {
  const N = 500;
  let items: { row: number; id: string; number: string }[];

  it(
    `imports a ${N}-row xlsx in one request; numbers are unique and consecutive per kind`,
    async () => {
      const xlsx = toXlsx([HEADER, ...Array.from({ length: N }, (_, i) => sheetRow(i))]);
      const started = Date.now();
      const res = await upload(officeToken, xlsx, '2026年会议期间建议提案.xlsx');
      const ms = Date.now() - started;
      console.log(`import of ${N} rows: ${ms} ms (${(ms / N).toFixed(1)} ms/row)`);
      expect(res.status).toBe(201);
      expect(res.body.imported).toBe(N);
      items = res.body.items;
      expect(items.map((it) => it.row)).toEqual(Array.from({ length: N }, (_, i) => i + 2));
      expect(new Set(items.map((it) => it.id)).size).toBe(N);
      expect(new Set(items.map((it) => it.number)).size).toBe(N);
      for (const [k, label] of ['建议', '提案', '建议案'].entries()) {
        const seqs = items
          .filter((_, i) => i % 3 === k)
          .map((it) => {
            expect(it.number).toMatch(new RegExp(`^2026-${label}-\\d{4}$`));
            return seqOf(it.number);
          })
          .sort((a, b) => a - b);
        const first = seqs[0];
        expect(seqs).toEqual(seqs.map((_, i) => first + i));
      }
      // The rows became items with their details (spot checks).
      const joint = (await office.get(`/api/proposals/${items[0].id}`)).body;
      expect(joint).toMatchObject({ kind: 'npc_suggestion', level: 'municipal', sessionYear: 2026, period: 'interim', key: true, status: 'registered' });
      expect(joint.proposers.map((p: any) => [p.name, p.phone, p.username])).toEqual([
        ['测试代表0', '13800000000', 'deputy-1'],
        ['测试代表0乙', '13900000000', undefined],
      ]);
      const third = (await office.get(`/api/proposals/${items[2].id}`)).body;
      expect(third).toMatchObject({ kind: KIND_CODES[2], level: 'provincial', topic: TOPICS[2], key: false, urgent: false });
      expect(third.content).toContain('"切实"');
    },
    180_000,
  );

  it(
    `assigns all ${N} in one request (mixed modes); every workflow runs and has ProposalRegistered + ProposalAssigned`,
    async () => {
      const assignedOn = shanghaiDay();
      const body = {
        assignedOn,
        items: items.map((it, i) => {
          const [a, b] = [UNITS[i % UNITS.length], UNITS[(i + 1) % UNITS.length]];
          if (i % 3 === 0) return { proposalId: it.id, mode: 'single', leadUnitIds: [a] };
          if (i % 3 === 1) return { proposalId: it.id, mode: 'lead', leadUnitIds: [a], coUnitIds: [b], leaderInCharge: 'vice-mayor-1', division: '二处' };
          return { proposalId: it.id, mode: 'separate', leadUnitIds: [a, b] };
        }),
      };
      const started = Date.now();
      const res = await office.post('/api/proposals/assignments', body);
      const ms = Date.now() - started;
      console.log(`bulk assignment of ${N} items: ${ms} ms (${(ms / N).toFixed(1)} ms/item)`);
      expect(res.status).toBe(200);
      expect(res.body.assigned).toBe(N);
      expect(res.body.results).toHaveLength(N);
      expect(res.body.results.every((r: any, i: number) => r.status === 200 && r.proposalId === items[i].id)).toBe(true);

      // every item: one ProposalRegistered and one ProposalAssigned in the event store
      const streams = items.map((it) => `proposal-${it.id}`);
      const { rows } = await stack.pool.query<{ type: string; n: string; streams: string }>(
        `SELECT type, count(*) AS n, count(DISTINCT stream_id) AS streams FROM events
          WHERE stream_id = ANY($1) AND type IN ('ProposalRegistered', 'ProposalAssigned') GROUP BY type ORDER BY type`,
        [streams],
      );
      expect(rows.map((r) => [r.type, Number(r.n), Number(r.streams)])).toEqual([
        ['ProposalAssigned', N, N],
        ['ProposalRegistered', N, N],
      ]);

      // a sample through the API
      const sample = items.filter((_, i) => i % 25 === 0);
      expect(sample).toHaveLength(20);
      for (const it of sample) {
        const events = (await office.get(`/api/proposals/${it.id}/events`)).body as any[];
        expect(events.slice(0, 2).map((e) => e.type)).toEqual(['ProposalRegistered', 'ProposalAssigned']);
        expect(events[1].data).toMatchObject({ assignedOn });
      }
      const lead = (await office.get(`/api/proposals/${items[1].id}`)).body;
      expect(lead.assignments.map((a: any) => [a.unitId, a.role])).toEqual([
        [UNITS[1], 'lead'],
        [UNITS[2], 'co'],
      ]);
      const separate = (await office.get(`/api/proposals/${items[2].id}`)).body;
      expect(separate.assignments.map((a: any) => a.role)).toEqual(['separate', 'separate']);

      // every item's workflow is running (described from Temporal itself)
      const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
      try {
        const client = new Client({ connection });
        const statuses: string[] = [];
        for (let i = 0; i < items.length; i += 25) {
          const batch = items.slice(i, i + 25);
          statuses.push(...(await Promise.all(batch.map(async (it) => (await client.workflow.getHandle(proposalWorkflowId(it.id)).describe()).status.name))));
        }
        expect(statuses.filter((s) => s !== 'RUNNING')).toEqual([]);
        expect(statuses).toHaveLength(N);
      } finally {
        await connection.close();
      }
    },
    180_000,
  );

  it('an item refused by the domain is reported per item; the others are assigned', async () => {
    const fresh = await upload(officeToken, toCsv([HEADER, sheetRow(1000)]), 'one.csv');
    expect(fresh.status).toBe(201);
    const newId = fresh.body.items[0].id;
    const res = await office.post('/api/proposals/assignments', {
      assignedOn: shanghaiDay(),
      items: [
        { proposalId: items[0].id, mode: 'single', leadUnitIds: ['rsj'] },
        { proposalId: newId, mode: 'single', leadUnitIds: ['rsj'] },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      assigned: 1,
      results: [
        { proposalId: items[0].id, status: 409, code: 'ALREADY_ASSIGNED', message: expect.any(String) },
        { proposalId: newId, status: 200, number: fresh.body.items[0].number },
      ],
    });
  });
});

describe('all or nothing', () => {
  it('a CSV with one bad row (row 7: 类别 请愿) is refused naming row 7 and 类别; nothing is registered', async () => {
    const rows = [HEADER, ...Array.from({ length: 10 }, (_, i) => sheetRow(2000 + i))];
    rows[6] = sheetRow(2005, { 类别: '请愿' }); // the 7th spreadsheet row
    const [totalBefore, eventsBefore] = [await listTotal(), await eventCount()];
    const res = await upload(officeToken, toCsv(rows), '有误.csv');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.details.rows).toEqual([{ row: 7, column: '类别', field: 'kind', message: expect.stringContaining('请愿') }]);
    expect(res.body.message).toContain('第 7 行');
    expect(await eventCount()).toBe(eventsBefore);
    expect(await listTotal()).toBe(totalBefore);
  });

  it('several problems are all told at once, with the column as written', async () => {
    const rows = [
      ['序号', 'kind', 'level', 'sessionYear', 'period', 'title', 'content', 'proposers', 'phone'],
      ['1', 'npc_suggestion', 'municipal', '2026', 'plenary', 'T', 'C', '甲', ''],
      ['2', 'npc_suggestion', '区级', '2026', 'plenary', '', 'C', '甲、乙、丙', '1;2'],
      ['3', 'npc_suggestion', 'municipal', '1999', 'plenary', 'T', 'C', '', ''],
    ];
    const res = await upload(officeToken, toCsv(rows, false), 'english.csv');
    expect(res.status).toBe(400);
    expect(res.body.details.rows.map((e: any) => [e.row, e.column, e.field])).toEqual([
      [3, 'level', 'level'],
      [3, 'title', 'title'],
      [3, 'phone', 'phone'],
      [4, 'proposers', 'proposers'],
      [4, 'sessionYear', 'sessionYear'],
    ]);
  });

  it('an empty file, a header without rows, a missing file and a wrong file type are 400', async () => {
    expect((await upload(officeToken, Buffer.alloc(0), 'empty.csv')).body).toMatchObject({ statusCode: 400, code: 'IMPORT_EMPTY' });
    expect((await upload(officeToken, toCsv([HEADER]), 'header.csv')).body).toMatchObject({ statusCode: 400, code: 'IMPORT_EMPTY' });
    expect((await upload(officeToken, toXlsx([HEADER]), 'header.xlsx')).body).toMatchObject({ statusCode: 400, code: 'IMPORT_EMPTY' });
    const missing = await upload(officeToken, toCsv([['标题'], ['x']]), 'cols.csv');
    expect(missing.body.code).toBe('IMPORT_INVALID');
    expect(missing.body.details.rows[0]).toMatchObject({ row: 1, column: '类别', field: 'kind' });
    expect((await upload(officeToken, toCsv([HEADER, sheetRow(1)]), 'a.csv', 'upload')).body).toMatchObject({ statusCode: 400, code: 'IMPORT_BAD_UPLOAD' });
    expect((await office.post('/api/proposals/import', {})).body).toMatchObject({ statusCode: 400, code: 'IMPORT_NO_FILE' });
    expect((await upload(officeToken, Buffer.from('%PDF-1.4'), 'a.pdf')).body).toMatchObject({ statusCode: 400, code: 'IMPORT_UNSUPPORTED_FILE' });
    const big = await upload(officeToken, Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'big.csv');
    expect(big.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('idempotent re-posting', () => {
  it('the same CSV posted again answers the same ids and numbers and registers nothing new', async () => {
    const csv = toCsv([HEADER, ...Array.from({ length: 6 }, (_, i) => sheetRow(3000 + i))]);
    const first = await upload(officeToken, csv, 'again.csv');
    expect(first.status).toBe(201);
    const [totalAfterFirst, eventsAfterFirst] = [await listTotal(), await eventCount()];
    const second = await upload(officeToken, csv, 'again (1).csv');
    expect(second.status).toBe(201);
    expect(second.body.items).toEqual(first.body.items);
    expect(await eventCount()).toBe(eventsAfterFirst);
    expect(await listTotal()).toBe(totalAfterFirst);
  });
});

describe('bulk assignment checks the whole request first', () => {
  it('unknown units, unknown items and duplicates are 400 naming index and field; nothing is assigned', async () => {
    const reg = await upload(officeToken, toCsv([HEADER, sheetRow(4000), sheetRow(4001)]), 'two.csv');
    const [a, b] = reg.body.items.map((it: any) => it.id);
    const ghost = '00000000-0000-4000-8000-000000000000';
    const res = await office.post('/api/proposals/assignments', {
      assignedOn: shanghaiDay(),
      items: [
        { proposalId: a, mode: 'single', leadUnitIds: ['rsj'] },
        { proposalId: b, mode: 'lead', leadUnitIds: ['cjj'], coUnitIds: ['nope'] },
        { proposalId: ghost, mode: 'single', leadUnitIds: ['rsj'] },
        { proposalId: a, mode: 'single', leadUnitIds: ['jyj'] },
        { proposalId: b, mode: 'single', leadUnitIds: ['rsj', 'jyj'] },
        { proposalId: 'x', mode: 'all', leadUnitIds: [] },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const named = res.body.details.items.map((e: any) => `${e.index}:${e.field}`);
    expect(named).toEqual(
      expect.arrayContaining(['1:coUnitIds.0', '2:proposalId', '3:proposalId', '4:proposalId', '5:proposalId', '5:mode', '5:leadUnitIds']),
    );
    expect(res.body.details.fields.map((f: any) => f.field)).toContain('items.1.coUnitIds.0');
    for (const id of [a, b]) expect((await office.get(`/api/proposals/${id}`)).body.status).toBe('registered');

    const tooMany = await office.post('/api/proposals/assignments', {
      assignedOn: shanghaiDay(),
      items: Array.from({ length: 1001 }, () => ({ proposalId: a, mode: 'single', leadUnitIds: ['rsj'] })),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.details.fields.map((f: any) => f.field)).toEqual(['items']);
    const shape = await office.post('/api/proposals/assignments', { assignedOn: shanghaiDay(), items: [{ proposalId: a, mode: 'single', leadUnitIds: ['rsj', 'jyj'] }] });
    expect(shape.status).toBe(400);
    expect(shape.body.details.items).toEqual([{ index: 0, proposalId: a, field: 'leadUnitIds', message: expect.any(String) }]);
    const future = await office.post('/api/proposals/assignments', { assignedOn: shanghaiDay(3), items: [{ proposalId: a, mode: 'single', leadUnitIds: ['rsj'] }] });
    expect(future.status).toBe(400);
    expect(future.body.details.fields.map((f: any) => f.field)).toEqual(['assignedOn']);
  });
});

describe('roles', () => {
  it('a unit handler may neither import (403) nor bulk-assign (403)', async () => {
    const [totalBefore, eventsBefore] = [await listTotal(), await eventCount()];
    const res = await upload(cjjToken, toCsv([HEADER, sheetRow(5000)]), 'unit.csv');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN_ROLE');
    const bulk = await cjj.post('/api/proposals/assignments', { assignedOn: shanghaiDay(), items: [] });
    expect(bulk.status).toBe(403);
    expect(await eventCount()).toBe(eventsBefore);
    expect(await listTotal()).toBe(totalBefore);
  });

  it('only the office: every other role gets 403, an anonymous caller 401', async () => {
    const csv = toCsv([HEADER, sheetRow(5001)]);
    const others = ['admin', 'office-reviewer', 'npc-liaison', 'cppcc-liaison', 'vice-mayor-1', 'rsj-leader', 'deputy-1', 'member-1'];
    for (const username of others) {
      const token = await tokenOf(username);
      expect([username, (await upload(token, csv, 'x.csv')).status]).toEqual([username, 403]);
      const bulk = await new ApiClient(stack.baseUrl, token).post('/api/proposals/assignments', { assignedOn: shanghaiDay(), items: [] });
      expect([username, bulk.status]).toEqual([username, 403]);
    }
    expect((await upload('', csv, 'x.csv')).status).toBe(401);
    expect((await new ApiClient(stack.baseUrl).post('/api/proposals/assignments', {})).status).toBe(401);
  });
});

describe('the bulk path needs no worker, and a start lost in a crash is made by the sweeper', () => {
  it('with the worker down an import registers every row (the API commits the events); the workflows run once the worker is back; posting again changes nothing', async () => {
    const csv = toCsv([HEADER, ...Array.from({ length: 3 }, (_, i) => sheetRow(6000 + i))]);
    const totalBefore = await listTotal();
    await stack.killWorker('SIGKILL');
    let first: Reply;
    try {
      first = await upload(officeToken, csv, 'crash.csv');
    } finally {
      await stack.startWorker();
    }
    expect(first.status).toBe(201);
    expect(first.body.imported).toBe(3);
    const streams = first.body.items.map((it: any) => `proposal-${it.id}`);
    const { rows } = await stack.pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE stream_id = ANY($1) AND type = 'ProposalRegistered'`, [streams]);
    expect(Number(rows[0].n)).toBe(3);
    expect(await listTotal()).toBe(totalBefore + 3);
    // Each item's workflow holds the registered state once the worker is back.
    for (const it of first.body.items) {
      const handle = temporal.workflow.getHandle(proposalWorkflowId(it.id));
      const { state, version } = await handle.query<{ state: { status: string; details: { number: string } }; version: number }>('state');
      expect([state.status, state.details.number, version]).toEqual(['registered', it.number, 1]);
    }
    expect((await upload(officeToken, csv, 'crash.csv')).body.items).toEqual(first.body.items);
    expect(Number((await stack.pool.query<{ n: string }>('SELECT count(*) AS n FROM item_workflow_starts')).rows[0].n)).toBe(0);
  }, 120_000);

  it('an item whose events were committed but whose workflow never started (the API killed in between) is started by the worker from its stream', async () => {
    const csv = toCsv([HEADER, sheetRow(6100)]);
    const done = await upload(officeToken, csv, 'lost-start.csv');
    expect(done.status).toBe(201);
    const [item] = done.body.items;
    // What a kill between the commit and the start leaves: the events, the mark, and no running workflow.
    const handle = temporal.workflow.getHandle(proposalWorkflowId(item.id));
    await handle.terminate('test: the start is lost');
    await stack.pool.query('INSERT INTO item_workflow_starts (proposal_id, enqueued_at) VALUES ($1, now() - interval \'1 hour\')', [item.id]);
    // The sweeper (ITEM_START_SWEEP_MS=500 in this stack) starts a run that loads the stream.
    const deadline = Date.now() + 60_000;
    let status = '';
    while (Date.now() < deadline) {
      status = (await temporal.workflow.getHandle(proposalWorkflowId(item.id)).describe()).status.name;
      if (status === 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe('RUNNING');
    const { state, version } = await temporal.workflow.getHandle(proposalWorkflowId(item.id)).query<{ state: { status: string; details: { number: string } }; version: number }>('state');
    expect([state.status, state.details.number, version]).toEqual(['registered', item.number, 1]);
    expect(Number((await stack.pool.query<{ n: string }>('SELECT count(*) AS n FROM item_workflow_starts')).rows[0].n)).toBe(0);
    // The restarted item takes commands as before.
    const assigned = await office.post(`/api/proposals/${item.id}/assignment`, { mode: 'single', leadUnitIds: ['cjj'], assignedOn: shanghaiDay() });
    expect(assigned.status).toBe(200);
  }, 120_000);
});

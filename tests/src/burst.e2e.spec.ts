/**
 * A bounded burst through the import's bulk path (issue 10): one spreadsheet of 300 items, all
 * assigned in the same request, each item's workflow started once with its registration and
 * assignment in the start input. Afterwards every item exists exactly once with exactly its two
 * events, the numbers of each kind run without gap or duplicate, the read model has caught up, and
 * posting the same request again doubles nothing. No timing is asserted (speed: npm run bench -- --burst).
 */
import { ApiClient, shanghaiDay, type Reply } from './http';
import { fetchHistories, keepAsFixtures, replay } from './histories';
import { startStack, type Stack } from './stack';

const N = 300;
const UNITS = ['rsj', 'jyj', 'wjw', 'jtj', 'cjj'];
const KINDS = ['人大代表建议', '政协委员提案', '政协建议案'];
const LABELS = ['建议', '提案', '建议案'];
const HEADER = ['类别', '级别', '届次年份', '提出时间', '标题', '内容', '提出人', '联系电话'];

let stack: Stack;
let office: ApiClient;
let officeToken: string;

beforeAll(async () => {
  stack = await startStack({ env: { COMMAND_TIMEOUT_MS: '30000' } });
  office = await ApiClient.login(stack.baseUrl, 'office');
  const login = await new ApiClient(stack.baseUrl).post('/api/auth/login', { username: 'office', password: process.env.DEMO_PASSWORD ?? 'Demo#2026' });
  officeToken = login.body.accessToken;
}, 120_000);
afterAll(() => stack?.stop());

const csv = Buffer.from(
  '\ufeff' +
    [HEADER, ...Array.from({ length: N }, (_, i) => [KINDS[i % 3], '本级', '2026', '会议期间', `关于第 ${i + 1} 件事项的建议`, `第 ${i + 1} 件的正文。`, `代表${i}`, `1380000${String(i).padStart(4, '0')}`])]
      .map((r) => r.join(','))
      .join('\r\n'),
  'utf8',
);
const assignment = JSON.stringify({
  assignedOn: shanghaiDay(),
  items: Array.from({ length: N }, (_, i) => ({ row: i + 2, mode: 'single', leadUnitIds: [UNITS[i % UNITS.length]] })),
});

async function importBurst(): Promise<Reply> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(csv)]), 'burst.csv');
  form.append('assignment', assignment);
  const res = await fetch(`${stack.baseUrl}/api/proposals/import`, { method: 'POST', headers: { authorization: `Bearer ${officeToken}` }, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Every proposal stream of the test's database with its event types in order and its number. */
async function streams() {
  const { rows } = await stack.pool.query<{ stream_id: string; types: string[]; number: string | null }>(
    `SELECT stream_id, array_agg(type ORDER BY version) AS types, max(data->>'number') FILTER (WHERE type = 'ProposalRegistered') AS number
       FROM events WHERE stream_id LIKE 'proposal-%' GROUP BY stream_id ORDER BY stream_id`,
  );
  return rows;
}

describe(`a burst of ${N} items through the bulk path`, () => {
  let first: Reply;

  it('imports and assigns every row in one request', async () => {
    first = await importBurst();
    expect([first.status, first.body.code]).toEqual([201, undefined]);
    expect(first.body.imported).toBe(N);
    expect(first.body.assigned).toBe(N);
    expect(first.body.items.map((it: any) => it.row)).toEqual(Array.from({ length: N }, (_, i) => i + 2));
    expect(first.body.items.every((it: any) => it.assigned === true)).toBe(true);
  }, 600_000);

  it('every item exists exactly once with exactly its registration and assignment', async () => {
    const all = await streams();
    expect(all).toHaveLength(N);
    const ids = new Set(first.body.items.map((it: any) => `proposal-${it.id}`));
    expect(all.every((s) => ids.has(s.stream_id))).toBe(true);
    expect(all.filter((s) => s.types.join() !== 'ProposalRegistered,ProposalAssigned')).toEqual([]);
  });

  it('the numbers of each kind run from 1 without gap or duplicate, as answered', async () => {
    const all = await streams();
    const numberOf = new Map(all.map((s) => [s.stream_id, s.number]));
    expect(first.body.items.every((it: any) => numberOf.get(`proposal-${it.id}`) === it.number)).toBe(true);
    LABELS.forEach((label, k) => {
      const seqs = first.body.items
        .filter((_: unknown, i: number) => i % 3 === k)
        .map((it: any) => {
          expect(it.number).toMatch(new RegExp(`^2026-${label}-\\d{4}$`));
          return Number(it.number.split('-').at(-1));
        })
        .sort((a: number, b: number) => a - b);
      expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    });
  });

  it('the read models caught up: the list has every item, assigned to its unit', async () => {
    expect((await office.get('/api/proposals?pageSize=1')).body.total).toBe(N);
    for (const i of [0, 1, N - 1]) {
      const detail = (await office.get(`/api/proposals/${first.body.items[i].id}`)).body;
      expect(detail).toMatchObject({ status: 'assigned', number: first.body.items[i].number });
      expect(detail.assignments.map((a: any) => a.unitId)).toEqual([UNITS[i % UNITS.length]]);
    }
  });

  it('posting the same request again answers the same items and doubles nothing', async () => {
    const before = await streams();
    const again = await importBurst();
    expect(again.status).toBe(201);
    expect(again.body.items).toEqual(first.body.items);
    expect(await streams()).toEqual(before);
    expect((await office.get('/api/proposals?pageSize=1')).body.total).toBe(N);
  }, 600_000);

  it('item workflows started by the bulk path replay against the current code', async () => {
    const histories = await fetchHistories(first.body.items.slice(0, 2).map((it: any) => it.id));
    keepAsFixtures('bulk-start', histories);
    const results = await replay(histories);
    expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
  }, 120_000);
});

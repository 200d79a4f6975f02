/**
 * 杜绝“被满意” (Art. 11, 14): the unit's attack on the feedback form, played on the real servers.
 *
 * Before, the form's token was the workflow's next uuid4(): Temporal's workflow PRNG is seeded per
 * run and replayable, event ids came from the same generator, and a unit reads event ids (inbox,
 * /events) — from them it recovered the generator and predicted the token. Now the token is made by
 * an activity from node:crypto, so no amount of workflow randomness a unit observes bears on it.
 * Here: after a reply is sent, everything a unit handler (and the office) can read, the Temporal
 * history, the processes' logs and the database in plain text are searched for the token; then a
 * thousand guesses at the form are throttled without the API's memory moving.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { proposalWorkflowId } from '@jyta/workflows';
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { fetchHistories, keepAsFixtures } from './histories';
import { startStack, type Stack } from './stack';

const RATE_LIMIT = 20;
let stack: Stack;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  stack = await startStack({
    // info: the access log (one line per request) is part of what is searched for the token
    env: { LOG_LEVEL: 'info', FEEDBACK_RATE_LIMIT: String(RATE_LIMIT), FEEDBACK_RATE_WINDOW_MS: '600000' },
    outputLines: 50_000,
  });
  const users = ['office', 'rsj-handler', 'rsj-leader', 'deputy-1', 'deputy-2'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
});
afterAll(() => stack?.stop());

/**
 * Everything as text: Temporal payloads are bytes (base64 in the history's JSON, raw in a
 * Uint8Array): each is decoded and appended, so a token inside would show up.
 */
function dump(value: unknown): string {
  const json = JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v));
  const decoded = (json.match(/"[A-Za-z0-9+/]{8,}={0,2}"/g) ?? []).map((s) => Buffer.from(s.slice(1, -1), 'base64').toString('utf8'));
  return [json, ...decoded].join('\n');
}

const has = (text: string, part: string) => text.includes(part);

const rssKiB = (pid: number) => Number(/VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

const FEEDBACK = { attitude: 'satisfied', result: 'satisfied', contact: 'face_to_face' };

describe('the feedback form cannot be predicted, seen or guessed by a unit', () => {
  let id: string;
  let replyId: string;
  let token: string;

  it('a reply is sent after an office send-back: only the proposer holds a token, a 43-character random one', async () => {
    const reg = await as.office.post('/api/proposals', registration({ proposers: [{ name: '测试代表甲', username: 'deputy-1', phone: '13800000000' }, { name: '测试代表乙', username: 'deputy-2' }] }));
    expect(reg.status).toBe(201);
    id = reg.body.id;
    expect((await as.office.post(`/api/proposals/${id}/assignment`, { assignedOn: shanghaiDay(), mode: 'single', leadUnitIds: ['rsj'], leaderInCharge: 'vice-mayor-1' })).status).toBe(200);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
    // a first draft, sent back by the office with an internal comment
    const first = (await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'B', body: '初稿：内部草稿文字' })).body.replyId;
    expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${first}/review`, { approve: true })).status).toBe(200);
    expect((await as.office.post(`/api/proposals/${id}/replies/${first}/review`, { approve: false, comment: '内部意见：措辞须斟酌' })).status).toBe(200);
    const d = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'B', body: '关于您提出的建议，答复如下：……' });
    expect(d.status).toBe(201);
    replyId = d.body.replyId;
    expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true, comment: '领导审查意见（内部）' })).status).toBe(200);
    expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true, comment: '质量审查通过（内部）' })).status).toBe(200);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/send`)).status).toBe(200);

    token = await eventually('the proposer’s token', async () => (await as['deputy-1'].get(`/api/proposals/${id}`)).body.replies?.find((r: any) => r.id === replyId)?.feedbackToken as string | undefined);
    // 32 bytes from node:crypto as base64url — not a UUID, so it is no output of the workflow's uuid4().
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    // The second proposer (not the lead) gets no token; the lead's inbox notice carries it.
    expect(JSON.stringify((await as['deputy-2'].get(`/api/proposals/${id}`)).body)).not.toContain(token);
    const notice = await eventually('the lead’s notice', async () => ((await as['deputy-1'].get('/api/me/inbox')).body.items as any[]).find((n) => n.proposalId === id && n.feedbackToken));
    expect(notice.feedbackToken).toBe(token);
  });

  it('Item 10: the proposer sees the sent reply, not drafts, reviews or the send-back comment', async () => {
    const mine = (await as['deputy-1'].get(`/api/proposals/${id}`)).body;
    expect(mine.replies.map((r: any) => r.id)).toEqual([replyId]);
    expect(mine.replies[0]).toMatchObject({ status: 'sent', reviews: [], stages: [], currentStage: null });
    const text = JSON.stringify(mine);
    for (const secret of ['内部草稿文字', '内部意见', '领导审查意见', '质量审查通过']) expect(text).not.toContain(secret);
    const events = (await as['deputy-1'].get(`/api/proposals/${id}/events`)).body as any[];
    expect(events.map((e) => e.type)).toEqual(['ProposalRegistered', 'ProposalAssigned', 'ReceiptSigned', 'ReplySent']);
    // the office still sees every step
    expect(((await as.office.get(`/api/proposals/${id}/events`)).body as any[]).map((e) => e.type)).toContain('ReplyReviewed');
  });

  it('nothing a unit handler or the office can read holds the token, nor the history, the logs or the database', async () => {
    const readable: unknown[] = [];
    for (const who of ['rsj-handler', 'rsj-leader', 'office']) {
      for (const path of [`/api/proposals/${id}`, `/api/proposals/${id}/events`, '/api/proposals', '/api/me/inbox', '/api/public/replies']) {
        const res = await as[who].get(path);
        expect(res.status).toBe(200);
        readable.push(res.body);
      }
    }
    const seen = dump(readable);
    expect(has(seen, replyId)).toBe(true); // what was searched is about this reply
    expect(has(seen, token)).toBe(false);
    // No id a unit reads is the token (the old attack predicted it from these ids' generator).
    const ids = seen.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(token);

    // The workflow history: the activity's input and result, every payload, decoded.
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const history = await new Client({ connection }).workflow.getHandle(proposalWorkflowId(id)).fetchHistory();
      const h = dump(history);
      // the activity that issued the form, with its input, is in there — the token is not
      expect(has(h, '"activity_type":"issueFeedbackForm"')).toBe(true);
      expect(has(h, replyId)).toBe(true);
      expect(has(h, token)).toBe(false);
    } finally {
      await connection.close();
    }

    // Every table's rows as text: the token is kept only as a hash and a sealed copy.
    const { rows: tables } = await stack.pool.query<{ t: string }>(`SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = 'public'`);
    let searched = 0;
    for (const { t } of tables) {
      const { rows } = await stack.pool.query<{ r: string }>(`SELECT x::text AS r FROM ${t} x`);
      for (const r of rows) {
        searched++;
        expect(r.r.includes(token) ? `${t}: ${r.r}` : '').toBe('');
      }
    }
    expect(searched).toBeGreaterThan(10);
  });

  it('1,000 wrong guesses from one address: all but the first few are 429, none 5xx, memory stays; the real token still works elsewhere', async () => {
    const guess = () => randomBytes(32).toString('base64url');
    // warm up the path so the first measurement is not of lazy initialisation
    const warm = await fetch(`${stack.baseUrl}/api/feedback/${guess()}`);
    expect(warm.status).toBe(404);
    const before = rssKiB(stack.api.pid);
    const statuses: number[] = [];
    const refusals: { retryAfter: string | null; code: string }[] = [];
    const one = async () => {
      const res = await fetch(`${stack.baseUrl}/api/feedback/${guess()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(FEEDBACK),
      });
      statuses.push(res.status);
      const body = (await res.json()) as { code: string };
      if (res.status === 429) refusals.push({ retryAfter: res.headers.get('retry-after'), code: body.code });
    };
    for (let i = 0; i < 1000; i += 25) await Promise.all(Array.from({ length: 25 }, one));
    const after = rssKiB(stack.api.pid);

    expect(statuses).toHaveLength(1000);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const answered = statuses.filter((s) => s !== 429);
    // the warm-up took one of the window's requests
    expect(answered.length).toBeLessThanOrEqual(RATE_LIMIT - 1);
    expect(new Set(answered)).toEqual(new Set([404]));
    expect(refusals).toHaveLength(1000 - answered.length);
    for (const r of refusals) {
      expect(r.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
    }
    // generous: the point is that guesses cost the server nothing that grows
    expect(after - before).toBeLessThan(64 * 1024);

    // The proposer, from another address (IPv6 loopback: another key of the limiter), answers.
    const other = stack.baseUrl.replace('127.0.0.1', '[::1]');
    const form = await fetch(`${other}/api/feedback/${token}`);
    expect(form.status).toBe(200);
    expect(((await form.json()) as { open: boolean }).open).toBe(true);
    const answer = await new ApiClient(other).post(`/api/feedback/${token}`, FEEDBACK);
    expect(answer.status).toBe(200);
    // still throttled where the guesses came from
    expect((await fetch(`${stack.baseUrl}/api/feedback/${token}`)).status).toBe(429);
  });

  it('the logs never show the token; the access log shows the form’s path redacted', async () => {
    const api = stack.api.output.join('\n');
    expect(has(api, '/api/feedback/[redacted]')).toBe(true);
    expect(has(api, token)).toBe(false);
    expect(has(stack.workerOutput().join('\n'), token)).toBe(false);
    // Recorded as replay fixtures when RECORD_HISTORIES is set (a history with a feedback form).
    keepAsFixtures('feedback', await fetchHistories([id]));
  });
});

/**
 * The workflow's I/O, against a real PostgreSQL: every activity may be retried by Temporal, so
 * each must do its work once however often it runs.
 */
import { randomUUID } from 'node:crypto';
import { createPool } from '@jyta/db';
import { createFreshDatabase, type FreshDatabase } from '@jyta/db/src/testing';
import { migrateAll } from '@jyta/schema';
import type { Pool } from 'pg';
import { FEEDBACK_LINK_PLACEHOLDER } from '@jyta/notifications';
import {
  FEEDBACK_TOKEN_PATTERN,
  feedbackTokenForReply,
  feedbackTokenKeyFromEnv,
  feedbackTokensFor,
  findFeedbackForm,
  rotateLegacyFeedbackTokens,
} from '@jyta/proposal-registry';
import { ApplicationFailure } from '@temporalio/common';
import { createProposalActivities } from './index';

let db: FreshDatabase;
let pool: Pool;
beforeAll(async () => {
  db = await createFreshDatabase(undefined, { prefix: 'activities' });
  pool = createPool(db.url, 4);
  await migrateAll(pool);
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

// Called outside an activity context: these activities need none unless the crash hook is set.
const run = <T>(fn: () => Promise<T>) => fn();

it('appendEvents retried with the same event ids writes once and answers the same', async () => {
  const io = createProposalActivities({ pool });
  const input = {
    streamId: `proposal-${randomUUID()}`,
    expectedVersion: 0,
    events: [
      {
        eventId: randomUUID(),
        type: 'ProposalRegistered',
        data: { title: 't' },
        metadata: { actor: null, occurredAt: new Date().toISOString(), correlationId: 'test' },
      },
    ],
  };
  const first = await run(() => io.appendEvents(input));
  const retry = await run(() => io.appendEvents(input));
  expect(first.duplicate).toBe(false);
  // the retry also carries what was stored, for a workflow that decided again to adopt
  expect(retry).toEqual({
    ...first,
    duplicate: true,
    events: first.events.map((e) => ({ ...e, data: { title: 't' }, occurredAt: input.events[0].metadata.occurredAt })),
  });
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [input.streamId]);
  expect(rows[0].n).toBe(1);
});

it('appendEvents fails without retry when no retry can help: data PostgreSQL refuses, a stale version, conflicting ids', async () => {
  const io = createProposalActivities({ pool });
  const event = (data: unknown) => ({
    eventId: randomUUID(),
    type: 'ContactRecorded',
    data,
    metadata: { actor: null, occurredAt: new Date().toISOString(), correlationId: 'test' },
  });
  const streamId = `proposal-${randomUUID()}`;
  const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e) => e);
  for (const bad of ['\ud800', 'a\u0000b']) {
    const f = await failureOf(io.appendEvents({ streamId, expectedVersion: 0, events: [event({ summary: bad })] }));
    expect(f).toBeInstanceOf(ApplicationFailure);
    expect(f).toMatchObject({ type: 'STORE_REJECTED', nonRetryable: true });
  }
  const ok = event({ summary: '好' });
  await io.appendEvents({ streamId, expectedVersion: 0, events: [ok] });
  expect(await failureOf(io.appendEvents({ streamId, expectedVersion: 0, events: [event({})] }))).toMatchObject({ type: 'STORE_CONFLICT', nonRetryable: true });
  expect(await failureOf(io.appendEvents({ streamId: `proposal-${randomUUID()}`, expectedVersion: 0, events: [ok] }))).toMatchObject({
    type: 'STORE_CONFLICT',
    nonRetryable: true,
  });
  // a transient error stays as it is, for the workflow's bounded retry
  const downPool = createPool('postgres://postgres:postgres@127.0.0.1:1/none', 1);
  const transient = await failureOf(createProposalActivities({ pool: downPool }).appendEvents({ streamId, expectedVersion: 1, events: [event({})] }));
  await downPool.end();
  expect(transient).not.toBeInstanceOf(ApplicationFailure);
  expect(transient).toMatchObject({ code: 'ECONNREFUSED' });
});

it('appendEvents with a number allocates it in the append\'s transaction: filled into the registration, the same on a retry, none used when the append fails', async () => {
  const io = createProposalActivities({ pool });
  const PLACEHOLDER = 'number-pending';
  const registration = (proposalId: string, extra: Record<string, unknown> = {}) => ({
    eventId: randomUUID(),
    type: 'ProposalRegistered',
    data: { proposalId, number: PLACEHOLDER, ...extra },
    metadata: { actor: null, occurredAt: new Date().toISOString(), correlationId: 'test' },
  });
  const id = randomUUID();
  const input = {
    streamId: `proposal-${id}`,
    expectedVersion: 0,
    events: [registration(id)],
    number: { proposalId: id, year: 2031, kind: 'npc_suggestion' as const, placeholder: PLACEHOLDER },
  };
  const first = await run(() => io.appendEvents(input));
  expect(first.duplicate).toBe(false);
  expect(first.events[0].data).toEqual({ proposalId: id, number: '2031-建议-0001' });
  const retry = await run(() => io.appendEvents(input));
  expect(retry.duplicate).toBe(true);
  expect(retry.events[0].data).toEqual(first.events[0].data);
  // An append PostgreSQL refuses rolls its number back: the next registration gets 0002, no gap.
  const other = randomUUID();
  const refused = await io
    .appendEvents({ ...input, streamId: `proposal-${other}`, events: [registration(other, { title: 'a\u0000b' })], number: { ...input.number, proposalId: other } })
    .then(() => undefined, (e) => e);
  expect(refused).toMatchObject({ type: 'STORE_REJECTED' });
  const next = randomUUID();
  const ok = await io.appendEvents({ ...input, streamId: `proposal-${next}`, events: [registration(next)], number: { ...input.number, proposalId: next } });
  expect(ok.events[0].data).toMatchObject({ number: '2031-建议-0002' });
  const { rows } = await pool.query("SELECT number FROM proposal_numbers WHERE year = 2031 ORDER BY seq");
  expect(rows.map((r) => r.number)).toEqual(['2031-建议-0001', '2031-建议-0002']);
});

it('allocateNumber is idempotent per proposal', async () => {
  const io = createProposalActivities({ pool });
  const id = randomUUID();
  const a = await io.allocateNumber({ proposalId: id, year: 2026, kind: 'cppcc_proposal' });
  const b = await io.allocateNumber({ proposalId: id, year: 2026, kind: 'cppcc_proposal' });
  expect(a).toBe('2026-提案-0001');
  expect(b).toBe(a);
});

it('loadCalendar returns the seeded years only, and loadPolicy the default before any publish', async () => {
  const io = createProposalActivities({ pool });
  const cal = await io.loadCalendar({ fromYear: 2026, toYear: 2027 });
  expect(cal.coveredYears).toEqual([2026]);
  expect(cal.overrides.some((o) => o.date === '2026-10-01' && o.kind === 'holiday')).toBe(true);
  expect((await io.loadPolicy()).returnWindow).toBe('P15D');
});

describe('issueFeedbackForm', () => {
  const key = feedbackTokenKeyFromEnv({ FEEDBACK_TOKEN_KEY: '11'.repeat(32) });
  const proposer = async (username: string) => {
    await pool.query(
      `INSERT INTO users (username, password_hash, role, display_name) VALUES ($1, 'x', 'proposer', $1) ON CONFLICT (username) DO NOTHING`,
      [username],
    );
    return username;
  };
  const form = (proposers: { name?: string; username?: string; phone?: string; email?: string }[], replyId = `r-${randomUUID()}`) => ({
    proposalId: randomUUID(),
    replyId,
    number: '2026-建议-0001',
    proposers: proposers.map((p) => ({ name: p.name ?? null, username: p.username ?? null, phone: p.phone ?? null, email: p.email ?? null })),
  });
  const rowsOf = async (replyId: string) =>
    (await pool.query('SELECT * FROM feedback_tokens WHERE reply_id = $1', [replyId])).rows as Record<string, unknown>[];

  it('goes to the lead proposer with an account; the token is in no input, result or column in plain text', async () => {
    const io = createProposalActivities({ pool, feedbackTokenKey: key });
    const lead = await proposer(`lead-${randomUUID().slice(0, 8)}`);
    const input = form([{ username: lead }, { username: await proposer(`second-${randomUUID().slice(0, 8)}`) }]);
    const result = await io.issueFeedbackForm(input);
    expect(result).toEqual({ recipient: { channel: 'account', username: lead, proposerIndex: 0 } });
    const [token] = await feedbackTokensFor(pool, key, input.proposalId, lead);
    expect(token.token).toMatch(FEEDBACK_TOKEN_PATTERN);
    const row = (await rowsOf(input.replyId))[0];
    expect(row.token).toBeNull();
    expect(JSON.stringify(row)).not.toContain(token.token);
    expect(JSON.stringify(result) + JSON.stringify(input)).not.toContain(token.token);
    expect((await findFeedbackForm(pool, token.token))?.replyId).toBe(input.replyId);
  });

  it('a retried or concurrent attempt issues no second token and keeps the first', async () => {
    const io = createProposalActivities({ pool, feedbackTokenKey: key });
    const lead = await proposer(`lead-${randomUUID().slice(0, 8)}`);
    const input = form([{ username: lead }]);
    const results = await Promise.all([io.issueFeedbackForm(input), io.issueFeedbackForm(input), io.issueFeedbackForm(input)]);
    const first = await feedbackTokensFor(pool, key, input.proposalId, lead);
    expect(await io.issueFeedbackForm(input)).toEqual(results[0]);
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await rowsOf(input.replyId)).toHaveLength(1);
    expect(await feedbackTokensFor(pool, key, input.proposalId, lead)).toEqual(first);
  });

  it('lead without an account: the first named proposer who has one', async () => {
    const io = createProposalActivities({ pool, feedbackTokenKey: key });
    const second = await proposer(`second-${randomUUID().slice(0, 8)}`);
    const input = form([{ name: '甲', username: 'nobody-here', phone: '13800000000' }, { name: '乙' }, { name: '丙', username: second }]);
    expect(await io.issueFeedbackForm(input)).toEqual({ recipient: { channel: 'account', username: second, proposerIndex: 2 } });
  });

  it('no account at all: an SMS with the link placeholder (no token) to the first proposer with a phone; nobody: recorded as none', async () => {
    const io = createProposalActivities({ pool, feedbackTokenKey: key });
    const input = form([{ name: '甲' }, { name: '乙', phone: '13812345678' }]);
    expect(await io.issueFeedbackForm(input)).toEqual({ recipient: { channel: 'sms', proposerIndex: 1 } });
    await io.issueFeedbackForm(input);
    const { rows } = await pool.query('SELECT channel, recipient, user_id, body, feedback_reply_id FROM outbox WHERE feedback_reply_id = $1', [input.replyId]);
    expect(rows).toEqual([{ channel: 'sms', recipient: '13812345678', user_id: null, body: expect.stringContaining(FEEDBACK_LINK_PLACEHOLDER), feedback_reply_id: input.replyId }]);
    const token = await feedbackTokenForReply(pool, key, input.replyId);
    expect(token).toMatch(FEEDBACK_TOKEN_PATTERN);
    expect(rows[0].body).not.toContain(token);
    expect((await rowsOf(input.replyId))[0]).toMatchObject({ recipient_channel: 'sms', recipient_name: '乙', proposer_username: null });

    const none = form([{ name: '丙' }]);
    expect(await io.issueFeedbackForm(none)).toEqual({ recipient: { channel: 'none' } });
    expect((await rowsOf(none.replyId))[0]).toMatchObject({ recipient_channel: 'none', token_sealed: null });
  });

  it('an address but no account and no phone: an e-mail with the link placeholder, never the token', async () => {
    const io = createProposalActivities({ pool, feedbackTokenKey: key });
    const input = form([{ name: '甲' }, { name: '乙', email: 'yi@example.cn' }]);
    expect(await io.issueFeedbackForm(input)).toEqual({ recipient: { channel: 'email', proposerIndex: 1 } });
    const { rows } = await pool.query('SELECT channel, recipient, body FROM outbox WHERE feedback_reply_id = $1', [input.replyId]);
    expect(rows).toEqual([{ channel: 'email', recipient: 'yi@example.cn', body: expect.stringContaining(FEEDBACK_LINK_PLACEHOLDER) }]);
    expect(rows[0].body).not.toContain(await feedbackTokenForReply(pool, key, input.replyId));
  });

  it('a designation issues the form again to the designee: new token, old one dead, old message withdrawn; once per key', async () => {
    const io = createProposalActivities({ pool, feedbackTokenKey: key });
    const officeUser = `office-${randomUUID().slice(0, 8)}`;
    await pool.query(`INSERT INTO users (username, password_hash, role, display_name) VALUES ($1, 'x', 'office', $1)`, [officeUser]);
    const input = form([{ name: '甲', phone: '13800000001' }, { name: '乙', phone: '13800000002' }, { name: '丙', username: officeUser, email: 'bing@example.cn' }]);
    expect(await io.issueFeedbackForm(input)).toEqual({ recipient: { channel: 'sms', proposerIndex: 0 } });
    const old = (await feedbackTokenForReply(pool, key, input.replyId))!;

    const again = { ...input, designee: 1, reissueKey: randomUUID() };
    const results = await Promise.all([io.issueFeedbackForm(again), io.issueFeedbackForm(again)]);
    expect(results).toEqual([
      { recipient: { channel: 'sms', proposerIndex: 1 } },
      { recipient: { channel: 'sms', proposerIndex: 1 } },
    ]);
    const fresh = (await feedbackTokenForReply(pool, key, input.replyId))!;
    expect(fresh).toMatch(FEEDBACK_TOKEN_PATTERN);
    expect(fresh).not.toBe(old);
    expect(await findFeedbackForm(pool, old)).toBeUndefined();
    expect((await findFeedbackForm(pool, fresh))?.recipient).toEqual({ channel: 'sms', name: '乙', proposerIndex: 1 });
    const { rows } = await pool.query('SELECT recipient FROM outbox WHERE feedback_reply_id = $1', [input.replyId]);
    expect(rows).toEqual([{ recipient: '13800000002' }]);
    // The same key again: the form it made stands.
    expect(await io.issueFeedbackForm(again)).toEqual(results[0]);
    expect(await feedbackTokenForReply(pool, key, input.replyId)).toBe(fresh);

    // An office (or unit) user named on the item never gets the form as an account: reached by e-mail instead (Art. 14).
    expect(await io.issueFeedbackForm({ ...input, designee: 2, reissueKey: randomUUID() })).toEqual({ recipient: { channel: 'email', proposerIndex: 2 } });
  });

  it('old histories: the predictable token handed in is not used; legacy plain rows are rotated', async () => {
    const io = createProposalActivities({ pool, feedbackTokenKey: key });
    const lead = await proposer(`lead-${randomUUID().slice(0, 8)}`);
    const predictable = randomUUID();
    const proposalId = randomUUID();
    await io.issueFeedbackToken({ token: predictable, proposalId, replyId: `r-${randomUUID()}`, proposerUsername: lead });
    expect(await findFeedbackForm(pool, predictable)).toBeUndefined();
    expect((await feedbackTokensFor(pool, key, proposalId, lead))[0].token).toMatch(FEEDBACK_TOKEN_PATTERN);

    // A row as 0110 stored it (plain token), hashed by 0120: still found until the rotation replaces it.
    const legacy = { token: randomUUID(), replyId: `r-${randomUUID()}`, proposalId: randomUUID() };
    await pool.query(
      `INSERT INTO feedback_tokens (token, token_hash, proposal_id, reply_id, proposer_username) VALUES ($1, sha256(convert_to($1, 'UTF8')), $2, $3, $4)`,
      [legacy.token, legacy.proposalId, legacy.replyId, lead],
    );
    expect((await findFeedbackForm(pool, legacy.token))).toBeUndefined(); // not a token's shape any more
    expect(await rotateLegacyFeedbackTokens(pool, key)).toBeGreaterThanOrEqual(1);
    expect(await rotateLegacyFeedbackTokens(pool, key)).toBe(0);
    expect((await rowsOf(legacy.replyId))[0].token).toBeNull();
    const [fresh] = await feedbackTokensFor(pool, key, legacy.proposalId, lead);
    expect(fresh.token).toMatch(FEEDBACK_TOKEN_PATTERN);
    expect((await findFeedbackForm(pool, fresh.token))?.replyId).toBe(legacy.replyId);
  });
});

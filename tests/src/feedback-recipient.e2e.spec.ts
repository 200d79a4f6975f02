/**
 * Who gets the feedback form (征求意见表, Art. 11, 14), on the real servers: the lead proposer if
 * they have an account, else the first named proposer with one; where none has one, the office
 * designates a proposer of the item, and the open form is issued again to them (SMS / e-mail
 * outbox, a new token, the old one dead). To whom each form went is an event of the item, never
 * the token; a unit can never designate.
 */
import { feedbackTokenForReply, feedbackTokenKeyFromEnv } from '@jyta/proposal-registry';
import { FEEDBACK_LINK_PLACEHOLDER } from '@jyta/notifications';
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { fetchHistories, keepAsFixtures, replay } from './histories';
import { startStack, type Stack } from './stack';

let stack: Stack;
const as: Record<string, ApiClient> = {};
/** The stack runs with the development key (no FEEDBACK_TOKEN_KEY): the test opens sealed tokens with it. */
const key = feedbackTokenKeyFromEnv({});
const itemIds: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  const users = ['office', 'rsj-handler', 'rsj-leader', 'deputy-1', 'deputy-2'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
});
afterAll(() => stack?.stop());

/** Registers an item with these proposers, has rsj handle it and send a reply; answers the ids. */
async function sentReply(proposers: Record<string, string>[]): Promise<{ id: string; replyId: string }> {
  const reg = await as.office.post('/api/proposals', registration({ proposers }));
  expect(reg.status).toBe(201);
  const id = reg.body.id as string;
  itemIds.push(id);
  expect((await as.office.post(`/api/proposals/${id}/assignment`, { assignedOn: shanghaiDay(), mode: 'single', leadUnitIds: ['rsj'], leaderInCharge: 'vice-mayor-1' })).status).toBe(200);
  expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
  const d = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'B', body: '关于您提出的建议，答复如下：……' });
  expect(d.status).toBe(201);
  const replyId = d.body.replyId as string;
  expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/send`)).status).toBe(200);
  return { id, replyId };
}

const eventsOf = async (id: string) => (await as.office.get(`/api/proposals/${id}/events`)).body as { type: string; data: any; actor: any }[];
const outboxOf = async (replyId: string) =>
  (await stack.pool.query('SELECT channel, recipient, body FROM outbox WHERE feedback_reply_id = $1 ORDER BY created_at', [replyId])).rows as {
    channel: string;
    recipient: string;
    body: string;
  }[];

describe('the form goes to a proposer of the item, and the item records to whom', () => {
  it('the lead has no account, the second proposer has: the second gets the form (inbox and item page); FeedbackFormIssued says so', async () => {
    const { id, replyId } = await sentReply([
      { name: '测试代表甲', delegation: '金水区代表团', phone: '13800000001' },
      { name: '测试代表乙', username: 'deputy-2' },
    ]);
    const token = await eventually('the second proposer’s token', async () => (await as['deputy-2'].get(`/api/proposals/${id}`)).body.replies?.[0]?.feedbackToken as string | undefined);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const notice = await eventually('the notice with the form', async () =>
      ((await as['deputy-2'].get('/api/me/inbox')).body.items as any[]).find((n) => n.proposalId === id && n.feedbackToken),
    );
    expect(notice.feedbackToken).toBe(token);

    const issued = (await eventsOf(id)).filter((e) => e.type === 'FeedbackFormIssued');
    expect(issued.map((e) => [e.data, e.actor?.username])).toEqual([[{ replyId, recipient: { channel: 'account', username: 'deputy-2', proposerIndex: 1 } }, 'system']]);
    // The office's view names the recipient by channel and name — and holds no token anywhere.
    const office = (await as.office.get(`/api/proposals/${id}`)).body;
    expect(office.replies[0].feedbackRecipient).toMatchObject({ channel: 'account', name: '测试代表乙', username: 'deputy-2', proposerIndex: 1, reissued: false });
    expect(JSON.stringify(office)).not.toContain(token);
    expect(JSON.stringify(await eventsOf(id))).not.toContain(token);
    expect(JSON.stringify((await as['rsj-handler'].get(`/api/proposals/${id}`)).body)).not.toContain(token);
    // The lead has a phone but the form went to an account: no SMS.
    expect(await outboxOf(replyId)).toEqual([]);
    // The lead's account cannot be designated over: the lead has none, but a lead with one keeps the form.
    const leadWithAccount = await as.office.post('/api/proposals', registration({ proposers: [{ name: '测试代表甲', username: 'deputy-1' }, { name: '测试代表乙', phone: '13800000003' }] }));
    itemIds.push(leadWithAccount.body.id);
    const refused = await as.office.post(`/api/proposals/${leadWithAccount.body.id}/feedback-recipient`, { proposerIndex: 1 });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'LEAD_PROPOSER_HAS_ACCOUNT' });
  });

  it('no account at all: the office designates the proposer with a phone; the form is issued again by SMS, the old token dead', async () => {
    const { id, replyId } = await sentReply([
      { name: '测试代表丙', phone: '13900000001' },
      { name: '测试代表丁', phone: '13900000002' },
    ]);
    // First issued to the first proposer with a phone.
    const before = await eventually('the first form', async () => ((await outboxOf(replyId)).length ? await outboxOf(replyId) : undefined));
    expect(before.map((m) => m.recipient)).toEqual(['13900000001']);
    const old = (await feedbackTokenForReply(stack.pool, key, replyId))!;
    expect(old).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // A unit cannot designate (Art. 14: units never choose who answers the form); nor a proposer.
    for (const who of ['rsj-handler', 'rsj-leader', 'deputy-1']) {
      const res = await as[who].post(`/api/proposals/${id}/feedback-recipient`, { proposerIndex: 1 });
      expect({ who, status: res.status, code: res.body.code }).toEqual({ who, status: 403, code: 'FORBIDDEN_ROLE' });
    }
    // Only a proposer of the item: by place in its list.
    for (const proposerIndex of [2, -1, 'x']) {
      const res = await as.office.post(`/api/proposals/${id}/feedback-recipient`, { proposerIndex });
      expect({ proposerIndex, status: res.status, code: res.body.code }).toEqual({ proposerIndex, status: 400, code: 'VALIDATION_FAILED' });
    }

    const designated = await as.office.post(`/api/proposals/${id}/feedback-recipient`, { proposerIndex: 1 });
    expect(designated.status).toBe(200);
    expect(designated.body.feedbackDesignee).toMatchObject({ proposerIndex: 1, name: '测试代表丁' });
    expect(designated.body.replies[0].feedbackRecipient).toMatchObject({ channel: 'sms', name: '测试代表丁', proposerIndex: 1, reissued: true });

    const events = await eventsOf(id);
    const tail = events.slice(events.findIndex((e) => e.type === 'FeedbackRecipientDesignated'));
    expect(tail.map((e) => [e.type, e.actor?.username, e.data])).toEqual([
      ['FeedbackRecipientDesignated', 'office', { proposerIndex: 1, name: '测试代表丁', replyIds: [replyId] }],
      ['FeedbackFormIssued', 'system', { replyId, recipient: { channel: 'sms', proposerIndex: 1 }, reissued: true }],
    ]);

    // One SMS for the reply, to the designee; its text holds the placeholder, never the token.
    const fresh = (await feedbackTokenForReply(stack.pool, key, replyId))!;
    expect(fresh).not.toBe(old);
    const messages = await outboxOf(replyId);
    expect(messages.map((m) => [m.channel, m.recipient])).toEqual([['sms', '13900000002']]);
    expect(messages[0].body).toContain(FEEDBACK_LINK_PLACEHOLDER);
    for (const t of [old, fresh]) {
      expect(messages[0].body).not.toContain(t);
      expect(JSON.stringify(events)).not.toContain(t);
    }
    // The old link is dead; the new one opens the form.
    expect((await new ApiClient(stack.baseUrl).get(`/api/feedback/${old}`)).status).toBe(404);
    expect((await new ApiClient(stack.baseUrl).get(`/api/feedback/${fresh}`)).status).toBe(200);
  });

  it('an e-mail address but no account or phone: the outbox carries an e-mail with the link placeholder', async () => {
    const { id, replyId } = await sentReply([{ name: '测试委员己', email: 'ji@example.cn' }]);
    const messages = await eventually('the e-mail', async () => ((await outboxOf(replyId)).length ? await outboxOf(replyId) : undefined));
    expect(messages.map((m) => [m.channel, m.recipient])).toEqual([['email', 'ji@example.cn']]);
    expect(messages[0].body).toContain(FEEDBACK_LINK_PLACEHOLDER);
    expect((await eventsOf(id)).find((e) => e.type === 'FeedbackFormIssued')?.data).toEqual({ replyId, recipient: { channel: 'email', proposerIndex: 0 } });
    // A malformed address is refused at registration.
    const bad = await as.office.post('/api/proposals', registration({ proposers: [{ name: '测试委员庚', email: 'not-an-address' }] }));
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('the items’ histories replay on the current workflow code', async () => {
    const histories = await fetchHistories(itemIds);
    const results = await replay(histories);
    expect(results.map((r: any) => r.error ?? null)).toEqual(histories.map(() => null));
    keepAsFixtures('recipient', histories);
  });
});

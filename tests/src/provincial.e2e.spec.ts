/**
 * Items handed down by the provincial government office (省政府办公厅交办, Art. 9, 10, 11, 17) end to
 * end, through HTTP on the real Temporal server and PostgreSQL: one complete provincial item from
 * registration to archive — the unit's handling opinion reviewed, sent to the proposer first, sent
 * back and redone, accepted; the office's government document sent back by the office division,
 * compiled again, reviewed, signed by the vice mayor in charge and sent with the provincial cc
 * list — then its events checked step by step.
 */
import { publishPolicy } from '@jyta/proposal-registry';
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { replayEveryItem } from './histories';
import { startStack, type Stack } from './stack';

let stack: Stack;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  stack = await startStack();
  const users = ['office', 'office-reviewer', 'rsj-handler', 'rsj-leader', 'wjw-handler', 'vice-mayor-1', 'vice-mayor-2', 'deputy-1'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
});
afterAll(() => stack?.stop());

const PROVINCIAL_CC = ['省人大选任联工委', '省政府办公厅', '省政协提案委'];
const detailOf = async (id: string) => (await as.office.get(`/api/proposals/${id}`)).body;
const replyOf = async (id: string, replyId: string) => (await detailOf(id)).replies.find((r: any) => r.id === replyId);
const eventsOf = async (id: string) => (await as.office.get(`/api/proposals/${id}/events`)).body as any[];
const noticeOf = (who: string, proposalId: string, kind: string) =>
  eventually(`${who}: ${kind}`, async () => {
    const res = await as[who].get('/api/me/inbox');
    return (res.body.items as any[]).find((n) => n.proposalId === proposalId && n.kind === kind);
  });

async function registeredAndAssigned() {
  const reg = await as.office.post(
    '/api/proposals',
    registration({ level: 'provincial', title: '关于加快黄河流域郑州段生态保护的建议', proposers: [{ name: '省人大代表甲', username: 'deputy-1' }] }),
  );
  expect(reg.status).toBe(201);
  expect(reg.body.level).toBe('provincial');
  const id: string = reg.body.id;
  const assignment = { mode: 'lead', leadUnitIds: ['rsj'], coUnitIds: ['wjw'], leaderInCharge: 'vice-mayor-1', assignedOn: shanghaiDay() };
  expect((await as.office.post(`/api/proposals/${id}/assignment`, assignment)).status).toBe(200);
  return id;
}

/** The unit drafts an opinion, its leader and the vice mayor in charge approve it; returns its id. */
async function opinionApproved(id: string, body: string) {
  const d = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'B', body });
  expect(d.status).toBe(201);
  const replyId: string = d.body.replyId;
  expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as['vice-mayor-1'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true, comment: '同意' })).status).toBe(200);
  return replyId;
}

async function tokenFor(id: string, replyId: string) {
  const mine = await as['deputy-1'].get(`/api/proposals/${id}`);
  const token = mine.body.replies.find((r: any) => r.id === replyId)?.feedbackToken;
  expect(token).toEqual(expect.any(String));
  return token as string;
}

const answer = (token: string, body: Record<string, unknown>) => new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, body);

describe('Art. 9/10/11/17: a complete provincial item, from registration to archive', () => {
  let id: string;
  const opinions: string[] = [];
  const tokens: string[] = [];

  it('Art. 6/17: registered as provincial, assigned to a lead and a co-unit with the vice mayor in charge; both sign; the contact is recorded', async () => {
    id = await registeredAndAssigned();
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
    expect((await as['wjw-handler'].post(`/api/proposals/${id}/units/wjw/receipt`)).status).toBe(200);
    const contact = await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/contacts`, { method: 'face_to_face', on: shanghaiDay(), summary: '到代表所在单位面商办理思路' });
    expect(contact.status).toBe(200);
  });

  it('Art. 9: the unit drafts its handling opinion; its leader, then the vice mayor in charge approve it — another vice mayor is refused', async () => {
    const d = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'B', body: '办理和答复意见（第一稿）：……' });
    expect(d.status).toBe(201);
    const replyId: string = d.body.replyId;
    opinions.push(replyId);
    const r = d.body.replies.find((x: any) => x.id === replyId);
    expect(r).toMatchObject({ status: 'in_review', stages: ['unit_leader', 'vice_mayor'], currentStage: 'unit_leader', cc: ['市政府办公厅建议提案处'], documents: [] });
    // Not accepted by the proposer yet: nothing to compile.
    const early = await as.office.post(`/api/proposals/${id}/replies/${replyId}/government-document`, { body: '正式文件' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('NOT_AWAITING_DOCUMENT');
    expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    const wrong = await as['vice-mayor-2'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('NOT_IN_CHARGE');
    const vm = await as['vice-mayor-1'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true, comment: '同意' });
    expect(vm.status).toBe(200);
    expect(vm.body.replies.find((x: any) => x.id === replyId)).toMatchObject({ status: 'approved', currentStage: null });
  });

  it('Art. 10/11: the approved opinion goes first to the proposer, with the feedback form (token in the proposer’s view and inbox)', async () => {
    const sent = await as['rsj-handler'].post(`/api/proposals/${id}/replies/${opinions[0]}/send`);
    expect(sent.status).toBe(200);
    expect(sent.body.replies[0]).toMatchObject({ status: 'sent', sentAt: expect.any(String), feedbackDueAt: expect.any(String) });
    expect(sent.body.replies[0].feedbackToken).toBeUndefined();
    const token = await tokenFor(id, opinions[0]);
    tokens.push(token);
    const notice = await noticeOf('deputy-1', id, 'reply_sent');
    expect(notice.title).toContain('办理和答复意见已送达');
    expect(notice.feedbackToken).toBe(token);
    const form = await new ApiClient(stack.baseUrl).get(`/api/feedback/${token}`);
    expect(form.body).toMatchObject({ open: true, reply: { round: 1 } });
  });

  it('Art. 10/11: the proposer is not satisfied and sends it back; the unit handles it again (a new round)', async () => {
    const res = await answer(await tokenFor(id, opinions[0]), { attitude: 'satisfied', result: 'dissatisfied', contact: 'face_to_face', comments: '资金来源不明确', sendBack: true });
    expect(res.status).toBe(200);
    expect(res.body.proposalStatus).toBe('assigned');
    const detail = await detailOf(id);
    expect(detail.replies[0]).toMatchObject({ status: 'closed', sentBack: true, feedback: { result: 'dissatisfied', sendBack: true } });
    expect(detail.assignments.find((a: any) => a.unitId === 'rsj').status).toBe('handling');
    const compile = await as.office.post(`/api/proposals/${id}/replies/${opinions[0]}/government-document`, { body: '正式文件' });
    expect(compile.status).toBe(409);
    expect(compile.body.code).toBe('NOT_AWAITING_DOCUMENT');
  });

  it('Art. 9/10/11: the new opinion is approved and sent; the proposer is satisfied; it awaits the office (office notified)', async () => {
    opinions.push(await opinionApproved(id, '办理和答复意见（第二稿）：已明确资金来源……'));
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${opinions[1]}/send`)).status).toBe(200);
    tokens.push(await tokenFor(id, opinions[1]));
    const res = await answer(tokens[1], { attitude: 'satisfied', result: 'basically_satisfied', contact: 'face_to_face' });
    expect(res.status).toBe(200);
    expect(res.body.proposalStatus).toBe('assigned');
    expect(await replyOf(id, opinions[1])).toMatchObject({ round: 2, status: 'awaiting_document', feedback: { result: 'basically_satisfied' } });
    expect((await noticeOf('office', id, 'document_to_compile')).title).toContain('待整理正式文件');
  });

  it('Art. 9: the office compiles the government document — a unit handler cannot (403); it cannot be sent unsigned', async () => {
    const handler = await as['rsj-handler'].post(`/api/proposals/${id}/replies/${opinions[1]}/government-document`, { body: '正式文件' });
    expect(handler.status).toBe(403);
    expect(handler.body.code).toBe('FORBIDDEN_ROLE');
    const empty = await as.office.post(`/api/proposals/${id}/replies/${opinions[1]}/government-document`, { body: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'body' }] } });
    const c = await as.office.post(`/api/proposals/${id}/replies/${opinions[1]}/government-document`, { body: '市人民政府关于……的答复（第一稿）' });
    expect(c.status).toBe(201);
    const r = c.body.replies.find((x: any) => x.id === opinions[1]);
    expect(r).toMatchObject({ status: 'document_in_review', currentStage: 'office_reviewer' });
    expect(r.documents).toEqual([
      expect.objectContaining({ round: 1, status: 'in_review', stages: ['office_reviewer', 'vice_mayor_signature'], currentStage: 'office_reviewer', documentNumber: null }),
    ]);
    const unsigned = await as.office.post(`/api/proposals/${id}/replies/${opinions[1]}/send`, { documentNumber: '郑政文〔2026〕12号' });
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.code).toBe('DOCUMENT_NOT_SIGNED');
    // The vice mayor signs only after the office division's review.
    const early = await as['vice-mayor-1'].post(`/api/proposals/${id}/replies/${opinions[1]}/review`, { approve: true });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('WRONG_REVIEW_STAGE');
    expect((await noticeOf('office-reviewer', id, 'document_to_review')).title).toContain('正式文件待审查');
  });

  it('Art. 9: the office division sends it back with comments; the office compiles it again (every round kept)', async () => {
    const noComment = await as['office-reviewer'].post(`/api/proposals/${id}/replies/${opinions[1]}/review`, { approve: false });
    expect(noComment.status).toBe(400);
    const back = await as['office-reviewer'].post(`/api/proposals/${id}/replies/${opinions[1]}/review`, { approve: false, comment: '文字需规范，请补充办理时限' });
    expect(back.status).toBe(200);
    expect(back.body.replies.find((x: any) => x.id === opinions[1])).toMatchObject({ status: 'awaiting_document', documents: [{ status: 'returned' }] });
    const again = await as.office.post(`/api/proposals/${id}/replies/${opinions[1]}/government-document`, {
      documentNumber: '郑政文〔2026〕12号',
      title: '郑州市人民政府关于省人大代表建议的答复',
      body: '省人大代表甲：市人民政府关于……的答复（第二稿，已补充办理时限）。联系人电话 0371-67171234。',
    });
    expect(again.status).toBe(201);
    expect(again.body.replies.find((x: any) => x.id === opinions[1]).documents.map((d: any) => [d.round, d.status])).toEqual([
      [1, 'returned'],
      [2, 'in_review'],
    ]);
  });

  it('Art. 9/10: the office division approves; the vice mayor in charge signs (another vice mayor is refused)', async () => {
    const ok = await as['office-reviewer'].post(`/api/proposals/${id}/replies/${opinions[1]}/review`, { approve: true, comment: '审查通过' });
    expect(ok.status).toBe(200);
    expect(ok.body.replies.find((x: any) => x.id === opinions[1]).currentStage).toBe('vice_mayor_signature');
    expect((await noticeOf('vice-mayor-1', id, 'document_to_sign')).title).toContain('正式文件待签发');
    const wrong = await as['vice-mayor-2'].post(`/api/proposals/${id}/replies/${opinions[1]}/review`, { approve: true });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('NOT_IN_CHARGE');
    const signed = await as['vice-mayor-1'].post(`/api/proposals/${id}/replies/${opinions[1]}/review`, { approve: true, comment: '同意签发' });
    expect(signed.status).toBe(200);
    const r = signed.body.replies.find((x: any) => x.id === opinions[1]);
    expect(r).toMatchObject({ status: 'document_signed', currentStage: null });
    expect(r.documents[1]).toMatchObject({ status: 'signed', signedAt: expect.any(String), reviews: [{ stage: 'office_reviewer', approve: true }, { stage: 'vice_mayor_signature', approve: true, comment: '同意签发' }] });
  });

  it('Art. 10/17: the office sends it as a municipal government document, cc the provincial bodies; the unit is done and the item archived', async () => {
    // The unit does not send the government document itself, nor give it a number.
    const unit = await as['rsj-handler'].post(`/api/proposals/${id}/replies/${opinions[1]}/send`);
    expect(unit.status).toBe(409);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${opinions[1]}/send`, { documentNumber: 'x' })).status).toBe(400);
    const sent = await as.office.post(`/api/proposals/${id}/replies/${opinions[1]}/send`);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'archived', archivedAt: expect.any(String) });
    const r = sent.body.replies.find((x: any) => x.id === opinions[1]);
    expect(r).toMatchObject({ status: 'closed' });
    expect(r.documents[1]).toMatchObject({
      status: 'sent',
      documentNumber: '郑政文〔2026〕12号',
      title: '郑州市人民政府关于省人大代表建议的答复',
      sentAt: expect.any(String),
      cc: PROVINCIAL_CC,
    });
    expect(sent.body.assignments.map((a: any) => [a.unitId, a.status])).toEqual([
      ['rsj', 'done'],
      ['wjw', 'handling'],
    ]);
    expect((await noticeOf('deputy-1', id, 'document_sent')).body).toContain('郑政文〔2026〕12号');
    const refused = await as.office.post(`/api/proposals/${id}/replies/${opinions[1]}/government-document`, { body: 'x' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ARCHIVED');
  });

  it('Art. 17: every step is an event, in order, by the right person', async () => {
    const events = await eventsOf(id);
    const steps = events.map((e) => `${e.type}${e.data.stage ? `:${e.data.stage}` : ''}${e.data.approve === false ? ':back' : ''}|${e.actor?.role ?? ''}`);
    const opinionRound = [
      'ReplyDrafted|unit_handler',
      'ReplyReviewed:unit_leader|unit_leader',
      'ReplyReviewed:vice_mayor|vice_mayor',
      'OpinionSentToProposer|unit_handler',
      // to whom the form went, recorded by the item's workflow (never the token)
      'FeedbackFormIssued|system',
    ];
    expect(steps).toEqual([
      'ProposalRegistered|office',
      'ProposalAssigned|office',
      'ReceiptSigned|unit_handler',
      'ReceiptSigned|unit_handler',
      'ContactRecorded|unit_handler',
      ...opinionRound,
      'FeedbackReceived|proposer',
      // The opinion sent back: a re-handling with its own reply deadline (SPEC §5).
      'RehandlingStarted|proposer',
      ...opinionRound,
      'FeedbackReceived|proposer',
      'GovernmentDocumentCompiled|office',
      'GovernmentDocumentReviewed:office_reviewer:back|office_reviewer',
      'GovernmentDocumentCompiled|office',
      'GovernmentDocumentReviewed:office_reviewer|office_reviewer',
      'GovernmentDocumentSigned|vice_mayor',
      'GovernmentDocumentSent|office',
      'ProposalArchived|office',
    ]);
    const of = (type: string) => events.filter((e) => e.type === type);
    expect(of('FeedbackReceived').map((e) => [e.data.sendBack, e.data.awaitingDocument])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(of('ReplyReviewed').filter((e) => e.data.stage === 'vice_mayor').map((e) => e.actor.username)).toEqual(['vice-mayor-1', 'vice-mayor-1']);
    expect(of('GovernmentDocumentCompiled').map((e) => e.data.round)).toEqual([1, 2]);
    expect(of('GovernmentDocumentSigned')[0].actor.username).toBe('vice-mayor-1');
    expect(of('GovernmentDocumentSent')[0].data).toMatchObject({ documentNumber: '郑政文〔2026〕12号', cc: PROVINCIAL_CC });
    // The form's token never enters the events.
    for (const token of tokens) expect(JSON.stringify(events)).not.toContain(token.slice(0, 8));
    expect(of('ReplySent')).toEqual([]);
  });

  it('Art. 20: what is published is the government document, redacted, never the opinion the proposer saw first', async () => {
    const detail = await detailOf(id);
    const rsjOpinions = detail.replies.filter((r: any) => r.unitId === 'rsj');
    // The first opinion was sent back: it never became a government document.
    const first = await as['rsj-handler'].post(`/api/proposals/${id}/replies/${rsjOpinions[0].id}/disclosure`, { mode: 'full' });
    expect(first.status).toBe(409);
    expect(first.body.code).toBe('REPLY_NOT_SENT');
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${opinions[1]}/disclosure`, { mode: 'full' })).status).toBe(200);
    const rows = await eventually('the published reply', async () => {
      const res = await new ApiClient(stack.baseUrl).get(`/api/public/replies?q=${encodeURIComponent(detail.number)}&pageSize=100`);
      return res.body.items?.length ? (res.body.items as any[]) : undefined;
    });
    expect(rows).toHaveLength(1);
    expect(detail.replies.find((r: any) => r.id === opinions[1]).documents.at(-1).body).toContain('省人大代表甲');
    expect(rows[0].text).toContain('市人民政府关于……的答复（第二稿，已补充办理时限）');
    expect(rows[0].text).not.toContain('办理和答复意见（第二稿）');
    expect(JSON.stringify(rows)).not.toMatch(/省人大代表甲|0371-67171234|省人大选任联工委|deputy-1/);
  });
});

describe('Art. 11: no answer in time on a provincial opinion', () => {
  it('is recorded as "no feedback" (never satisfied) and the office compiles the document all the same', async () => {
    await publishPolicy(stack.pool, { feedbackPeriod: 'PT5S' }, 'e2e');
    const id = await registeredAndAssigned();
    await publishPolicy(stack.pool, { feedbackPeriod: 'P30D' }, 'e2e');
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
    const replyId = await opinionApproved(id, '办理和答复意见：……');
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/send`)).status).toBe(200);
    const missing = await eventually('FeedbackMissing', async () => (await eventsOf(id)).find((e) => e.type === 'FeedbackMissing'));
    expect(missing).toMatchObject({ data: { replyId, awaitingDocument: true }, actor: { role: 'system' } });
    const r = await replyOf(id, replyId);
    expect(r).toMatchObject({ status: 'awaiting_document', feedback: null, feedbackMissingAt: missing.occurredAt });
    expect((await detailOf(id)).status).toBe('assigned');
    const c = await as.office.post(`/api/proposals/${id}/replies/${replyId}/government-document`, { body: '市人民政府关于……的答复' });
    expect(c.status).toBe(201);
    expect(c.body.replies[0].currentStage).toBe('office_reviewer');
  });
});

describe('workflow determinism', () => {
  it('every item workflow of this file (the provincial path: opinion, government document, archive) replays against the current workflow code', async () => {
    const { ids, results } = await replayEveryItem(stack.pool, 'provincial');
    expect(ids.length).toBeGreaterThan(0);
    expect(results.map((r) => [r.workflowId, r.error])).toEqual(ids.map((id) => [`proposal-${id}`, undefined]));
  });
});

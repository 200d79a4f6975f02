/**
 * Long-lived items (issue 10): with a low history limit (PROPOSAL_HISTORY_LIMIT=20) every item's
 * workflow continues as new again and again; its state, version and timers go on in the new run,
 * and no command or timer event is lost or doubled. An archived item's workflow completes, and a
 * command allowed after archiving (disclosure, Art. 20) starts a fresh run that loads the stream.
 * The histories of a run that continued as new and of an archived run that completed are replayed
 * (and kept as fixtures with RECORD_HISTORIES).
 */
import { Client, Connection } from '@temporalio/client';
import { proposalWorkflowId, stateQuery } from '@jyta/workflows';
import { registration } from './fixtures';
import { keepAsFixtures, replay } from './histories';
import { ApiClient, eventually, shanghaiDay } from './http';
import { startStack, type Stack } from './stack';

let stack: Stack;
let connection: Connection;
let client: Client;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  stack = await startStack({ env: { PROPOSAL_HISTORY_LIMIT: '20' } });
  for (const u of ['office', 'rsj-handler', 'rsj-leader', 'deputy-1']) as[u] = await ApiClient.login(stack.baseUrl, u);
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  client = new Client({ connection });
}, 120_000);
afterAll(async () => {
  await connection?.close();
  await stack?.stop();
});

/** Every run of the item's workflow, oldest first, with its status. */
async function runs(id: string) {
  const found: { runId: string; status: string; startTime: Date }[] = [];
  for await (const w of client.workflow.list({ query: `WorkflowId = '${proposalWorkflowId(id)}'` })) {
    found.push({ runId: w.runId, status: w.status.name, startTime: w.startTime });
  }
  return found.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
}

async function streamEvents(id: string) {
  const { rows } = await stack.pool.query<{ type: string; version: number; correlation: string }>(
    `SELECT type, version, metadata->>'correlationId' AS correlation FROM events WHERE stream_id = $1 ORDER BY version`,
    [`proposal-${id}`],
  );
  return rows;
}

async function historyOf(id: string, runId: string) {
  return { workflowId: proposalWorkflowId(id), history: await client.workflow.getHandle(proposalWorkflowId(id), runId).fetchHistory() };
}

describe('continue-as-new', () => {
  it('a forced continue-as-new keeps state, version and timers; later commands go on', async () => {
    const reg = await as.office.post('/api/proposals', registration());
    expect(reg.status).toBe(201);
    const id: string = reg.body.id;
    // Assigned 100 days ago: deadlines of the past come due in whichever run is current.
    const assign = await as.office.post(`/api/proposals/${id}/assignment`, { assignedOn: shanghaiDay(-100), mode: 'single', leadUnitIds: ['rsj'] });
    expect(assign.status).toBe(200);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
    const continued = await eventually('a run that continued as new', async () => {
      const r = await runs(id);
      return r.some((x) => x.status === 'CONTINUED_AS_NEW') ? r : undefined;
    });
    // The current run answers the item's state as the stream has it.
    const events = await eventually('the timers of the past deadlines', async () => {
      const e = await streamEvents(id);
      return e.some((x) => x.correlation?.startsWith('timer:')) ? e : undefined;
    });
    const timerEvents = events.filter((e) => e.correlation?.startsWith('timer:'));
    // A timer's command is appended once, whichever run fired it.
    expect(new Set(timerEvents.map((e) => `${e.type}|${e.correlation}`)).size).toBe(timerEvents.length);
    const current = await client.workflow.getHandle(proposalWorkflowId(id)).query(stateQuery);
    const latest = await streamEvents(id);
    expect(current.version).toBe(latest.at(-1)!.version);
    expect(current.state.status).toBe('assigned');
    // A command after the continue-as-new continues the same stream.
    const contact = await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/contacts`, { method: 'phone', on: shanghaiDay(), summary: '电话沟通' });
    expect(contact.status).toBe(200);
    const after = await streamEvents(id);
    expect(after.map((e) => e.version)).toEqual(after.map((_, i) => i + 1));
    expect(after.length).toBeGreaterThan(latest.length);
    const first = continued.find((x) => x.status === 'CONTINUED_AS_NEW')!;
    const history = await historyOf(id, first.runId);
    keepAsFixtures('continued-as-new', [history]);
    expect((await replay([history])).map((r) => r.error)).toEqual([undefined]);
  }, 300_000);
});

describe('an archived item', () => {
  it("its workflow completes; a disclosure afterwards starts a fresh run that loads the stream", async () => {
    const reg = await as.office.post('/api/proposals', registration());
    const id: string = reg.body.id;
    expect((await as.office.post(`/api/proposals/${id}/assignment`, { assignedOn: shanghaiDay(), mode: 'single', leadUnitIds: ['rsj'] })).status).toBe(200);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
    // Category A: a B reply is a promise whose follow-ups keep an archived item's run alive (obligations).
    const draft = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'A', body: '您提出的建议收悉。现答复如下：已于本年内解决。' });
    expect(draft.status).toBe(201);
    const replyId: string = draft.body.replyId;
    expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/send`)).status).toBe(200);
    const token = (await as['deputy-1'].get(`/api/proposals/${id}`)).body.replies.find((r: any) => r.id === replyId)?.feedbackToken;
    const fb = await new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, { attitude: 'satisfied', result: 'satisfied', contact: 'phone' });
    expect(fb.status).toBe(200);
    expect(fb.body.proposalStatus).toBe('archived');

    const completed = await eventually('the archived run completes', async () => {
      const r = await runs(id);
      return r.at(-1)?.status === 'COMPLETED' ? r.at(-1) : undefined;
    });
    const eventsBefore = await streamEvents(id);
    // Read-only for the handling, but the disclosure may still be chosen: a fresh run takes it.
    const contact = await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/contacts`, { method: 'phone', on: shanghaiDay(), summary: '回访' });
    expect([contact.status, contact.body.code]).toEqual([409, 'ARCHIVED']);
    const disclosure = await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/disclosure`, { mode: 'full' });
    expect(disclosure.status).toBe(200);
    const eventsAfter = await streamEvents(id);
    expect(eventsAfter.slice(0, eventsBefore.length)).toEqual(eventsBefore);
    expect(eventsAfter.slice(eventsBefore.length).map((e) => e.type)).toEqual(['DisclosureChosen']);
    // The fresh run completes again once the command is done, and a second choice works the same way.
    const fresh = await eventually('the fresh run completes', async () => {
      const r = await runs(id);
      return r.length > 1 && r.at(-1)!.runId !== completed!.runId && r.at(-1)!.status === 'COMPLETED' ? r.at(-1) : undefined;
    });
    expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/disclosure`, { mode: 'summary', summary: '已于本年内解决。' })).status).toBe(200);
    expect((await streamEvents(id)).filter((e) => e.type === 'DisclosureChosen')).toHaveLength(2);

    const histories = [await historyOf(id, completed!.runId), await historyOf(id, fresh!.runId)];
    keepAsFixtures('archived-completed', histories);
    expect((await replay(histories)).map((r) => r.error)).toEqual([undefined, undefined]);
  }, 300_000);
});

/**
 * The production topology: the real Temporal Server 1.29.1 (not the CLI dev server) on PostgreSQL,
 * started by the project's own scripts (@jyta/dev-infra, what `TEMPORAL_MODE=server` uses), on
 * ports and databases of this test's own, with the API and the worker pointed at it. One complete
 * short item: register → assign → sign → reply → feedback → archived.
 *
 * On a fresh machine the first run builds temporal-server and temporal-sql-tool with `go install`
 * (minutes; cached in .tools/bin afterwards), hence the long beforeAll.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import {
  dropTemporalDatabases,
  ensureTemporalServerBinaries,
  freeBasePort,
  startTemporalServer,
  TEMPORAL_SERVER_VERSION,
  type TemporalServerHandle,
} from '@jyta/dev-infra';
import { proposalWorkflowId } from '@jyta/workflows';
import { ApiClient, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

const BUILD_AND_START_MS = 50 * 60_000;
const suffix = randomUUID().slice(0, 8);
const dbs = { database: `temporal_e2e_${suffix}`, visibilityDatabase: `temporal_visibility_e2e_${suffix}` };
const log = (line: string) => process.stderr.write(`[temporal-server e2e] ${line}\n`);

let server: TemporalServerHandle | undefined;
let stack: Stack | undefined;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  const base = process.env.DATABASE_URL as string;
  // Built before the ports are picked, so a long first build cannot lose them to someone else.
  await ensureTemporalServerBinaries(log);
  server = await startTemporalServer({ name: 'temporal-server-e2e', basePort: await freeBasePort(), databaseUrl: base, ...dbs, fresh: true, log });
  stack = await startStack({ env: { TEMPORAL_ADDRESS: server.address } });
  const users = ['office', 'rsj-handler', 'rsj-leader', 'deputy-1'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack!.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
}, BUILD_AND_START_MS);

afterAll(async () => {
  await stack?.stop();
  await server?.stop();
  if (server) await dropTemporalDatabases(process.env.DATABASE_URL as string, dbs).catch(() => undefined);
}, 120_000);

describe('the real Temporal server on PostgreSQL (TEMPORAL_MODE=server)', () => {
  let id: string;

  it(`is Temporal Server ${TEMPORAL_SERVER_VERSION}, not the dev server the rest of the suite uses`, async () => {
    expect(server!.started).toBe(true);
    expect(server!.address).not.toBe(process.env.TEMPORAL_ADDRESS);
    const connection = await Connection.connect({ address: server!.address });
    try {
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.serverVersion).toBe(TEMPORAL_SERVER_VERSION);
      // The server's own Prometheus endpoint (config.yaml global.metrics) answers.
      const metrics = await fetch(server!.metricsUrl);
      expect(metrics.status).toBe(200);
    } finally {
      await connection.close();
    }
  });

  it('runs a complete item: register → assign → sign → reply → feedback → archived', async () => {
    const reg = await as.office.post('/api/proposals', registration({ proposers: [{ name: '测试代表甲', username: 'deputy-1', phone: '13800000000' }] }));
    expect(reg.status).toBe(201);
    id = reg.body.id;
    const assign = await as.office.post(`/api/proposals/${id}/assignment`, { assignedOn: shanghaiDay(), mode: 'single', leadUnitIds: ['rsj'], leaderInCharge: 'vice-mayor-1' });
    expect(assign.status).toBe(200);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);

    const draft = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'A', body: '关于您提出的建议，答复如下：……' });
    expect(draft.status).toBe(201);
    const replyId: string = draft.body.replyId;
    expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/send`)).status).toBe(200);

    const mine = await as['deputy-1'].get(`/api/proposals/${id}`);
    const token = mine.body.replies.find((r: { id: string }) => r.id === replyId)?.feedbackToken;
    expect(token).toEqual(expect.any(String));
    const feedback = await new ApiClient(stack!.baseUrl).post(`/api/feedback/${token}`, { attitude: 'satisfied', result: 'satisfied', contact: 'phone' });
    expect(feedback.status).toBe(200);
    expect(feedback.body.proposalStatus).toBe('archived');

    const types = ((await as.office.get(`/api/proposals/${id}/events`)).body as Array<{ type: string }>).map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(['ProposalRegistered', 'ProposalAssigned', 'ReceiptSigned']);
    expect(types).toEqual(expect.arrayContaining(['ReplyDrafted', 'ReplySent', 'FeedbackReceived', 'ProposalArchived']));
  });

  it("the item's workflow lives on that server, its history in this test's own PostgreSQL databases", async () => {
    const connection = await Connection.connect({ address: server!.address });
    try {
      const handle = new Client({ connection }).workflow.getHandle(proposalWorkflowId(id));
      expect((await handle.describe()).taskQueue).toBe(stack!.taskQueue);
      const history = await handle.fetchHistory();
      expect(history.events?.length).toBeGreaterThan(5);
    } finally {
      await connection.close();
    }
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `/${dbs.database}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const { rows } = await client.query('select count(*)::int as n from current_executions where workflow_id = $1', [proposalWorkflowId(id)]);
      expect(rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });
});

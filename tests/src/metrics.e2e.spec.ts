/**
 * Operators' instruments: after a command and a deadline that passed, the API's /api/metrics and
 * the worker's WORKER_METRICS_PORT endpoint answer Prometheus text with the series the README
 * promises (command latency by command, projection lag, timer lag, outbox backlog, the Temporal
 * SDK's own metrics, process RSS).
 */
import { freePort } from '@jyta/dev-infra';
import { publishPolicy } from '@jyta/proposal-registry';
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

let stack: Stack;
let office: ApiClient;
let workerMetricsPort: number;


beforeAll(async () => {
  workerMetricsPort = await freePort();
  stack = await startStack({ env: { WORKER_METRICS_PORT: String(workerMetricsPort) } });
  office = await ApiClient.login(stack.baseUrl, 'office');
});
afterAll(() => stack?.stop());

const scrape = async (url: string) => {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};
/** The value of one series (name and labels exactly as exported), or undefined. */
const valueOf = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

it('the API exports command latency by command and the projections\' lag; the worker the timer lag, the outbox backlog and the SDK\'s metrics', async () => {
  // A reply period of 2 s: the deadline passes soon after the assignment, on the item's timer.
  await publishPolicy(stack.pool, { replyPeriod: 'PT2S' }, 'e2e');
  const reg = await office.post('/api/proposals', registration({ title: '关于完善城市运行监测的建议' }));
  expect(reg.status).toBe(201);
  const id: string = reg.body.id;
  const asg = await office.post(`/api/proposals/${id}/assignment`, { mode: 'single', leadUnitIds: ['rsj'], assignedOn: shanghaiDay() });
  expect(asg.status).toBe(200);
  await publishPolicy(stack.pool, { replyPeriod: 'P3M' }, 'e2e');
  await eventually(
    'ReplyDeadlinePassed',
    async () => ((await office.get(`/api/proposals/${id}/events`)).body as { type: string }[]).find((e) => e.type === 'ReplyDeadlinePassed'),
    60_000,
  );

  const api = await scrape(`${stack.baseUrl}/api/metrics`);
  expect(valueOf(api, 'jyta_command_duration_seconds_count{command="ProposalsController.register",status="2xx"}')).toBe(1);
  expect(valueOf(api, 'jyta_command_duration_seconds_count{command="ProposalsController.assign",status="2xx"}')).toBe(1);
  expect(valueOf(api, 'jyta_projection_lag_events{projection="proposal_list"}')).toBeGreaterThanOrEqual(0);
  expect(api).toMatch(/^jyta_projection_lag_seconds\{projection="proposal_list"\} \d/m);
  expect(valueOf(api, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  // a read (the events polled above) is not a command
  expect(api).not.toMatch(/command="ProposalsController\.events"/);
  // Left out of the OpenAPI document (the typed client is generated from it).
  const doc = (await (await fetch(`${stack.baseUrl}/api/docs-json`)).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(doc.paths)).not.toContain('/api/metrics');

  const worker = await scrape(`http://127.0.0.1:${workerMetricsPort}/metrics`);
  expect(valueOf(worker, 'jyta_timer_lag_seconds_count{event="ReplyDeadlinePassed"}')).toBe(1);
  expect(valueOf(worker, 'jyta_outbox_backlog{channel="sms"}')).toBeGreaterThanOrEqual(0);
  expect(valueOf(worker, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  // the SDK's own (Core's exporter), e.g. workflow task and activity counters of this task queue
  expect(worker).toMatch(/^temporal_\w+\{[^}]*task_queue="[^"]*"/m);
  expect(worker).toContain(stack.taskQueue);
});

/**
 * The worker's Prometheus endpoint (WORKER_METRICS_PORT; off when unset): timer lag, outbox
 * backlog, the process's own metrics (RSS, event loop, GC), and — appended to the same answer —
 * the Temporal SDK's (Core's exporter, bound to a private loopback port by installTemporalRuntime).
 */
import http from 'node:http';
import { createServer } from 'node:net';
import type { Pool } from 'pg';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { itemStartsBacklog } from '@jyta/proposal-registry';
import type { AppendEventsInput, AppendEventsResult } from '@jyta/workflows';

export const workerRegistry = new Registry();
collectDefaultMetrics({ register: workerRegistry });

const timerLag = new Histogram({
  name: 'jyta_timer_lag_seconds',
  help: 'How late a deadline command was stored after its due time (now − dueAt of correlationId timer:<dueAt>), by the event it appended',
  labelNames: ['event'],
  buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600],
  registers: [workerRegistry],
});

/** Records the timer lag of an append made by the item workflow's timer loop (correlationId `timer:<dueAt>`). */
export function observeTimerAppend(input: AppendEventsInput, result: AppendEventsResult, now = Date.now()): number | undefined {
  // A duplicate is a retry of an append already counted.
  const first = input.events[0];
  if (result.duplicate || !first?.metadata.correlationId.startsWith('timer:')) return undefined;
  const due = Date.parse(first.metadata.correlationId.slice('timer:'.length));
  if (Number.isNaN(due)) return undefined;
  const lag = Math.max(0, (now - due) / 1000);
  timerLag.observe({ event: first.type }, lag);
  return lag;
}

/** The proposal activities with the append observed (the activities themselves stay free of metrics). */
export function withTimerLag<A extends { appendEvents(input: AppendEventsInput): Promise<AppendEventsResult> }>(activities: A): A {
  const append = activities.appendEvents.bind(activities);
  return {
    ...activities,
    async appendEvents(input: AppendEventsInput) {
      const result = await append(input);
      observeTimerAppend(input, result);
      return result;
    },
  };
}

let outboxPool: Pool | undefined;
new Gauge({
  name: 'jyta_outbox_backlog',
  help: 'Outbox messages (SMS / e-mail) not sent yet, by channel',
  labelNames: ['channel'],
  registers: [workerRegistry],
  async collect() {
    if (!outboxPool) return;
    const { rows } = await outboxPool
      .query<{ channel: string; n: string }>(`SELECT channel, count(*) AS n FROM outbox WHERE sent_at IS NULL GROUP BY channel`)
      .catch(() => ({ rows: [] as { channel: string; n: string }[] }));
    for (const ch of ['email', 'sms']) this.set({ channel: ch }, Number(rows.find((r) => r.channel === ch)?.n ?? 0));
  },
});

new Gauge({
  name: 'jyta_item_starts_backlog',
  help: 'Items an import registered whose workflow is not known to have started yet (item_workflow_starts)',
  registers: [workerRegistry],
  async collect() {
    if (!outboxPool) return;
    this.set(await itemStartsBacklog(outboxPool).catch(() => 0));
  },
});

/** Where Core's exporter listens (set when the runtime is installed with it). */
export const sdkMetrics: { address?: string } = {};

/** A free loopback address for Core's Prometheus exporter (only our endpoint is meant to be scraped). */
export async function freeLoopbackAddress(): Promise<string> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(`127.0.0.1:${port}`));
    });
    srv.on('error', reject);
  });
}

function fetchText(address: string): Promise<string> {
  return new Promise((resolve) => {
    const [host, port] = address.split(':');
    const req = http.get({ host, port: Number(port), path: '/metrics', timeout: 2000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve(body));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve('# Temporal SDK metrics unavailable\n'));
  });
}

/**
 * Serves GET /metrics on `port` (all interfaces: the scraper is another host or container).
 * `sdkAddress`: where Core's exporter listens, its text is appended.
 */
export async function startWorkerMetrics(opts: { port: number; pool: Pool; sdkAddress?: string; host?: string }): Promise<http.Server> {
  outboxPool = opts.pool;
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    void (async () => {
      const token = process.env.METRICS_TOKEN;
      if (token && req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401).end();
        return;
      }
      const [ours, sdk] = await Promise.all([workerRegistry.metrics(), opts.sdkAddress ? fetchText(opts.sdkAddress) : '']);
      res.writeHead(200, { 'Content-Type': workerRegistry.contentType, 'Cache-Control': 'no-store' });
      res.end(`${ours}\n${sdk}`);
    })().catch((e) => res.writeHead(500).end(String(e)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  });
  server.unref();
  return server;
}

/** WORKER_METRICS_PORT: a port number; unset or empty = no endpoint. */
export function workerMetricsPortFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.WORKER_METRICS_PORT?.trim();
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`WORKER_METRICS_PORT=${raw}: expected a port number`);
  return port;
}

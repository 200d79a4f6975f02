/**
 * The fault harness (issue 10, item 6): a burst of items through the API — register → assign →
 * receipt, each request with an Idempotency-Key, a client retrying failures with the same key and
 * backoff — while the worker, the API, the Temporal server and PostgreSQL are killed with SIGKILL
 * and brought back. Then it checks what must hold after any crash:
 *   - every item exists exactly once, with exactly the events its commands caused (none doubled or lost);
 *   - every request that failed, retried with its Idempotency-Key, answers the same result;
 *   - the projections catch up to the store (lag 0, read from the API's /api/metrics) with no event
 *     skipped (each row at its stream's version, nothing parked);
 *   - the number series has no gap and no duplicate;
 *   - meanwhile spreadsheets go through the import's bulk path (registration + assignment in one
 *     request, re-posted unchanged after a failure): every row exists once with its two events, and
 *     every imported item's workflow runs (a start lost in a kill is made by the worker's sweeper).
 * Used by `npm run chaos` (tools/chaos/src/main.ts) and, bounded, by tests/src/chaos.e2e.spec.ts (it lives
 * here, in the tests' project, so that both may import it).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { freePort } from '@jyta/dev-infra/src/util';
import { ChaosPostgres, ChaosTemporal, Supervised, type Log } from './processes';

export type Kind = 'worker' | 'api' | 'temporal' | 'postgres';
export const KINDS: Kind[] = ['worker', 'api', 'temporal', 'postgres'];

export interface ChaosOptions {
  items: number;
  /** Clients working at once. */
  concurrency: number;
  /**
   * 'each-once': one kill of each kind, spread over the burst by progress (for the bounded test);
   * 'random': kinds in random order (each once per four kills), at random moments (every `gapMs` on average), until the burst ends.
   */
  kills: 'each-once' | 'random';
  gapMs?: number;
  /** Give up on a request after retrying it this long (a lost request is reported, not hidden). */
  requestBudgetMs?: number;
  /** Rows of each spreadsheet imported (one after another) while the burst runs; 0: no imports. */
  importRows?: number;
  log?: Log;
}

export interface ChaosReport {
  items: number;
  kills: Record<Kind, number>;
  /** Requests that failed at least once before they succeeded, and how many attempts failed in all. */
  retriedRequests: number;
  failedAttempts: number;
  /** Answers of failed attempts by status ('network' when there was none). */
  failuresByStatus: Record<string, number>;
  eventsChecked: number;
  replaysChecked: number;
  /** Spreadsheets imported (each answered 201, after retries) and their rows, all checked like the items. */
  imports: number;
  importedItems: number;
  numbersChecked: number;
  /** Restarts of the worker / API that were not our kills (a process dying of an outage). */
  selfExits: { worker: number; api: number };
  seconds: number;
  problems: string[];
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const shanghaiDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

interface Answer {
  status: number;
  body: any;
}

/** One logical request: its key and body stay the same across every retry. */
interface Sent {
  label: string;
  as: 'office' | 'handler';
  path: string;
  body?: unknown;
  key: string;
  answer?: Answer;
  failures: number;
}

/** A response as the harness keeps it: its status and its body, parsed when it is JSON. */
async function answerOf(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

class Client {
  private tokens: Partial<Record<'office' | 'handler', string>> = {};
  failedAttempts = 0;
  failuresByStatus: Record<string, number> = {};

  constructor(
    private readonly baseUrl: string,
    private readonly budgetMs: number,
  ) {}

  private async raw(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    return answerOf(res);
  }

  private async token(as: 'office' | 'handler', fresh = false): Promise<string> {
    if (!fresh && this.tokens[as]) return this.tokens[as]!;
    const username = as === 'office' ? 'office' : 'jtj-handler';
    const a = await this.retrying(`login ${username}`, () =>
      this.raw('POST', '/api/auth/login', { username, password: process.env.DEMO_PASSWORD ?? 'Demo#2026' }, {}),
    );
    if (a.answer.status >= 300) throw new Error(`login ${username}: ${a.answer.status} ${JSON.stringify(a.answer.body)}`);
    return (this.tokens[as] = a.answer.body.accessToken as string);
  }

  /** Retries network failures, 5xx and 429 with backoff (250 ms doubling to 4 s, jittered). */
  private async retrying(label: string, attempt: () => Promise<Answer>): Promise<{ answer: Answer; failures: number }> {
    const started = Date.now();
    let failures = 0;
    for (let n = 0; ; n++) {
      let answer: Answer | undefined;
      let why: string;
      try {
        answer = await attempt();
        if (answer.status < 500 && answer.status !== 429) return { answer, failures };
        why = String(answer.status);
      } catch {
        why = 'network';
      }
      failures++;
      this.failedAttempts++;
      this.failuresByStatus[why] = (this.failuresByStatus[why] ?? 0) + 1;
      if (Date.now() - started > this.budgetMs) {
        if (answer) return { answer, failures };
        throw new Error(`${label}: no answer within ${this.budgetMs} ms`);
      }
      await delay(Math.min(4000, 250 * 2 ** Math.min(n, 4)) * (0.5 + Math.random()));
    }
  }

  /** Posts a spreadsheet (the same bytes every attempt: the import's ids come from them), retrying until it gets an answer. */
  async sendImport(s: Sent & { csv: Buffer; assignment: string }): Promise<Answer> {
    for (let relogged = false; ; relogged = true) {
      const token = await this.token('office', relogged);
      const { answer, failures } = await this.retrying(s.label, async () => {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(s.csv)]), 'chaos.csv');
        form.append('assignment', s.assignment);
        const res = await fetch(`${this.baseUrl}/api/proposals/import`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'idempotency-key': s.key },
          body: form,
          signal: AbortSignal.timeout(300_000),
        });
        return answerOf(res);
      });
      s.failures += failures;
      if (answer.status !== 401 || relogged) return answer;
    }
  }

  /** Sends (or re-sends) a request with its Idempotency-Key, retrying until it gets an answer. */
  async send(s: Sent): Promise<Answer> {
    let relogged = false;
    for (;;) {
      const token = await this.token(s.as);
      const { answer, failures } = await this.retrying(s.label, () =>
        this.raw('POST', s.path, s.body, { authorization: `Bearer ${token}`, 'idempotency-key': s.key }),
      );
      s.failures += failures;
      if (answer.status === 401 && !relogged) {
        relogged = true;
        await this.token(s.as, true);
        continue;
      }
      return answer;
    }
  }
}

const EXPECTED = ['ProposalRegistered', 'ProposalAssigned', 'ReceiptSigned'];

export async function runChaos(opts: ChaosOptions): Promise<ChaosReport> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`[chaos] ${l}\n`));
  const t0 = Date.now();
  const kills: Record<Kind, number> = { worker: 0, api: 0, temporal: 0, postgres: 0 };
  const problems: string[] = [];

  log('starting PostgreSQL (own data directory) and the Temporal server 1.29.1 on it');
  const pgServer = await ChaosPostgres.create(log);
  let temporal: ChaosTemporal | undefined;
  let worker: Supervised | undefined;
  let api: Supervised | undefined;
  const pool = new pg.Pool({ connectionString: pgServer.url, max: 4 });
  pool.on('error', () => undefined);
  try {
    temporal = await ChaosTemporal.create(pgServer.url, log);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      DATABASE_URL: pgServer.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `chaos-${randomUUID().slice(0, 8)}`,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DEMO_ITEMS: 'false',
      // An imported item whose start a kill lost is started within seconds (the sweeper's defaults wait 30 s).
      ITEM_START_SWEEP_MS: '1000',
      ITEM_START_GRACE_MS: '5000',
    };
    worker = new Supervised('worker', 'apps/worker/src/main.ts', env, { line: /worker polling/ }, log);
    const answers = async () => {
      try {
        await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
        return true;
      } catch {
        return false;
      }
    };
    api = new Supervised('api', 'apps/api/src/main.ts', env, { probe: answers }, log);
    // Worker first: it migrates.
    worker.start();
    await worker.ready();
    api.start();
    await api.ready();
    log(`stack up in ${((Date.now() - t0) / 1000).toFixed(0)} s; burst of ${opts.items} items, ${opts.concurrency} clients, kills: ${opts.kills}`);

    // ---- the burst ----------------------------------------------------------------------------
    const client = new Client(baseUrl, opts.requestBudgetMs ?? 10 * 60_000);
    const items: { key: string; id?: string; number?: string; requests: Sent[] }[] = [];
    let done = 0;
    let next = 0;
    const runItem = async (i: number) => {
      const key = `chaos-${randomUUID()}`;
      const item: (typeof items)[number] = { key, requests: [] };
      items[i] = item;
      const reg: Sent = {
        label: `register #${i}`,
        as: 'office',
        path: '/api/proposals',
        key: `${key}-register`,
        failures: 0,
        body: {
          kind: i % 2 ? 'cppcc_proposal' : 'npc_suggestion',
          level: 'municipal',
          sessionYear: 2026,
          period: 'plenary',
          title: `关于故障演练第${i + 1}件的建议`,
          content: '用于验证进程被强制终止时，事件不丢失、不重复。',
          proposers: [{ name: '测试代表甲', username: i % 2 ? 'member-1' : 'deputy-1' }],
        },
      };
      item.requests.push(reg);
      reg.answer = await client.send(reg);
      if (reg.answer.status !== 201) {
        problems.push(`register #${i}: ${reg.answer.status} ${JSON.stringify(reg.answer.body)}`);
        return;
      }
      item.id = reg.answer.body.id;
      item.number = reg.answer.body.number;
      const steps: Sent[] = [
        {
          label: `assign #${i}`,
          as: 'office',
          path: `/api/proposals/${item.id}/assignment`,
          key: `${key}-assign`,
          failures: 0,
          body: { mode: 'single', leadUnitIds: ['jtj'], assignedOn: shanghaiDay() },
        },
        { label: `receipt #${i}`, as: 'handler', path: `/api/proposals/${item.id}/units/jtj/receipt`, key: `${key}-receipt`, failures: 0 },
      ];
      for (const s of steps) {
        item.requests.push(s);
        s.answer = await client.send(s);
        if (s.answer.status !== 200) {
          problems.push(`${s.label}: ${s.answer.status} ${JSON.stringify(s.answer.body)}`);
          return;
        }
      }
    };
    const clients = Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.items) {
        const i = next++;
        try {
          await runItem(i);
        } catch (e) {
          problems.push(`item #${i}: ${(e as Error).message}`);
        }
        done++;
      }
    });
    // Spreadsheets through the bulk path while the items go on: the k-th once k·rows items are done.
    const imports: (Sent & { csv: Buffer; assignment: string; rows: number })[] = [];
    let itemsOver = false;
    const importer = (async () => {
      const rows = opts.importRows ?? 0;
      for (let k = 0; rows > 0 && (k === 0 || !itemsOver); k++) {
        // One spreadsheet per `rows` items done through the command path: as many items come in each way.
        while (done < k * rows && !itemsOver) await delay(200);
        const tag = randomUUID().slice(0, 8);
        const lines = Array.from({ length: rows }, (_, r) => [k % 2 ? '政协委员提案' : '人大代表建议', '本级', '2026', '会议期间', `关于故障演练导入${tag}第${r + 1}件的建议`, '导入路径在进程被强制终止时不丢失、不重复。', '测试代表乙', '13800000000']);
        const csv = Buffer.from('\ufeff' + [['类别', '级别', '届次年份', '提出时间', '标题', '内容', '提出人', '联系电话'], ...lines].map((l) => l.join(',')).join('\r\n'), 'utf8');
        const assignment = JSON.stringify({ assignedOn: shanghaiDay(), items: lines.map((_, r) => ({ row: r + 2, mode: 'single', leadUnitIds: ['jtj'] })) });
        const sent: (typeof imports)[number] = { label: `import #${k}`, as: 'office', path: '/api/proposals/import', key: `chaos-import-${tag}`, failures: 0, csv, assignment, rows };
        imports.push(sent);
        try {
          sent.answer = await client.sendImport(sent);
          if (sent.answer.status !== 201) problems.push(`import #${k}: ${sent.answer.status} ${JSON.stringify(sent.answer.body).slice(0, 300)}`);
        } catch (e) {
          problems.push(`import #${k}: ${(e as Error).message}`);
        }
      }
    })();
    void Promise.all(clients).finally(() => (itemsOver = true));
    const burst = Promise.all([...clients, importer]);
    let burstOver = false;
    void burst.finally(() => (burstOver = true));
    const progress = setInterval(() => log(`progress: ${done}/${opts.items} items, kills ${JSON.stringify(kills)}, failed attempts ${client.failedAttempts}`), 60_000);
    void burst.finally(() => clearInterval(progress));

    // ---- the killer ---------------------------------------------------------------------------
    const killOne = async (kind: Kind) => {
      const t = Date.now();
      log(`SIGKILL ${kind} (items done ${done}/${opts.items})`);
      kills[kind]++;
      switch (kind) {
        case 'worker':
          await worker!.kill();
          break;
        case 'api':
          await api!.kill();
          break;
        case 'temporal':
          await temporal!.kill();
          await delay(Math.random() * 3000);
          await temporal!.start();
          break;
        case 'postgres':
          await pgServer.kill();
          await delay(Math.random() * 3000);
          await pgServer.start();
          break;
      }
      log(`${kind} back after ${((Date.now() - t) / 1000).toFixed(1)} s`);
    };
    if (opts.kills === 'each-once') {
      const order = [...KINDS].sort(() => Math.random() - 0.5);
      for (let k = 0; k < order.length; k++) {
        // Spread over the burst by progress, not by time (a loaded machine is slow, not wrong).
        const at = Math.floor(((k + 1) * opts.items) / (order.length + 2));
        while (done < at && !burstOver) await delay(200);
        await delay(Math.random() * 1500);
        await killOne(order[k]);
      }
    } else {
      const gap = opts.gapMs ?? 20_000;
      // Kinds drawn from a shuffled bag, refilled when empty: random order, and a run long enough for
      // four kills has killed every kind (a faster system makes fewer kills in the same burst).
      const bag: Kind[] = [];
      while (!burstOver) {
        const wait = gap * (0.3 + Math.random() * 1.4);
        const until = Date.now() + wait;
        while (Date.now() < until && !burstOver) await delay(200);
        if (burstOver) break;
        if (!bag.length) bag.push(...[...KINDS].sort(() => Math.random() - 0.5));
        await killOne(bag.pop()!);
      }
    }
    await burst;
    log(`burst over in ${((Date.now() - t0) / 1000).toFixed(0)} s; checking`);

    // ---- checks -------------------------------------------------------------------------------
    const ok = items.filter((it) => it.id && it.requests.length === 3 && it.requests.every((r) => r.answer && r.answer.status < 300));
    if (ok.length !== opts.items) problems.push(`${opts.items - ok.length} of ${opts.items} items did not complete all three commands`);

    // 1. each item once, with exactly its events
    const { rows: streams } = await pool.query<{ stream_id: string; types: string[]; versions: number[]; ids: number }>(
      `SELECT stream_id, array_agg(type ORDER BY version) AS types, array_agg(version ORDER BY version) AS versions,
              count(DISTINCT event_id)::int AS ids
         FROM events WHERE stream_id LIKE 'proposal-%' GROUP BY stream_id`,
    );
    const byStream = new Map(streams.map((s) => [s.stream_id, s]));
    let eventsChecked = 0;
    for (const it of items) {
      if (!it.id) continue;
      const s = byStream.get(`proposal-${it.id}`);
      const want = EXPECTED.slice(0, it.requests.filter((r) => r.answer && r.answer.status < 300).length);
      if (!s) {
        problems.push(`item ${it.id}: no stream`);
        continue;
      }
      eventsChecked += s.types.length;
      if (JSON.stringify(s.types) !== JSON.stringify(want)) problems.push(`item ${it.id}: events ${s.types.join(',')} (expected ${want.join(',')})`);
      if (JSON.stringify(s.versions) !== JSON.stringify(s.types.map((_, i) => i + 1))) problems.push(`item ${it.id}: versions ${s.versions.join(',')}`);
      if (s.ids !== s.types.length) problems.push(`item ${it.id}: ${s.types.length} events but ${s.ids} distinct event ids`);
    }
    // …and every imported row: registered and assigned, once
    const imported = imports.filter((i) => i.answer?.status === 201).flatMap((i) => (i.answer!.body.items ?? []) as { id: string; number: string; assigned?: boolean }[]);
    for (const i of imports.filter((x) => x.answer?.status === 201)) {
      if (i.answer!.body.items?.length !== i.rows) problems.push(`${i.label}: ${i.answer!.body.items?.length} items answered for ${i.rows} rows`);
    }
    for (const it of imported) {
      const s = byStream.get(`proposal-${it.id}`);
      if (!s) {
        problems.push(`imported item ${it.id}: no stream`);
        continue;
      }
      eventsChecked += s.types.length;
      if (JSON.stringify(s.types) !== JSON.stringify(['ProposalRegistered', 'ProposalAssigned'])) problems.push(`imported item ${it.id}: events ${s.types.join(',')}`);
      if (JSON.stringify(s.versions) !== JSON.stringify(s.types.map((_, i) => i + 1))) problems.push(`imported item ${it.id}: versions ${s.versions.join(',')}`);
      if (s.ids !== s.types.length) problems.push(`imported item ${it.id}: ${s.types.length} events but ${s.ids} distinct event ids`);
    }
    // …each with its workflow running (the sweeper makes the starts a kill lost)
    const started = await waitFor(async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM item_workflow_starts')).rows[0].n === 0, 120_000);
    if (!started) problems.push('item_workflow_starts not empty 2 minutes after the burst: imported items left unstarted');
    if (imported.length) {
      const connection = await Connection.connect({ address: temporal.address });
      try {
        const temporalClient = new TemporalClient({ connection });
        for (const it of imported) {
          const d = await temporalClient.workflow.getHandle(`proposal-${it.id}`).describe().catch((e: Error) => ({ status: { name: `not found (${e.message})` } }));
          if (d.status.name !== 'RUNNING') problems.push(`imported item ${it.id}: workflow ${d.status.name}`);
        }
      } finally {
        await connection.close();
      }
    }
    const ours = new Set([...items.filter((it) => it.id).map((it) => `proposal-${it.id}`), ...imported.map((it) => `proposal-${it.id}`)]);
    const strays = streams.filter((s) => !ours.has(s.stream_id));
    if (strays.length) problems.push(`${strays.length} item streams nobody got a 2xx for (doubled registrations?): ${strays.slice(0, 5).map((s) => s.stream_id).join(', ')}`);

    // 2. every request that failed at least once, sent again with its key: the same answer
    let replaysChecked = 0;
    for (const i of imports.filter((x) => x.failures > 0 && x.answer?.status === 201)) {
      const again = await client.sendImport({ ...i, failures: 0 });
      replaysChecked++;
      const same = (a: Answer) => JSON.stringify([a.status, (a.body?.items ?? []).map((x: { id: string; number: string }) => [x.id, x.number])]);
      if (same(again) !== same(i.answer!)) problems.push(`${i.label} posted again: ${same(again).slice(0, 200)} ≠ first ${same(i.answer!).slice(0, 200)}`);
    }
    const retried = items.flatMap((it) => it.requests.filter((r) => r.failures > 0 && r.answer && r.answer.status < 300));
    const replay = retried.length ? retried : items.flatMap((it) => it.requests).slice(0, 20);
    for (const r of replay) {
      const again = await client.send({ ...r, failures: 0 });
      replaysChecked++;
      // The answer is the item's detail as it is now (later commands moved it on): what this
      // command decided is its status code, the item it created or acted on, and the number.
      const same = (a: Answer) => JSON.stringify([a.status, a.body?.id, a.body?.number, a.body?.code]);
      if (same(again) !== same(r.answer!)) problems.push(`${r.label} replayed with its key: ${same(again)} ≠ first ${same(r.answer!)}`);
    }
    // …and changed nothing
    const { rows: after } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE stream_id LIKE 'proposal-%'`);
    if (after[0].n !== eventsChecked + strays.reduce((n, s) => n + s.types.length, 0)) problems.push(`replays appended events: ${after[0].n} now, ${eventsChecked} before`);

    // 3. projections catch up (the API's own instrument), nothing skipped or parked
    const caughtUp = await waitFor(async () => {
      const text = await fetch(`${baseUrl}/api/metrics`).then((r) => r.text(), () => '');
      const lags = [...text.matchAll(/^jyta_projection_lag_events\{projection="([^"]+)"\} (\d+)/gm)].map((m) => Number(m[2]));
      return lags.length >= 1 && lags.every((n) => n === 0);
    }, 300_000);
    if (!caughtUp) problems.push('projections did not catch up within 5 minutes');
    const { rows: parked } = await pool.query<{ projection: string; n: number }>(`SELECT projection, count(*)::int AS n FROM parked_events GROUP BY projection`);
    for (const p of parked) problems.push(`projection ${p.projection}: ${p.n} parked events`);
    const { rows: list } = await pool.query<{ proposal_id: string; version: number; units: string[] }>(
      `SELECT proposal_id, version, active_unit_ids AS units FROM proposal_list`,
    );
    const listed = new Map(list.map((r) => [r.proposal_id, r]));
    for (const it of items.filter((x) => x.id)) {
      const row = listed.get(it.id!);
      const stream = byStream.get(`proposal-${it.id}`);
      if (!row) problems.push(`item ${it.id}: not in proposal_list`);
      else if (row.version !== stream?.types.length) problems.push(`item ${it.id}: proposal_list at v${row.version}, its stream at v${stream?.types.length}`);
    }
    if (list.length !== byStream.size) problems.push(`proposal_list has ${list.length} rows for ${byStream.size} streams`);

    // 4. the number series: 1..n per year and kind, no gap, no duplicate, one per item
    const { rows: numbers } = await pool.query<{ proposal_id: string; year: number; kind: string; seq: number; number: string }>(
      `SELECT proposal_id, year, kind, seq, number FROM proposal_numbers ORDER BY year, kind, seq`,
    );
    const series = new Map<string, number[]>();
    for (const n of numbers) series.set(`${n.year}/${n.kind}`, [...(series.get(`${n.year}/${n.kind}`) ?? []), n.seq]);
    for (const [k, seqs] of series) {
      if (seqs.some((s, i) => s !== i + 1)) problems.push(`number series ${k}: ${seqs.length} numbers, not 1..${seqs.length} (gap or duplicate)`);
    }
    const numbered = new Map(numbers.map((n) => [n.proposal_id, n.number]));
    for (const it of items.filter((x) => x.id)) {
      if (!numbered.has(it.id!)) problems.push(`item ${it.id}: no number`);
      else if (it.number !== undefined && numbered.get(it.id!) !== it.number) problems.push(`item ${it.id}: answered number ${it.number}, stored ${numbered.get(it.id!)}`);
    }
    if (numbers.length !== byStream.size) problems.push(`${numbers.length} numbers for ${byStream.size} items`);

    return {
      items: ok.length,
      imports: imports.filter((i) => i.answer?.status === 201).length,
      importedItems: imported.length,
      kills,
      retriedRequests: retried.length + imports.filter((i) => i.failures > 0).length,
      failedAttempts: client.failedAttempts,
      failuresByStatus: client.failuresByStatus,
      eventsChecked,
      replaysChecked,
      numbersChecked: numbers.length,
      selfExits: { worker: worker.restarts - kills.worker, api: api.restarts - kills.api },
      seconds: Math.round((Date.now() - t0) / 1000),
      problems,
    };
  } finally {
    await api?.stop();
    await worker?.stop();
    await pool.end().catch(() => undefined);
    await temporal?.stop().catch(() => undefined);
    await pgServer.stop().catch(() => undefined);
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await delay(1000);
  }
  return false;
}

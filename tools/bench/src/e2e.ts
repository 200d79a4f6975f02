/**
 * The end-to-end part of `npm run bench`: the real API and worker (child processes, see stack.ts)
 * on Temporal and a fresh database, driven through HTTP with the demo accounts.
 *
 *  (f) one client, 100 items in turn: 登记 register → 交办 assign → 签收 receipt, latency of each
 *  (g) 8 concurrent clients, 200 items: items/s and commands/s
 *  (h) reads afterwards: the list (pageSize=50) and the detail of one item
 *  (i) RSS of the worker and the API at the end
 *
 * and, from the Temporal histories of the items of (f), where the time of each command goes.
 */
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';

export const SEQ_ITEMS = 100;
export const WARMUP_ITEMS = 5;
export const CONCURRENT_CLIENTS = 8;
export const CONCURRENT_ITEMS = 200;
export const READS = 200;
export const LIST_PAGE_SIZE = 50;
export const LEAD_UNIT = 'rsj';

export const COMMANDS = ['register', 'assign', 'receipt'] as const;
export type CommandName = (typeof COMMANDS)[number];
/** The Workflow Update each HTTP command sends (workflows/src/definitions.ts). */
const UPDATE_OF: Record<CommandName, string> = { register: 'RegisterProposal', assign: 'AssignProposal', receipt: 'SignReceipt' };

// ---- HTTP -----------------------------------------------------------------------------------------

class Api {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  static async login(baseUrl: string, username: string, password = process.env.DEMO_PASSWORD ?? 'Demo#2026'): Promise<Api> {
    const res = await new Api(baseUrl).call<{ accessToken: string }>('POST', '/api/auth/login', { username, password }, [200, 201]);
    return new Api(baseUrl, res.accessToken);
  }

  /** One request; throws unless the status is one of `ok`. Returns the parsed body (its shape is the caller's word). */
  async call<T = unknown>(method: string, path: string, body: unknown, ok: number[]): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!ok.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Today in Asia/Shanghai (the API's calendar day), as tests/src/http.ts computes it. */
const shanghaiDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const TITLES = ['关于推进老旧小区加装电梯的建议', '关于完善社区养老服务设施的建议', '关于加强职业技能培训的建议', '关于优化公共就业服务的建议'];

function registration(n: number) {
  return {
    kind: 'npc_suggestion',
    level: 'municipal',
    sessionYear: 2026,
    period: 'plenary',
    title: `${TITLES[n % TITLES.length]}（${n}）`,
    content: '我市老旧小区多建于上世纪九十年代，老年住户上下楼困难，建议加快加装电梯审批、加大补贴力度。'.repeat(2),
    topic: '社会保障',
    proposers: [{ name: '测试代表甲', delegation: '金水区代表团', phone: '13800000000', username: 'deputy-1' }],
  };
}

interface Clients {
  office: Api;
  unit: Api;
}

/** The part of a proposal's detail this reads. */
interface Detail {
  assignments?: { unitId: string; signedAt: string | null }[];
}

export interface ItemTimings {
  id: string;
  ms: Record<CommandName, number>;
}

/** 登记 → 交办 → 签收 of one new item; the HTTP latency of each command in ms. Adds the item's id to `created`. */
async function lifecycle(c: Clients, n: number, created: string[]): Promise<ItemTimings> {
  let t = performance.now();
  const item = await c.office.call<{ id: string }>('POST', '/api/proposals', registration(n), [201]);
  const register = performance.now() - t;
  const id = item.id;
  created.push(id);
  t = performance.now();
  await c.office.call('POST', `/api/proposals/${id}/assignment`, { mode: 'single', leadUnitIds: [LEAD_UNIT], assignedOn: shanghaiDay() }, [200]);
  const assign = performance.now() - t;
  t = performance.now();
  const signed = await c.unit.call<Detail>('POST', `/api/proposals/${id}/units/${LEAD_UNIT}/receipt`, undefined, [200]);
  const receipt = performance.now() - t;
  // Read-your-writes: the answer of 签收 already shows it.
  const unit = signed.assignments?.find((a) => a.unitId === LEAD_UNIT);
  if (!unit?.signedAt) throw new Error(`receipt of ${id} not visible in its answer: ${JSON.stringify(unit)}`);
  return { id, ms: { register, assign, receipt } };
}

// ---- figures ----------------------------------------------------------------------------------------

export interface E2eFigures {
  sequential: { items: number; seconds: number; latenciesMs: Record<CommandName, number[]>; perItem: ItemTimings[] };
  concurrent: {
    clients: number;
    items: number;
    commands: number;
    seconds: number;
    latenciesMs: Record<CommandName, number[]>;
    /** CPU seconds each process used during (g), from `cpu` sampled before and after. */
    cpuSeconds: Record<string, number>;
  };
  reads: { list: number[]; detail: number[]; listTotal: number; requests: number };
}

const sortAsc = (xs: number[]) => xs.sort((x, y) => x - y);

/**
 * Runs (f), (g) and (h) against the API at `baseUrl`. Every item it registers goes into `created`
 * as soon as it exists (the caller terminates their workflows afterwards, even after a failure).
 */
export async function benchEndToEnd(
  baseUrl: string,
  log: (line: string) => void,
  created: string[],
  /** CPU seconds used so far by each process of interest (undefined: unknown). */
  cpu: () => Record<string, number | undefined> = () => ({}),
): Promise<E2eFigures> {
  const clients: Clients = {
    office: await Api.login(baseUrl, 'office'),
    unit: await Api.login(baseUrl, 'rsj-handler'),
  };

  // Warm-up (not measured): the JIT, the gRPC channels, the pools, the worker's workflow sandbox.
  for (let i = 0; i < WARMUP_ITEMS; i++) await lifecycle(clients, -1 - i, created);

  log(`(f) ${SEQ_ITEMS} items one after the other: register → assign → receipt…`);
  const seq: Record<CommandName, number[]> = { register: [], assign: [], receipt: [] };
  const perItem: ItemTimings[] = [];
  const t0 = performance.now();
  for (let n = 0; n < SEQ_ITEMS; n++) {
    const r = await lifecycle(clients, n, created);
    perItem.push(r);
    for (const c of COMMANDS) seq[c].push(r.ms[c]);
  }
  const seqSeconds = (performance.now() - t0) / 1000;

  log(`(g) ${CONCURRENT_CLIENTS} concurrent clients, ${CONCURRENT_ITEMS} items…`);
  const concurrent = await benchConcurrent(baseUrl, created, CONCURRENT_CLIENTS, CONCURRENT_ITEMS, 1000, cpu);

  log(`(h) reads: ${READS} × list (pageSize=${LIST_PAGE_SIZE}), ${READS} × detail…`);
  const list: number[] = [];
  const detail: number[] = [];
  let listTotal = 0;
  for (let i = 0; i < 10; i++) await clients.office.call('GET', `/api/proposals?pageSize=${LIST_PAGE_SIZE}`, undefined, [200]); // warm-up
  for (let i = 0; i < READS; i++) {
    const t = performance.now();
    const page = await clients.office.call<{ items?: unknown[]; total?: number }>('GET', `/api/proposals?pageSize=${LIST_PAGE_SIZE}`, undefined, [200]);
    list.push(performance.now() - t);
    listTotal = page.total ?? listTotal;
    if (!Array.isArray(page.items) || page.items.length !== LIST_PAGE_SIZE) throw new Error(`list: expected ${LIST_PAGE_SIZE} items, got ${page.items?.length}`);
  }
  for (let i = 0; i < READS; i++) {
    const id = perItem[(i * 37) % perItem.length].id;
    const t = performance.now();
    await clients.office.call('GET', `/api/proposals/${id}`, undefined, [200]);
    detail.push(performance.now() - t);
  }

  for (const c of COMMANDS) {
    sortAsc(seq[c]);
  }
  return {
    sequential: { items: SEQ_ITEMS, seconds: seqSeconds, latenciesMs: seq, perItem },
    concurrent,
    reads: { list: sortAsc(list), detail: sortAsc(detail), listTotal, requests: READS },
  };
}

/**
 * (g): `clients` concurrent clients (each logged in for itself, as separate users' browsers would)
 * share `items` new items, each running register → assign → receipt, then taking the next.
 */
export async function benchConcurrent(
  baseUrl: string,
  created: string[],
  clients: number,
  items: number,
  firstNumber: number,
  cpu: () => Record<string, number | undefined> = () => ({}),
): Promise<E2eFigures['concurrent']> {
  const conc: Record<CommandName, number[]> = { register: [], assign: [], receipt: [] };
  const pool = await Promise.all(
    Array.from({ length: clients }, async () => ({
      office: await Api.login(baseUrl, 'office'),
      unit: await Api.login(baseUrl, 'rsj-handler'),
    })),
  );
  let next = 0;
  const cpuBefore = cpu();
  const t0 = performance.now();
  await Promise.all(
    pool.map(async (c) => {
      for (let n = next++; n < items; n = next++) {
        const r = await lifecycle(c, firstNumber + n, created);
        for (const k of COMMANDS) conc[k].push(r.ms[k]);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpuAfter = cpu();
  const cpuSeconds: Record<string, number> = {};
  for (const [name, after] of Object.entries(cpuAfter)) {
    const before = cpuBefore[name];
    if (after !== undefined && before !== undefined) cpuSeconds[name] = after - before;
  }
  for (const c of COMMANDS) sortAsc(conc[c]);
  return { clients, items, commands: items * COMMANDS.length, seconds, latenciesMs: conc, cpuSeconds };
}

// ---- where the time goes: the Temporal histories ----------------------------------------------------

/** Per command: medians over the items of (f), in ms (each column is its own median, so they need not add up). */
export interface Breakdown {
  /** The HTTP latency the client saw. */
  http: number;
  /** Inside Temporal: from the workflow task that took the update (register: the workflow start) to the update's completion. */
  temporal: number;
  /** HTTP latency minus the Temporal span: the API (HTTP, auth, validation, the 404 check, gRPC to Temporal, read-model wait, answer). */
  outside: number;
  /** Workflow tasks: scheduled → started (waiting for Temporal to hand them to the worker). */
  workflowTaskWait: number;
  /** Workflow tasks: started → completed (the worker runs the activation and reports back). */
  workflowTaskRun: number;
  /** Activities: scheduled → started. */
  activityWait: number;
  /** Activities: started → completed (the activity body: the SQL, plus the report back). */
  activityRun: number;
  workflowTasks: number;
  /** Activities dispatched by the server (ActivityTask events). */
  activities: number;
  activityNames: string[];
  /** Local activities: run by the worker inside the workflow task (their time is in workflowTaskRun), recorded as markers. */
  localActivities: number;
  localActivityNames: string[];
}

/** The few attributes of history events this reads (all optional: each kind has some of them). */
interface Attrs {
  scheduledEventId?: unknown;
  startedEventId?: unknown;
  activityType?: { name?: string | null } | null;
  acceptedRequest?: { meta?: { updateId?: string | null } | null; input?: { name?: string | null } | null } | null;
  protocolInstanceId?: string | null;
  meta?: { updateId?: string | null } | null;
  markerName?: string | null;
  details?: Record<string, { payloads?: { data?: Uint8Array | null }[] | null } | null> | null;
}

/** The activity type a local-activity marker names (its `data` detail is JSON), or '?'. */
function localActivityType(attrs: Attrs): string {
  try {
    const data = attrs.details?.data?.payloads?.[0]?.data;
    return (data && (JSON.parse(new TextDecoder().decode(data)) as { activity_type?: string }).activity_type) || '?';
  } catch {
    return '?';
  }
}

interface Ev {
  id: number;
  t: number;
  kind: string;
  attrs: Attrs;
}

type Timestamp = { seconds?: unknown; nanos?: number | null } | null | undefined;
const tsMs = (ts: Timestamp) => (ts ? Number(ts.seconds ?? 0) * 1000 + Number(ts.nanos ?? 0) / 1e6 : NaN);

/** The event's kind from the attributes it carries, e.g. `activityTaskScheduled`. */
function kindOf(e: object): [string, Attrs] {
  for (const [k, v] of Object.entries(e)) {
    if (k.endsWith('EventAttributes') && v) return [k.slice(0, -'EventAttributes'.length), v as Attrs];
  }
  return ['unknown', {}];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}

type Sample = Omit<Breakdown, 'activityNames' | 'localActivityNames'>;
type Names = { remote: Set<string>; local: Set<string> };

/** One command's share of an item's history: from the event that opens it to the update's completion. */
function sampleOf(id: string, events: Ev[], cmd: CommandName, httpMs: number, names: Names): Sample {
  const byId = new Map(events.map((e) => [e.id, e]));
  const accepted = events.find((e) => e.kind === 'workflowExecutionUpdateAccepted' && e.attrs.acceptedRequest?.input?.name === UPDATE_OF[cmd]);
  if (!accepted) throw new Error(`history of ${id}: no accepted ${UPDATE_OF[cmd]} update`);
  const updateId = accepted.attrs.acceptedRequest?.meta?.updateId ?? accepted.attrs.protocolInstanceId;
  const completed = events.find((e) => e.kind === 'workflowExecutionUpdateCompleted' && e.attrs.meta?.updateId === updateId);
  if (!completed) throw new Error(`history of ${id}: ${UPDATE_OF[cmd]} never completed`);
  const opening =
    cmd === 'register'
      ? events.find((e) => e.kind === 'workflowExecutionStarted')
      : [...events].reverse().find((e) => e.id < accepted.id && e.kind === 'workflowTaskScheduled');
  if (!opening) throw new Error(`history of ${id}: where does ${UPDATE_OF[cmd]} begin?`);
  const s: Sample = {
    http: httpMs,
    temporal: completed.t - opening.t,
    outside: httpMs - (completed.t - opening.t),
    workflowTaskWait: 0,
    workflowTaskRun: 0,
    activityWait: 0,
    activityRun: 0,
    workflowTasks: 0,
    activities: 0,
    localActivities: 0,
  };
  for (const e of events) {
    if (e.id < opening.id || e.id > completed.id) continue;
    if (e.kind === 'markerRecorded' && e.attrs.markerName === 'core_local_activity') {
      s.localActivities++;
      names.local.add(localActivityType(e.attrs));
      continue;
    }
    const scheduled = byId.get(Number(e.attrs?.scheduledEventId));
    const started = byId.get(Number(e.attrs?.startedEventId));
    if (!scheduled || !started) continue;
    if (e.kind === 'workflowTaskCompleted' || e.kind === 'workflowTaskFailed') {
      s.workflowTasks++;
      s.workflowTaskWait += started.t - scheduled.t;
      s.workflowTaskRun += e.t - started.t;
    } else if (e.kind === 'activityTaskCompleted' || e.kind === 'activityTaskFailed') {
      s.activities++;
      s.activityWait += started.t - scheduled.t;
      s.activityRun += e.t - started.t;
      names.remote.add(scheduled.attrs.activityType?.name ?? '?');
    }
  }
  return s;
}

/** Reads the histories of the items of (f) and splits each command's latency. */
export async function breakdownFromHistories(temporalAddress: string, items: ItemTimings[]): Promise<Record<CommandName, Breakdown>> {
  const samples: Record<CommandName, Sample[]> = { register: [], assign: [], receipt: [] };
  const names = {} as Record<CommandName, Names>;
  for (const cmd of COMMANDS) names[cmd] = { remote: new Set(), local: new Set() };
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const client = new Client({ connection });
    const queue = [...items];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          const history = await client.workflow.getHandle(`proposal-${item.id}`).fetchHistory();
          const events: Ev[] = (history.events ?? []).map((e) => {
            const [kind, attrs] = kindOf(e);
            return { id: Number(e.eventId), t: tsMs(e.eventTime), kind, attrs };
          });
          for (const cmd of COMMANDS) samples[cmd].push(sampleOf(item.id, events, cmd, item.ms[cmd], names[cmd]));
        }
      }),
    );
  } finally {
    await connection.close();
  }
  const out = {} as Record<CommandName, Breakdown>;
  for (const cmd of COMMANDS) {
    const xs = samples[cmd];
    const m = (k: keyof Sample) => median(xs.map((x) => x[k]));
    out[cmd] = {
      http: m('http'),
      temporal: m('temporal'),
      outside: m('outside'),
      workflowTaskWait: m('workflowTaskWait'),
      workflowTaskRun: m('workflowTaskRun'),
      activityWait: m('activityWait'),
      activityRun: m('activityRun'),
      workflowTasks: m('workflowTasks'),
      activities: m('activities'),
      activityNames: [...names[cmd].remote],
      localActivities: m('localActivities'),
      localActivityNames: [...names[cmd].local],
    };
  }
  return out;
}

/** The server's version as it reports it (GetSystemInfo), e.g. `1.29.1`. */
export async function temporalServerVersion(temporalAddress: string): Promise<string> {
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    return (await connection.workflowService.getSystemInfo({})).serverVersion || 'unknown version';
  } finally {
    await connection.close();
  }
}

/** Terminates the benchmark's item workflows (for a Temporal server that outlives the run). */
export async function terminateWorkflows(temporalAddress: string, ids: string[]): Promise<number> {
  const connection = await Connection.connect({ address: temporalAddress });
  let done = 0;
  try {
    const client = new Client({ connection });
    const queue = [...ids];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          await client.workflow
            .getHandle(`proposal-${id}`)
            .terminate('npm run bench: cleanup')
            .then(() => done++)
            .catch(() => undefined);
        }
      }),
    );
  } finally {
    await connection.close();
  }
  return done;
}

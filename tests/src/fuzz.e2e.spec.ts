/**
 * Fuzzing generated from the API's own OpenAPI document (/api/docs-json): every endpoint × malformed
 * inputs (lone surrogates, NUL, 1 MB strings, deep nesting, huge and negative numbers, wrong types,
 * wrong content types and encodings) in path, query and body, by every role and anonymously.
 * Expected: no 5xx at all, every error in the one shape with a stable code; and afterwards every
 * item the fuzzing touched still accepts a normal command within seconds (nothing stuck).
 *
 * Cases are sampled per endpoint with a fixed seed, so a failure replays exactly (FUZZ_SEED to vary).
 */
import { gzipSync } from 'node:zlib';
import { ApiClient, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

let stack: Stack;

/** Who calls: one account per role (the demo directory), and nobody. */
const USERS = ['admin', 'office', 'office-reviewer', 'npc-liaison', 'cppcc-liaison', 'vice-mayor-1', 'jtj-handler', 'jtj-leader', 'deputy-1', null] as const;
const tokens = new Map<string | null, string | undefined>();
/** The items the fuzzing aims at: path ids are these (so commands reach their workflows) or random. */
const items: string[] = [];

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const sample = <T>(xs: readonly T[], n: number): T[] => {
  const copy = [...xs];
  const out: T[] = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
  return out;
};

// ---- the OpenAPI document, as much of it as the generator needs ----
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
  example?: unknown;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface Endpoint {
  method: string;
  path: string;
  op: Operation;
}
let doc: { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

function resolve(s: Schema | undefined): Schema {
  let cur = s ?? {};
  for (let i = 0; i < 10 && cur.$ref; i++) cur = doc.components?.schemas?.[cur.$ref.split('/').pop()!] ?? {};
  if (cur.allOf?.length) return cur.allOf.map(resolve).reduce((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties }, required: [...(a.required ?? []), ...(b.required ?? [])] }), {});
  return cur;
}

/** A plausible value for a schema (its example, enum or a default of its type). */
function plausible(s0: Schema | undefined, depth = 0): unknown {
  const s = resolve(s0);
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (s.type) {
    case 'string':
      return s.format === 'uuid' ? items[0] : s.format === 'date' ? shanghaiDay() : '测试';
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 3 ? [] : [plausible(s.items, depth + 1)];
    default:
      if (s.properties && depth <= 3) {
        const out: Record<string, unknown> = {};
        for (const k of s.required ?? []) out[k] = plausible(s.properties[k], depth + 1);
        return out;
      }
      return {};
  }
}

// ---- malformed values ----
const deep = (n: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = i % 2 ? { a: v } : [v];
  return v;
};
const MB = 'x'.repeat(1024 * 1024);
/** Values wrong for any field: PostgreSQL cannot store them, they are too big, too deep or of no type a field has. */
const ANY_FIELD: [string, unknown][] = [
  ['lone high surrogate', '关于\ud800的建议'],
  ['lone low surrogate', '\udc00'],
  ['NUL', 'a\u0000b'],
  ['1 MB string', MB],
  ['deep nesting', deep(60)],
];
/** Values wrong for a field of this type. */
function wrongFor(s0: Schema | undefined): [string, unknown][] {
  const s = resolve(s0);
  const numbers: [string, unknown][] = [
    ['huge number', 1e308],
    ['2^63', 9223372036854775808],
    ['negative', -1],
    ['fraction', 1.5],
    ['numeric string', '1e21'],
  ];
  switch (s.type) {
    case 'string':
      return [['number for string', 12345678901234567890], ['array for string', ['a']], ['object for string', { a: 1 }], ['boolean for string', true]];
    case 'integer':
    case 'number':
      return [...numbers, ['string for number', 'abc'], ['array for number', [1]]];
    case 'boolean':
      return [['string for boolean', 'yes'], ['number for boolean', 2]];
    case 'array':
      return [['string for array', 'a'], ['object for array', { 0: 'a' }], ['huge array', Array.from({ length: 10_000 }, () => 'a')]];
    default:
      return [['string for object', 'a'], ['array for object', [1, 2]], ['number for object', -1e21]];
  }
}

/** Malformed path and query parameter values (already percent-encoded). */
const PARAM_VALUES: [string, string][] = [
  ['NUL', 'a%00b'],
  ['lone surrogate (CESU-8)', '%ED%A0%80'],
  ['bad percent escape', '%E4%B8'],
  ['long', 'a'.repeat(4000)],
  ['huge number', '1e21'],
  ['overflowing integer', '99999999999999999999999'],
  ['negative', '-1'],
  ['traversal', '..%2F..%2Fetc'],
  ['array syntax', 'x&$[0]=1'],
];

interface Case {
  label: string;
  method: string;
  path: string;
  user: (typeof USERS)[number];
  body?: string | Buffer;
  headers?: Record<string, string>;
}

function fillPath(path: string, override?: { name: string; value: string }) {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (override?.name === name) return override.value;
    if (name === 'id') return pick(items);
    if (name === 'unitId') return pick(['jtj', 'rsj']);
    if (name === 'year') return '2026';
    return crypto.randomUUID();
  });
}

function casesFor(ep: Endpoint): Case[] {
  const out: Case[] = [];
  const params = (ep.op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
  const content = ep.op.requestBody?.content ?? {};
  const json = content['application/json']?.schema;
  const hasBody = !!ep.op.requestBody;
  const bodySchema = resolve(json);
  const base = json ? (plausible(json) as Record<string, unknown>) : {};
  const add = (label: string, c: Omit<Case, 'label' | 'method' | 'user'> & { user?: Case['user'] }) =>
    out.push({ label, method: ep.method, user: c.user ?? null, ...c });

  // path and query parameters
  for (const p of params) {
    for (const [what, value] of sample(PARAM_VALUES, 3)) {
      const path =
        p.in === 'path' ? fillPath(ep.path, { name: p.name, value }) : `${fillPath(ep.path)}?${encodeURIComponent(p.name)}=${value}`;
      add(`${p.in} ${p.name}: ${what}`, { path, ...(hasBody ? { body: JSON.stringify(base), headers: { 'content-type': 'application/json' } } : {}) });
    }
  }
  if (!hasBody) {
    // a body where none is expected, and unknown query parameters
    if (ep.method !== 'get') add('unexpected deep body', { path: fillPath(ep.path), body: '['.repeat(5000) + ']'.repeat(5000), headers: { 'content-type': 'application/json' } });
    add('unknown query', { path: `${fillPath(ep.path)}?__proto__[x]=1&constructor=%00` });
    return out;
  }

  // one field at a time, the rest plausible
  const props = Object.entries(bodySchema.properties ?? {});
  for (const [name, schema] of sample(props, 4)) {
    for (const [what, value] of [...ANY_FIELD, ...sample(wrongFor(schema), 2)]) {
      add(`body ${name}: ${what}`, { path: fillPath(ep.path), body: JSON.stringify({ ...base, [name]: value }), headers: { 'content-type': 'application/json' } });
    }
  }
  // the body as a whole
  const whole: [string, string | Buffer, Record<string, string>][] = [
    ['array body', '[1,2,3]', { 'content-type': 'application/json' }],
    ['scalar body', '"\\ud800"', { 'content-type': 'application/json' }],
    ['malformed JSON', '{"a":', { 'content-type': 'application/json' }],
    ['very deep body', '['.repeat(100_000) + ']'.repeat(100_000), { 'content-type': 'application/json' }],
    ['3 MB body', JSON.stringify({ ...base, x: 'y'.repeat(3 * 1024 * 1024) }), { 'content-type': 'application/json' }],
    ['gzip that is not', JSON.stringify(base), { 'content-type': 'application/json', 'content-encoding': 'gzip' }],
    ['unknown encoding', JSON.stringify(base), { 'content-type': 'application/json', 'content-encoding': 'x-bogus' }],
    ['gzip bomb-ish', gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20)), { 'content-type': 'application/json', 'content-encoding': 'gzip' }],
    ['bad charset', JSON.stringify(base), { 'content-type': 'application/json; charset=utf-99' }],
    ['text/plain', JSON.stringify(base), { 'content-type': 'text/plain' }],
    ['form-urlencoded', 'a=%00&b[c]=1', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart garbage', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\n\u0000\u0001\r\n', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['NUL key', '{"\\u0000":1}', { 'content-type': 'application/json' }],
  ];
  for (const [what, body, headers] of sample(whole, 6)) add(`whole body: ${what}`, { path: fillPath(ep.path), body, headers });
  return out;
}

interface Answer {
  c: Case;
  status: number;
  body: any;
}

async function send(c: Case): Promise<Answer> {
  const token = tokens.get(c.user);
  const res = await fetch(stack.baseUrl + c.path, {
    method: c.method.toUpperCase(),
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...c.headers },
    body: c.body,
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { c, status: res.status, body };
}

async function inParallel<T, R>(xs: T[], n: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(xs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < xs.length) {
        const i = next++;
        out[i] = await fn(xs[i]);
      }
    }),
  );
  return out;
}

beforeAll(async () => {
  stack = await startStack();
  for (const u of USERS) {
    if (!u) continue;
    const login = await new ApiClient(stack.baseUrl).post('/api/auth/login', { username: u, password: process.env.DEMO_PASSWORD ?? 'Demo#2026' });
    expect([u, login.status]).toEqual([u, 200]);
    tokens.set(u, login.body.accessToken);
  }
  const office = new ApiClient(stack.baseUrl, tokens.get('office'));
  const handler = new ApiClient(stack.baseUrl, tokens.get('jtj-handler'));
  // Two items in handling at jtj: the fuzzing's commands reach their workflows.
  for (const title of ['关于优化公交线网的建议', '关于增设非机动车道的建议']) {
    const reg = await office.post('/api/proposals', registration({ title }));
    expect(reg.status).toBe(201);
    items.push(reg.body.id);
    expect((await office.post(`/api/proposals/${reg.body.id}/assignment`, { mode: 'single', leadUnitIds: ['jtj'], assignedOn: shanghaiDay() })).status).toBe(200);
    expect((await handler.post(`/api/proposals/${reg.body.id}/units/jtj/receipt`)).status).toBe(200);
  }
  const res = await fetch(`${stack.baseUrl}/api/docs-json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as typeof doc;
});
afterAll(() => stack?.stop());

it('no malformed input, by any role, gets a 5xx; every error has the one shape; the items touched still take commands', async () => {
  const endpoints: Endpoint[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map(([method, op]) => ({ method, path, op })),
  );
  expect(endpoints.length).toBeGreaterThan(30);
  // Per endpoint: its first case by every role (and nobody); the rest by the roles it admits (not
  // answered 401/403), in turn, so the malformed input meets validation and the workflow, not only
  // the guards.
  const perEndpoint = endpoints.map((ep) => casesFor(ep));
  const probes = perEndpoint.flatMap((cs) => USERS.map((user) => ({ ...cs[0], user })));
  const probed = await inParallel(probes, 6, send);
  const rest = perEndpoint.flatMap((cs, e) => {
    const answered = probed.slice(e * USERS.length, (e + 1) * USERS.length);
    const admitted = answered.filter((a) => a.status !== 401 && a.status !== 403).map((a) => a.c.user);
    const users = admitted.length ? admitted : [...USERS];
    return cs.slice(1).map((c, i) => ({ ...c, user: users[i % users.length] }));
  });
  const answers = [...probed, ...(await inParallel(rest, 6, send))];

  const serverErrors = answers.filter((a) => a.status >= 500).map((a) => `${a.c.method} ${a.c.path.slice(0, 120)} [${a.c.user}] ${a.c.label} → ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
  expect(serverErrors).toEqual([]);
  const shapeless = answers
    .filter((a) => a.status >= 400 && !(a.body && typeof a.body.code === 'string' && a.body.statusCode === a.status && typeof a.body.message === 'string'))
    .map((a) => `${a.c.method} ${a.c.path.slice(0, 120)} ${a.c.label} → ${a.status} ${String(JSON.stringify(a.body)).slice(0, 120)}`);
  expect(shapeless).toEqual([]);
  // Every endpoint and every role was tried.
  expect(new Set(answers.map((a) => `${a.c.method} ${a.c.path.split('?')[0].replace(/[0-9a-f-]{36}/g, '{id}')}`)).size).toBeGreaterThan(30);
  expect(new Set(answers.map((a) => a.c.user))).toEqual(new Set(USERS));
  // The malformed strings were refused at the edge, naming where.
  const surrogate = answers.filter((a) => a.c.label.includes('surrogate') && a.c.label.startsWith('body'));
  expect(surrogate.length).toBeGreaterThan(20);
  const refusedAtEdge = surrogate.filter((a) => a.status === 400 && a.body.code === 'VALIDATION_FAILED' && a.body.details.fields[0].field === a.c.label.split(' ')[1].replace(':', ''));
  expect(refusedAtEdge.length).toBeGreaterThan(surrogate.length * 0.8);
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  process.stdout.write(`fuzz answers by status: ${JSON.stringify(counts)}\n`);

  // Nothing stuck: each item takes a normal command at once (a stuck item answered 504 after a minute).
  const handler = new ApiClient(stack.baseUrl, tokens.get('jtj-handler'));
  for (const id of items) {
    const started = Date.now();
    const res = await handler.post(`/api/proposals/${id}/units/jtj/contacts`, { method: 'phone', on: shanghaiDay(), summary: '电话沟通办理进展' });
    expect([id, res.status]).toEqual([id, 200]);
    expect(Date.now() - started).toBeLessThan(20_000);
  }
  process.stdout.write(`fuzz: ${answers.length} requests over ${endpoints.length} endpoints, seed ${SEED}\n`);
}, 300_000);

/**
 * Accounts and sessions, and the contacts directory (Art. 14), end to end on the real stack:
 * login throttling and the lock after repeated failures (lifted by the administrator), argon2
 * checks bounded so a burst of logins cannot take the API's memory, user administration whose
 * changes end old sessions at once, the contacts directory with its history, and commands that
 * name units or a leader in charge checked against the directory.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { PostgresEventStore } from '@jyta/event-store';
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

let stack: Stack;
let admin: ApiClient;
let office: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  [admin, office] = await Promise.all(['admin', 'office'].map((u) => ApiClient.login(stack.baseUrl, u)));
});
afterAll(() => stack?.stop());

const put = (client: ApiClient, path: string, body: unknown) => client.request<any>('PUT', path, body);
const fieldsOf = (body: any): string[] => (body?.details?.fields ?? []).map((f: { field: string }) => f.field);

/** A login through fetch, so that the answer's headers can be read. */
async function login(username: string, password: string) {
  const res = await fetch(`${stack.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
}

let seq = 0;
/** A new account made by the administrator; answers its id and password. */
async function newAccount(role = 'unit_handler', unitId: string | null = 'rsj') {
  const username = `acct-${Date.now().toString(36)}-${seq++}`;
  const password = `Chengban${seq}2026x`;
  const res = await admin.post('/api/admin/users', { username, displayName: '测试账号', role, unitId, password });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, username, password };
}

/** The API process of this stack: the child running apps/api/src/main.ts with this stack's PORT. */
function apiPid(): number {
  const port = new URL(stack.baseUrl).port;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (!readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('apps/api/src/main.ts')) continue;
      if (readFileSync(`/proc/${d}/environ`, 'utf8').split('\0').includes(`PORT=${port}`)) return Number(d);
    } catch {
      /* gone, or not ours */
    }
  }
  throw new Error(`no API process on port ${port}`);
}

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

describe('password policy', () => {
  it('refuses weak passwords with Chinese reasons naming the field', async () => {
    for (const password of ['short1', 'abcdefghijkl', '123456789012', 'weakuser-x-2026']) {
      const res = await admin.post('/api/admin/users', { username: 'weakuser-x', displayName: '某某', role: 'office', password });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res.body)).toEqual(['password']);
      expect(res.body.message).toMatch(/密码/);
    }
    const unitless = await admin.post('/api/admin/users', { username: 'weakuser-y', displayName: '某某', role: 'unit_handler', password: 'Chengban2026x' });
    expect(unitless.status).toBe(400);
    expect(fieldsOf(unitless.body)).toEqual(['unitId']);
    const unknownUnit = await admin.post('/api/admin/users', { username: 'weakuser-y', displayName: '某某', role: 'unit_handler', unitId: 'nope', password: 'Chengban2026x' });
    expect(unknownUnit.status).toBe(400);
    expect(fieldsOf(unknownUnit.body)).toEqual(['unitId']);
    const taken = await admin.post('/api/admin/users', { username: 'office', displayName: '某某', role: 'office', password: 'Chengban2026x' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('USERNAME_TAKEN');
  });
});

describe('creating accounts at once', () => {
  it('many at once all succeed (more than the directory pool has connections); one name twice at once: one account, one 409', async () => {
    const made = await Promise.all(Array.from({ length: 8 }, () => newAccount()));
    expect(new Set(made.map((a) => a.id)).size).toBe(8);
    const twice = await Promise.all(
      [1, 2].map(() => admin.post('/api/admin/users', { username: 'same-name-x', displayName: '某某', role: 'office', password: 'Chengban2026x' })),
    );
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(twice.find((r) => r.status === 409)!.body.code).toBe('USERNAME_TAKEN');
  });
});

describe('login brakes', () => {
  it('30 wrong passwords in a row lock the account (423, then 429), with Retry-After; the administrator unlocks it', async () => {
    const a = await newAccount();
    const answers: { status: number; code: string; retryAfter: string | null }[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await login(a.username, 'Wrong-password-1');
      answers.push({ status: r.status, code: r.body.code, retryAfter: r.retryAfter });
    }
    expect(answers.slice(0, 9).every((r) => r.status === 401 && r.code === 'INVALID_CREDENTIALS')).toBe(true);
    expect(answers[9]).toMatchObject({ status: 423, code: 'ACCOUNT_LOCKED' });
    for (const r of answers.slice(9)) {
      expect([423, 429]).toContain(r.status);
      expect(['ACCOUNT_LOCKED', 'TOO_MANY_REQUESTS']).toContain(r.code);
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
    }
    // the right password does not get through a lock either
    const right = await login(a.username, a.password);
    expect([423, 429]).toContain(right.status);
    expect(right.body.message).toMatch(/[\u4e00-\u9fff]/);

    const detail = await admin.get(`/api/admin/users/${a.id}`);
    expect(detail.body.lockedUntil).not.toBeNull();
    expect(detail.body.history.map((e: any) => e.type)).toEqual(['UserCreated', 'UserLockedOut']);
    expect(detail.body.history[1].by).toBeNull(); // the system locked it

    const unlocked = await admin.post(`/api/admin/users/${a.id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lockedUntil).toBeNull();
    const after = await login(a.username, a.password);
    expect(after.status).toBe(200);
    expect((await admin.get(`/api/admin/users/${a.id}`)).body.history.map((e: any) => [e.type, e.by])).toEqual([
      ['UserCreated', 'admin'],
      ['UserLockedOut', null],
      ['UserUnlocked', 'admin'],
    ]);
  });

  it('an unknown account answers like a known one: a wrong password, then locked at the 10th failure', async () => {
    const answers: [number, string][] = [];
    for (let i = 0; i < 12; i++) {
      const r = await login('nobody-at-all', 'Wrong-password-1');
      answers.push([r.status, r.body.code]);
    }
    expect(answers).toEqual([
      ...Array.from({ length: 9 }, () => [401, 'INVALID_CREDENTIALS']),
      [423, 'ACCOUNT_LOCKED'],
      [429, 'TOO_MANY_REQUESTS'],
      [429, 'TOO_MANY_REQUESTS'],
    ]);
  });

  it("20 parallel wrong logins leave the API's memory within bounds and answer no 5xx but LOGIN_BUSY", async () => {
    const pid = apiPid();
    const before = rssMiB(pid);
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, rssMiB(pid));
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(`flood-${i}`, 'Wrong-password-1')));
    sampling = false;
    await sampler;
    peak = Math.max(peak, rssMiB(pid));
    for (const a of answers) {
      expect([401, 429, 503]).toContain(a.status);
      if (a.status === 503) expect(a.body.code).toBe('LOGIN_BUSY');
    }
    // Unbounded, 20 argon2 checks at 64 MiB took ~255 MiB more; bounded to a few at once, far less.
    console.log(`API RSS: ${before.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB peak during 20 parallel logins`);
    expect(peak - before).toBeLessThan(200);
  });
});

describe('user administration takes effect at once', () => {
  it("a disabled account's token is refused on its next request (401 SESSION_REVOKED); enabling needs a new login", async () => {
    const a = await newAccount();
    const client = await ApiClient.login(stack.baseUrl, a.username, a.password);
    expect((await client.get('/api/me')).status).toBe(200);
    const disabled = await admin.post(`/api/admin/users/${a.id}/disable`, { reason: '调离' });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    const me = await client.get('/api/me');
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('SESSION_REVOKED');
    const again = await login(a.username, a.password);
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('ACCOUNT_DISABLED');
    // a wrong password does not tell that the account is disabled
    expect((await login(a.username, 'Wrong-password-1')).body.code).toBe('INVALID_CREDENTIALS');

    expect((await admin.post(`/api/admin/users/${a.id}/enable`)).status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(401);
    expect((await login(a.username, a.password)).status).toBe(200);
  });

  it('a role / unit change ends the old token; the new token carries the new role', async () => {
    const a = await newAccount('unit_handler', 'rsj');
    const client = await ApiClient.login(stack.baseUrl, a.username, a.password);
    expect((await client.get('/api/me')).body).toMatchObject({ role: 'unit_handler', unitId: 'rsj' });
    const bad = await put(admin, `/api/admin/users/${a.id}/role`, { role: 'unit_leader', unitId: 'nope' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['unitId']);
    const changed = await put(admin, `/api/admin/users/${a.id}/role`, { role: 'unit_leader', unitId: 'jyj' });
    expect(changed.status).toBe(200);
    const old = await client.get('/api/me');
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('SESSION_REVOKED');
    const fresh = await ApiClient.login(stack.baseUrl, a.username, a.password);
    expect((await fresh.get('/api/me')).body).toMatchObject({ role: 'unit_leader', unitId: 'jyj', unitName: '市教育局' });
  });

  it('a password reset ends the old token and the old password', async () => {
    const a = await newAccount('office', null);
    const client = await ApiClient.login(stack.baseUrl, a.username, a.password);
    const weak = await admin.post(`/api/admin/users/${a.id}/password`, { password: `${a.username}1` });
    expect(weak.status).toBe(400);
    const reset = await admin.post(`/api/admin/users/${a.id}/password`, { password: 'Xinmima2026abc' });
    expect(reset.status).toBe(200);
    expect((await client.get('/api/me')).body.code).toBe('SESSION_REVOKED');
    expect((await login(a.username, a.password)).status).toBe(401);
    expect((await login(a.username, 'Xinmima2026abc')).status).toBe(200);
    const history = (await admin.get(`/api/admin/users/${a.id}`)).body.history;
    expect(history.map((e: any) => e.type)).toEqual(['UserCreated', 'UserPasswordReset']);
    // no password and no hash in the events
    expect(JSON.stringify(history)).not.toMatch(/argon2|Xinmima|Chengban/);
  });

  it('an event whose fold was cut short (a crash after the append) is folded by the next read, and then takes effect', async () => {
    const a = await newAccount();
    const client = await ApiClient.login(stack.baseUrl, a.username, a.password);
    // appended to the account's stream as the API would, without the fold that follows
    const { rows } = await stack.pool.query<{ v: number }>(`SELECT max(version)::int AS v FROM events WHERE stream_id = $1`, [`user-${a.id}`]);
    await new PostgresEventStore(stack.pool).append(
      `user-${a.id}`,
      [{ eventId: randomUUID(), type: 'UserDisabled', data: { reason: '中断测试' }, metadata: { actor: null, occurredAt: new Date().toISOString(), correlationId: 'crash-test' } }],
      { expectedVersion: rows[0].v },
    );
    const detail = await admin.get(`/api/admin/users/${a.id}`);
    expect(detail.body.disabled).toBe(true);
    expect(detail.body.history.map((e: any) => e.type)).toEqual(['UserCreated', 'UserDisabled']);
    const { rows: row } = await stack.pool.query(`SELECT disabled, stream_version FROM users WHERE id = $1`, [a.id]);
    expect(row[0]).toEqual({ disabled: true, stream_version: 2 });
    // the session check reads the row (cached at most a few seconds in the API)
    await eventually('the old token refused', async () => ((await client.get('/api/me')).status === 401 ? true : undefined), 10_000);
  });

  it('the administrator cannot disable or demote their own account', async () => {
    const me = (await admin.get('/api/me')).body;
    const res = await admin.post(`/api/admin/users/${me.id}/disable`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CANNOT_CHANGE_OWN_ACCOUNT');
  });
});

describe('contacts directory (Art. 14)', () => {
  it('the demo units have their main leader, leader in charge, office head and handlers', async () => {
    const res = await office.get('/api/units/rsj/contacts');
    expect(res.status).toBe(200);
    expect(res.body.unitName).toBe('市人社局');
    expect(res.body.contacts.map((c: any) => c.kind)).toEqual(['main_leader', 'leader_in_charge', 'office_head', 'handler', 'handler']);
    expect(res.body.history).toHaveLength(1);
  });

  it('a change is recorded and shown with who made it; only the administrator edits; proposers do not read it', async () => {
    const contacts = [
      { kind: 'main_leader', name: '赵新任', phone: '13800009001', position: '市人社局局长' },
      { kind: 'leader_in_charge', name: '钱分管', phone: '0371-6718 8888', position: '市人社局副局长' },
      { kind: 'office_head', name: '孙主任', phone: '13800009003', position: '办公室主任' },
      { kind: 'handler', name: '李承办', phone: '13800009004', position: '科员' },
    ];
    const changed = await put(admin, '/api/units/rsj/contacts', { contacts });
    expect(changed.status).toBe(200);
    expect(changed.body.contacts).toEqual(contacts);
    const seen = await (await ApiClient.login(stack.baseUrl, 'rsj-handler')).get('/api/units/rsj/contacts');
    expect(seen.body.contacts).toEqual(contacts);
    expect(seen.body.history.map((h: any) => h.by)).toEqual([null, 'admin']);
    expect(seen.body.history[1].contacts).toEqual(contacts);
    expect(seen.body.history[0].contacts[0].name).not.toBe('赵新任');

    expect((await put(office, '/api/units/rsj/contacts', { contacts })).body.code).toBe('FORBIDDEN_ROLE');
    expect((await (await ApiClient.login(stack.baseUrl, 'deputy-1')).get('/api/units/rsj/contacts')).status).toBe(403);
    const two = await put(admin, '/api/units/rsj/contacts', { contacts: [...contacts, { ...contacts[0], name: '周另一' }] });
    expect(two.status).toBe(400);
    expect(fieldsOf(two.body)).toEqual(['contacts.4.kind']);
    const badPhone = await put(admin, '/api/units/rsj/contacts', { contacts: [{ ...contacts[0], phone: 'call me' }] });
    expect(badPhone.status).toBe(400);
    expect(fieldsOf(badPhone.body)).toEqual(['contacts.0.phone']);
    expect((await office.get('/api/units/nope/contacts')).body.code).toBe('UNIT_NOT_FOUND');
  });
});

describe('units and the leader in charge are checked against the directory', () => {
  it('an unknown unit or a leader in charge who is not a vice mayor is 400 naming the field', async () => {
    const reg = await office.post('/api/proposals', registration({ title: '关于完善社区养老服务的建议' }));
    expect(reg.status).toBe(201);
    const assign = (body: Record<string, unknown>) =>
      office.post(`/api/proposals/${reg.body.id}/assignment`, { mode: 'single', leadUnitIds: ['rsj'], assignedOn: shanghaiDay(), ...body });
    const unknownUnit = await assign({ mode: 'lead', leadUnitIds: ['rsj'], coUnitIds: ['nope'] });
    expect(unknownUnit.status).toBe(400);
    expect(fieldsOf(unknownUnit.body)).toEqual(['coUnitIds.0']);
    const notViceMayor = await assign({ leaderInCharge: 'rsj-handler' });
    expect(notViceMayor.status).toBe(400);
    expect(fieldsOf(notViceMayor.body)).toEqual(['leaderInCharge']);
    const nobody = await assign({ leaderInCharge: 'no-such-person' });
    expect(fieldsOf(nobody.body)).toEqual(['leaderInCharge']);
    const responsible = await assign({ responsiblePersons: { nope: '某某' } });
    expect(responsible.status).toBe(400);
    expect(fieldsOf(responsible.body)).toEqual(['responsiblePersons.nope']);
    const ok = await assign({ leaderInCharge: 'vice-mayor-1' });
    expect(ok.status).toBe(200);
  });

  it('bulk assignment refuses a leader in charge who is not a vice mayor', async () => {
    const reg = await office.post('/api/proposals', registration({ title: '关于加强农贸市场管理的建议' }));
    const res = await office.post('/api/proposals/assignments', {
      assignedOn: shanghaiDay(),
      items: [{ proposalId: reg.body.id, mode: 'single', leadUnitIds: ['rsj'], leaderInCharge: 'office' }],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('items.0.leaderInCharge');
  });
});

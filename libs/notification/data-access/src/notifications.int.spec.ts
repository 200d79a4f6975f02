import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { withFreshDatabase } from '@jyta/db/src/testing';
import { directoryMigrations } from '@jyta/directory';
import { eventStoreMigrations, PostgresEventStore, ProjectionRunner, type NewEvent } from '@jyta/event-store';
import { notificationMigrations } from './migrations';
import { createNotificationsProjection, EMAIL_FOOTER } from './projection';
import { listInbox, markAllInboxRead, markInboxRead } from './inbox';
import { MAX_OUTBOX_ATTEMPTS, PostgresOutbox } from './outbox';

const migrations = [...eventStoreMigrations, ...directoryMigrations, ...notificationMigrations];

const actor = { userId: 'u1', username: 'office', role: 'office', unitId: null };
const ev = (type: string, data: unknown): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { actor, occurredAt: new Date().toISOString(), correlationId: 'test' },
});
const deadline = (lastDay: string) => ({ lastDay, dueAt: `${lastDay}T16:00:00.000Z`, explanation: { text: '' } });
const registered = (id: string, title: string) =>
  ev('ProposalRegistered', {
    proposalId: id,
    number: '2026-建议-0001',
    kind: 'npc_suggestion',
    title,
    proposers: [{ name: '测试代表甲', username: 'deputy-1' }, { name: '测试代表乙' }],
    policy: {},
  });
const assigned = (...units: string[]) =>
  ev('ProposalAssigned', {
    mode: units.length > 1 ? 'separate' : 'single',
    assignedOn: '2026-03-02',
    reassignment: false,
    units: units.map((unitId) => ({ unitId, role: units.length > 1 ? 'separate' : 'lead', returnWindow: deadline('2026-03-17'), replyDue: deadline('2026-06-02') })),
  });

async function seedDirectory(pool: pg.Pool): Promise<Record<string, string>> {
  await pool.query(`INSERT INTO units (code, name, kind) VALUES ('rsj', '市人社局', 'department'), ('jyj', '市教育局', 'department')`);
  const users: [string, string, string | null, string | null][] = [
    ['office', 'office', null, 'office@example.org'],
    ['office-2', 'office', null, null],
    ['rsj-handler', 'unit_handler', 'rsj', 'rsj-handler@example.org'],
    ['rsj-leader', 'unit_leader', 'rsj', null],
    ['jyj-handler', 'unit_handler', 'jyj', 'jyj-handler@example.org'],
    ['vice-mayor-1', 'vice_mayor', null, 'vm@example.org'],
    ['deputy-1', 'proposer', null, null],
    ['deputy-2', 'proposer', null, null],
  ];
  const ids: Record<string, string> = {};
  for (const [username, role, unit, email] of users) {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO users (username, password_hash, role, unit_code, display_name, email, created_at)
       VALUES ($1, 'x', $2, $3, $1, $4, now() - interval '1 day') RETURNING id`,
      [username, role, unit, email],
    );
    ids[username] = rows[0].id;
  }
  return ids;
}

describe('the notifications projection', () => {
  const db = withFreshDatabase({ migrations });
  let store: PostgresEventStore;
  let runner: ProjectionRunner;
  let ids: Record<string, string>;
  const item = randomUUID();
  const stream = `proposal-${item}`;

  beforeAll(async () => {
    store = new PostgresEventStore(db.pool);
    runner = new ProjectionRunner(db.pool, store, createNotificationsProjection());
    ids = await seedDirectory(db.pool);
  });

  const inboxOf = async (username: string) => (await listInbox(db.pool, ids[username], { pageSize: 100 })).items;
  const outbox = async () =>
    (await db.pool.query('SELECT recipient, user_id, subject, body, event_id, sent_at, attempts FROM outbox ORDER BY created_at, recipient')).rows;

  it('an assignment reaches the handlers and leaders of the assigned unit only, and e-mails those with an address', async () => {
    await store.append(stream, [registered(item, '关于加强职业技能培训的建议'), assigned('rsj')], { expectedVersion: 0 });
    await runner.catchUp();
    for (const u of ['rsj-handler', 'rsj-leader']) {
      const [notice, ...rest] = await inboxOf(u);
      expect(rest).toEqual([]);
      expect(notice).toMatchObject({ proposalId: item, kind: 'assigned', title: '新交办：《关于加强职业技能培训的建议》，答复期限 2026-06-02', readAt: null });
    }
    for (const u of ['jyj-handler', 'office', 'office-2', 'vice-mayor-1']) expect(await inboxOf(u)).toEqual([]);
    const mails = await outbox();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ recipient: 'rsj-handler@example.org', user_id: ids['rsj-handler'], sent_at: null, attempts: 0 });
    expect(mails[0].subject).toBe('【建议提案办理】新交办：《关于加强职业技能培训的建议》，答复期限 2026-06-02');
    expect(mails[0].body.endsWith(EMAIL_FOOTER)).toBe(true);
  });

  it('a return request reaches every office user; the decision reaches the unit’s handlers', async () => {
    await store.append(stream, [ev('ReturnRequested', { unitId: 'rsj', reason: '不属于本单位职责' })], { expectedVersion: 2 });
    await runner.catchUp();
    for (const u of ['office', 'office-2']) expect((await inboxOf(u)).map((n) => n.kind)).toEqual(['return_requested']);
    expect((await inboxOf('rsj-handler')).map((n) => n.kind)).toEqual(['assigned']);
    await store.append(stream, [ev('ReturnRejected', { unitId: 'rsj', comment: '属本单位职责' })], { expectedVersion: 3 });
    await runner.catchUp();
    expect((await inboxOf('rsj-handler')).map((n) => n.kind)).toEqual(['return_rejected', 'assigned']);
    expect((await inboxOf('rsj-leader')).map((n) => n.kind)).toEqual(['assigned']);
    expect((await outbox()).map((m) => m.recipient)).toEqual(['rsj-handler@example.org', 'office@example.org', 'rsj-handler@example.org']);
  });

  it('ReminderIssued (催办) reaches the handlers and leaders; unknown types and other streams are ignored', async () => {
    await store.append(stream, [ev('ReminderIssued', { unitId: 'rsj', kind: 'reply', reminder: 'reply_7d', key: 'reply:P7D', dueAt: '2026-06-02T16:00:00.000Z' })], {
      expectedVersion: 4,
    });
    await store.append(stream, [ev('SomethingNobodyKnows', { unitId: 'rsj' }), ev('ReceiptSigned', { unitId: 'rsj' })], { expectedVersion: 5 });
    await store.append('other-stream', [ev('ReturnRequested', { unitId: 'rsj', reason: 'x' })], { expectedVersion: 0 });
    await runner.catchUp();
    expect((await inboxOf('rsj-leader')).map((n) => n.kind)).toEqual(['reminder', 'assigned']);
    expect((await inboxOf('rsj-leader'))[0].title).toBe('催办：《关于加强职业技能培训的建议》');
    expect((await inboxOf('office')).map((n) => n.kind)).toEqual(['return_requested']);
  });

  it('a sent reply reaches the item’s proposer, with the reply id (the API attaches the form’s token)', async () => {
    await store.append(stream, [ev('ReplySent', { replyId: 'reply-1', unitId: 'rsj', cc: [], feedbackDueAt: '2026-07-02T16:00:00.000Z' })], {
      expectedVersion: 7,
    });
    await runner.catchUp();
    const [notice, ...rest] = await inboxOf('deputy-1');
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({ kind: 'reply_sent', replyId: 'reply-1', proposalId: item, title: '答复已送达：《关于加强职业技能培训的建议》' });
    expect(await inboxOf('deputy-2')).toEqual([]);
    expect((await inboxOf('rsj-handler')).map((n) => n.kind)).not.toContain('reply_sent');
    expect((await inboxOf('rsj-handler'))[0].replyId).toBeNull();
  });

  it('a rebuild replays everything without writing a notice twice, and keeps the read marks', async () => {
    const [latest] = await inboxOf('rsj-handler');
    const read = await markInboxRead(db.pool, ids['rsj-handler'], latest.id);
    expect(read?.readAt).toEqual(expect.any(String));
    const before = (await db.pool.query('SELECT count(*)::int AS n FROM inbox')).rows[0].n;
    const mailsBefore = await outbox();
    await runner.rebuild();
    expect((await db.pool.query('SELECT count(*)::int AS n FROM inbox')).rows[0].n).toBe(before);
    expect(await outbox()).toEqual(mailsBefore);
    expect((await inboxOf('rsj-handler'))[0]).toMatchObject({ id: latest.id, readAt: read!.readAt });
  });

  describe('the inbox queries', () => {
    it('lists newest first with paging, the unread filter and the unread count', async () => {
      const all = await listInbox(db.pool, ids['rsj-handler']);
      expect(all).toMatchObject({ total: 3, page: 1, pageSize: 20, unreadCount: 2 });
      expect(all.items.map((n) => n.kind)).toEqual(['reminder', 'return_rejected', 'assigned']);
      const unread = await listInbox(db.pool, ids['rsj-handler'], { unread: true });
      expect(unread).toMatchObject({ total: 2, unreadCount: 2 });
      expect(unread.items.map((n) => n.kind)).toEqual(['return_rejected', 'assigned']);
      const page2 = await listInbox(db.pool, ids['rsj-handler'], { page: 2, pageSize: 2 });
      expect(page2.items.map((n) => n.kind)).toEqual(['assigned']);
      expect(page2.total).toBe(3);
    });

    it('marks only one’s own notice read; the first read time stays', async () => {
      const [notice] = (await listInbox(db.pool, ids['rsj-leader'])).items;
      expect(await markInboxRead(db.pool, ids['jyj-handler'], notice.id)).toBeUndefined();
      expect(await markInboxRead(db.pool, ids['rsj-leader'], randomUUID())).toBeUndefined();
      expect(await markInboxRead(db.pool, ids['rsj-leader'], 'not-a-uuid')).toBeUndefined();
      expect((await listInbox(db.pool, ids['rsj-leader'])).items[0].readAt).toBeNull();
      const first = await markInboxRead(db.pool, ids['rsj-leader'], notice.id);
      const again = await markInboxRead(db.pool, ids['rsj-leader'], notice.id);
      expect(again?.readAt).toBe(first?.readAt);
      expect(await markAllInboxRead(db.pool, ids['rsj-leader'])).toBe(1);
      expect((await listInbox(db.pool, ids['rsj-leader'])).unreadCount).toBe(0);
    });
  });

  describe('the outbox as a work queue', () => {
    it('claims due rows once (a lease), backs off after a failure, gives up after the last attempt', async () => {
      const outboxQ = new PostgresOutbox(db.pool);
      const [a, b] = await Promise.all([outboxQ.claim('email', 20), outboxQ.claim('email', 20)]);
      const claimed = [...a, ...b];
      expect(claimed).toHaveLength(4); // 交办, 退转申请 (office), 退转未同意, 催办
      expect(new Set(claimed.map((m) => m.id)).size).toBe(4);
      expect(await outboxQ.claim('email', 20)).toEqual([]);
      expect(await outboxQ.claim('sms', 20)).toEqual([]);

      const [first, second, third] = claimed;
      await outboxQ.markSent(first.id);
      await outboxQ.markFailed(second, 'connection refused');
      const { rows } = await db.pool.query(
        `SELECT id, sent_at IS NOT NULL AS sent, attempts, last_error, next_attempt_at > now() + interval '20 seconds' AS later FROM outbox WHERE id = ANY($1::uuid[])`,
        [[first.id, second.id]],
      );
      expect(rows.find((r) => r.id === first.id)).toMatchObject({ sent: true, attempts: 0, last_error: null });
      expect(rows.find((r) => r.id === second.id)).toMatchObject({ sent: false, attempts: 1, last_error: 'connection refused', later: true });

      // Due again (backoff over): claimed again. At the last attempt: never again.
      await db.pool.query('UPDATE outbox SET next_attempt_at = now() WHERE id = ANY($1::uuid[])', [[second.id, third.id]]);
      await db.pool.query('UPDATE outbox SET attempts = $2 WHERE id = $1', [third.id, MAX_OUTBOX_ATTEMPTS]);
      const again = await outboxQ.claim('email', 20);
      expect(again.map((m) => [m.id, m.attempts])).toEqual([[second.id, 1]]);
    });
  });
});

describe('e-mails are not queued for old news (a rebuild or a late first start)', () => {
  const db = withFreshDatabase({ migrations });

  it('fills the inbox but leaves the outbox empty for events older than emailMaxAgeMs', async () => {
    const ids = await seedDirectory(db.pool);
    const store = new PostgresEventStore(db.pool);
    const fourDaysLater = () => Date.now() + 4 * 24 * 3600_000;
    const runner = new ProjectionRunner(db.pool, store, createNotificationsProjection({ now: fourDaysLater }));
    const item = randomUUID();
    await store.append(`proposal-${item}`, [registered(item, '关于优化营商环境的建议'), assigned('rsj', 'jyj')], { expectedVersion: 0 });
    await runner.catchUp();
    expect((await listInbox(db.pool, ids['jyj-handler'])).items.map((n) => n.title)).toEqual([
      '新交办：《关于优化营商环境的建议》，答复期限 2026-06-02',
    ]);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM outbox')).rows[0].n).toBe(0);
  });
});

describe('阅批 and 阅示 through the projection (Art. 6, 9): the leader in charge from the assignment, unit kinds from `units`', () => {
  const db = withFreshDatabase({ migrations });
  let store: PostgresEventStore;
  let runner: ProjectionRunner;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    store = new PostgresEventStore(db.pool);
    runner = new ProjectionRunner(db.pool, store, createNotificationsProjection());
    await db.pool.query(`INSERT INTO units (code, name, kind) VALUES ('jtj', '市交通局', 'department'), ('cl', '市残联', 'organization')`);
    const users: [string, string, string | null][] = [
      ['office', 'office', null],
      ['vice-mayor-1', 'vice_mayor', null],
      ['vice-mayor-2', 'vice_mayor', null],
      ['jtj-handler', 'unit_handler', 'jtj'],
      ['cl-handler', 'unit_handler', 'cl'],
      ['deputy-1', 'proposer', null],
    ];
    for (const [username, role, unit] of users) {
      const { rows } = await db.pool.query<{ id: string }>(
        `INSERT INTO users (username, password_hash, role, unit_code, display_name, created_at) VALUES ($1, 'x', $2, $3, $1, now() - interval '1 day') RETURNING id`,
        [username, role, unit],
      );
      ids[username] = rows[0].id;
    }
  });

  const kindsOf = async (username: string, proposalId: string) =>
    (await listInbox(db.pool, ids[username], { pageSize: 100 })).items.filter((n) => n.proposalId === proposalId).map((n) => n.kind);
  const assignedTo = (unitId: string, leaderInCharge?: string) =>
    ev('ProposalAssigned', {
      mode: 'single',
      assignedOn: '2026-03-02',
      reassignment: false,
      ...(leaderInCharge ? { leaderInCharge } : {}),
      units: [{ unitId, role: 'lead', returnWindow: deadline('2026-03-17'), replyDue: deadline('2026-06-02') }],
    });
  const satisfied = (unitId: string) =>
    ev('FeedbackReceived', { replyId: 'r-1', unitId, attitude: 'satisfied', result: 'satisfied', contact: 'face_to_face', sendBack: false });

  it('阅批: the request reaches the vice mayor it was put before, the approval the office; 阅示 of a department’s satisfied reply reaches the leader in charge', async () => {
    const item = randomUUID();
    await store.append(
      `proposal-${item}`,
      [
        registered(item, '关于调整轨道交通线网规划的建议'),
        ev('MajorItemSubmittedForApproval', { viceMayor: 'vice-mayor-1' }),
        ev('MajorItemApproved', { viceMayor: 'vice-mayor-1', instructions: '请市交通局牵头' }),
        assignedTo('jtj', 'vice-mayor-1'),
      ],
      { expectedVersion: 0 },
    );
    await runner.catchUp();
    // The feedback comes in a later batch: the leader in charge is read back from notification_proposals.
    await store.append(`proposal-${item}`, [satisfied('jtj')], { expectedVersion: 4 });
    await runner.catchUp();
    expect(await kindsOf('vice-mayor-1', item)).toEqual(['reading_requested', 'major_approval_requested']);
    expect(await kindsOf('vice-mayor-2', item)).toEqual([]);
    expect(await kindsOf('office', item)).toEqual(['major_item_approved']);
  });

  it('阅示: nothing for a body that is not a government department; every vice mayor when no leader was named', async () => {
    const [cl, none] = [randomUUID(), randomUUID()];
    await store.append(`proposal-${cl}`, [registered(cl, '关于完善残疾人就业扶持的建议'), assignedTo('cl', 'vice-mayor-1'), satisfied('cl')], { expectedVersion: 0 });
    await store.append(`proposal-${none}`, [registered(none, '关于优化公交线路的建议'), assignedTo('jtj'), satisfied('jtj')], { expectedVersion: 0 });
    await runner.catchUp();
    for (const u of ['vice-mayor-1', 'vice-mayor-2', 'office']) expect(await kindsOf(u, cl)).toEqual([]);
    for (const u of ['vice-mayor-1', 'vice-mayor-2']) expect(await kindsOf(u, none)).toEqual(['reading_requested']);
  });

  it('the migration gives items assigned before it their leader in charge, from their events', async () => {
    await db.pool.query('UPDATE notification_proposals SET leader_in_charge = NULL');
    const migration = notificationMigrations.find((m) => m.id === '0520_notification_leader_in_charge')!;
    await db.pool.query(migration.sql);
    const { rows } = await db.pool.query<{ title: string; leader_in_charge: string | null }>('SELECT title, leader_in_charge FROM notification_proposals');
    expect(Object.fromEntries(rows.map((r) => [r.title, r.leader_in_charge]))).toEqual({
      关于优化公交线路的建议: null,
      关于完善残疾人就业扶持的建议: 'vice-mayor-1',
      关于调整轨道交通线网规划的建议: 'vice-mayor-1',
    });
  });
});

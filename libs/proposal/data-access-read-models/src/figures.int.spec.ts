import { randomUUID } from 'node:crypto';
import { withFreshDatabase } from '@jyta/db/src/testing';
import { readModelMigrations } from './migrations';
import { proposalFigures } from './queries';

const db = withFreshDatabase({ migrations: readModelMigrations });

const DAY = 86_400_000;
/** The instant a deadline `days` days from today (Asia/Shanghai) ends: 24:00 of that day. */
function dueIn(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00+08:00`) + (days + 1) * DAY).toISOString();
}

let seq = 0;
async function row(over: { status: string; kind?: string; unitIds?: string[]; lead?: string[]; active?: string[]; replyDue?: string; overdue?: boolean }) {
  const units = (over.lead ?? []).map((unitId) => ({
    unitId,
    role: 'lead',
    status: 'assigned',
    ...(over.overdue ? { replyDue: { dueAt: new Date(Date.now() - DAY).toISOString() } } : over.replyDue ? { replyDue: { dueAt: over.replyDue } } : {}),
  }));
  await db.pool.query(
    `INSERT INTO proposal_list (proposal_id, number, kind, level, session_year, period, title, status, unit_ids, active_unit_ids, lead_unit_ids,
       reply_due_at, registered_at, updated_at, version, state)
     VALUES ($1, $9, $2, 'municipal', 2026, 'plenary', '标题', $3, $4, $5, $6, $7, now(), now(), 1, $8)`,
    [
      randomUUID(),
      over.kind ?? 'npc_suggestion',
      over.status,
      over.unitIds ?? over.lead ?? [],
      over.active ?? over.lead ?? [],
      over.lead ?? [],
      over.overdue ? new Date(Date.now() - DAY).toISOString() : (over.replyDue ?? null),
      JSON.stringify({ status: over.status, units }),
      `测-${++seq}`,
    ],
  );
}

beforeAll(async () => {
  // More than a page: the dashboard once counted only the first 100 items in the browser.
  for (let i = 0; i < 120; i++) await row({ status: 'registered' });
  for (let i = 0; i < 30; i++) await row({ status: 'assigned', lead: ['rsj'], replyDue: dueIn(60) });
  await row({ status: 'assigned', lead: ['rsj'], replyDue: dueIn(0) }); // due today: within 7 and 30
  await row({ status: 'assigned', lead: ['jyj'], unitIds: ['jyj', 'wjw'], active: ['jyj'], replyDue: dueIn(20) }); // within 30 only
  await row({ status: 'assigned', lead: ['jyj'], overdue: true });
  await row({ status: 'archived', lead: ['rsj'], active: [] });
  await row({ status: 'registered', kind: 'cppcc_proposal' });
});

describe('the dashboard figures, counted in the database over the whole scope', () => {
  it('counts every item of the scope by status, overdue, due within 7 / 30 days, and per unit', async () => {
    const f = await proposalFigures(db.pool, { year: 2026, kind: 'npc_suggestion' });
    expect(f.total).toBe(154);
    expect(f.byStatus).toEqual({ registered: 120, assigned: 33, archived: 1 });
    expect(f.overdue).toBe(1);
    expect([f.due7, f.due30]).toEqual([1, 2]);
    expect(f.units).toEqual([
      { unitId: 'rsj', assigned: 32, active: 31, overdue: 0 },
      { unitId: 'jyj', assigned: 2, active: 2, overdue: 1 },
      { unitId: 'wjw', assigned: 1, active: 0, overdue: 0 },
    ]);
  });

  it('an empty scope has zero figures', async () => {
    expect(await proposalFigures(db.pool, { year: 2030 })).toEqual({ total: 0, byStatus: {}, overdue: 0, due7: 0, due30: 0, units: [] });
  });
});

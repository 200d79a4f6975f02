import { randomUUID } from 'node:crypto';
import { withFreshDatabase } from '@jyta/db/src/testing';
import { withTransaction } from '@jyta/db';
import { eventStoreMigrations, PostgresEventStore, type NewEvent, type StoredEvent } from '@jyta/event-store';
import { foldUnitYearItems, listUnitSummaries, unitSummaryMigrations } from './unit-summaries';

// 总结工作 (Art. 12): which unit-years an archive completes, from the item events (2 or more items
// of the year, all archived; a unit that returned an item did not handle it; co-units count).

const db = withFreshDatabase({ migrations: [...eventStoreMigrations, ...unitSummaryMigrations] });
let store: PostgresEventStore;
beforeAll(() => {
  store = new PostgresEventStore(db.pool);
});

const actor = { userId: 'u1', username: 'office', role: 'office', unitId: null };
const ev = (type: string, data: unknown, occurredAt = '2026-11-20T02:00:00.000Z'): NewEvent => ({ eventId: randomUUID(), type, data, metadata: { actor, occurredAt, correlationId: 'test' } });
const unit = (unitId: string, role = 'lead') => ({ unitId, role });

/** Appended and not folded yet, in order (as the follower's batches read them from $all). */
let pending: StoredEvent[] = [];
const append = async (streamId: string, events: NewEvent[], expectedVersion: number) => {
  pending.push(...(await store.append(streamId, events, { expectedVersion })).events);
};
async function item(year: number, units: { unitId: string; role: string }[], extra: NewEvent[] = []) {
  const id = randomUUID();
  await append(`proposal-${id}`, [ev('ProposalRegistered', { proposalId: id, sessionYear: year }), ev('ProposalAssigned', { units }), ...extra], 0);
  return id;
}
const archive = (id: string, version: number, at: string) => append(`proposal-${id}`, [ev('ProposalArchived', {}, at)], version);
async function fold() {
  const events = pending;
  pending = [];
  return withTransaction(db.pool, (client) => foldUnitYearItems(events, client));
}

it('a unit-year is done when its 2+ items are all archived; returned units and other years do not count; co-units do', async () => {
  const a = await item(2026, [unit('rsj'), unit('wjw', 'co')]);
  const b = await item(2026, [unit('rsj'), unit('jyj', 'co')], [ev('ReturnApproved', { unitId: 'jyj', comment: '' })]);
  const c = await item(2025, [unit('rsj')]);
  expect(await fold()).toEqual([]);
  await archive(a, 2, '2026-12-01T02:00:00.000Z');
  // rsj: one of two done; wjw: one item only.
  expect(await fold()).toEqual([]);
  await archive(c, 2, '2026-12-02T02:00:00.000Z');
  expect(await fold()).toEqual([]);
  await archive(b, 3, '2026-12-03T02:00:00.000Z');
  // jyj returned b: it handled no item of 2026 for good; rsj's two of 2026 are done (2025's c apart).
  expect(await fold()).toEqual([{ unitId: 'rsj', year: 2026, items: 2, lastDoneAt: '2026-12-03T02:00:00.000Z' }]);
});

it('the obligations as they stand are folded from their own streams', async () => {
  await store.append('unit-summary-rsj-2026', [ev('UnitSummaryOwed', { unitId: 'rsj', year: 2026, items: 2, lastDoneAt: '2026-12-03T02:00:00.000Z', dueAt: '2027-01-03T02:00:00.000Z' })], { expectedVersion: 0 });
  const [owed] = await listUnitSummaries(db.pool, { year: 2026, now: Date.parse('2027-01-04T00:00:00.000Z') });
  expect(owed).toMatchObject({ unitId: 'rsj', year: 2026, status: 'owed', dueAt: '2027-01-03T02:00:00.000Z', overdue: true });
  expect(await listUnitSummaries(db.pool, { year: 2025 })).toEqual([]);
  expect(await listUnitSummaries(db.pool, { unitId: 'wjw' })).toEqual([]);
});

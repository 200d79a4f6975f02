import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createPool, runMigrations } from '@jyta/db';
import { createFreshDatabase, type FreshDatabase } from '@jyta/db/src/testing';
import { DEFAULT_POLICY, type ProposalKind } from '@jyta/proposal-domain';
import { withTransaction } from '@jyta/db';
import {
  allocateNumber,
  allocateNumbers,
  currentPolicy,
  enqueueItemStarts,
  formatNumber,
  itemStartsBacklog,
  itemStartsDone,
  pendingItemStarts,
  publishPolicy,
  registryMigrations,
} from './index';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let db: FreshDatabase;
let pool: Pool;

beforeAll(async () => {
  db = await createFreshDatabase(SERVER_URL);
  pool = createPool(db.url, 10);
  expect(await runMigrations(pool, registryMigrations)).toEqual(['0100_registry', '0110_feedback_tokens', '0120_feedback_token_hashes', '0130_feedback_recipient', '0140_item_workflow_starts', '0150_import_progress']);
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

async function numbersOf(year: number, kind: ProposalKind) {
  const { rows } = await pool.query<{ proposal_id: string; seq: number; number: string }>(
    'SELECT proposal_id, seq, number FROM proposal_numbers WHERE year = $1 AND kind = $2 ORDER BY seq',
    [year, kind],
  );
  return rows;
}

async function counter(year: number, kind: ProposalKind): Promise<number | undefined> {
  const { rows } = await pool.query<{ last_value: number }>(
    'SELECT last_value FROM proposal_number_counters WHERE year = $1 AND kind = $2',
    [year, kind],
  );
  return rows[0]?.last_value;
}

describe('allocateNumber', () => {
  it('formats numbers as <year>-<kind label>-<4 digits>', () => {
    expect(formatNumber(2026, 'npc_suggestion', 1)).toBe('2026-建议-0001');
    expect(formatNumber(2026, 'cppcc_proposal', 123)).toBe('2026-提案-0123');
    expect(formatNumber(2027, 'cppcc_recommendation', 12345)).toBe('2027-建议案-12345');
  });

  it('given 200 concurrent allocations for one year and kind over a pool of 10, then they get 1..200 without gap or duplicate', async () => {
    const ids = Array.from({ length: 200 }, () => randomUUID());
    const numbers = await Promise.all(ids.map((id) => allocateNumber(pool, id, 2026, 'npc_suggestion')));

    const expected = Array.from({ length: 200 }, (_, i) => `2026-建议-${String(i + 1).padStart(4, '0')}`);
    expect([...numbers].sort()).toEqual(expected);
    expect(new Set(numbers).size).toBe(200);

    const rows = await numbersOf(2026, 'npc_suggestion');
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // Each proposal got the number stored for it.
    const byId = new Map(rows.map((r) => [r.proposal_id, r.number]));
    ids.forEach((id, i) => expect(byId.get(id)).toBe(numbers[i]));
    expect(await counter(2026, 'npc_suggestion')).toBe(200);
  });

  it('given a retried call for the same proposal, then it returns the same number and consumes none', async () => {
    const id = randomUUID();
    const first = await allocateNumber(pool, id, 2026, 'cppcc_proposal');
    expect(first).toBe('2026-提案-0001');
    expect(await allocateNumber(pool, id, 2026, 'cppcc_proposal')).toBe(first);
    expect(await allocateNumber(pool, id, 2026, 'cppcc_proposal')).toBe(first);
    expect(await counter(2026, 'cppcc_proposal')).toBe(1);
    // The next proposal gets the next number: nothing was skipped.
    expect(await allocateNumber(pool, randomUUID(), 2026, 'cppcc_proposal')).toBe('2026-提案-0002');
  });

  it('given overlapping attempts for the same proposal (a retry while the first still runs), then all return one number', async () => {
    const id = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => allocateNumber(pool, id, 2025, 'cppcc_proposal')));
    expect(new Set(results)).toEqual(new Set(['2025-提案-0001']));
    expect(await counter(2025, 'cppcc_proposal')).toBe(1);
    expect((await numbersOf(2025, 'cppcc_proposal')).map((r) => r.seq)).toEqual([1]);
  });

  it('keeps a separate counter per kind and per year', async () => {
    expect(await allocateNumber(pool, randomUUID(), 2026, 'cppcc_recommendation')).toBe('2026-建议案-0001');
    expect(await allocateNumber(pool, randomUUID(), 2027, 'npc_suggestion')).toBe('2027-建议-0001');
    expect(await allocateNumber(pool, randomUUID(), 2027, 'npc_suggestion')).toBe('2027-建议-0002');
    expect(await allocateNumber(pool, randomUUID(), 2026, 'npc_suggestion')).toBe('2026-建议-0201');
    expect(await allocateNumber(pool, randomUUID(), 2027, 'cppcc_proposal')).toBe('2027-提案-0001');

    expect(await counter(2026, 'npc_suggestion')).toBe(201);
    expect(await counter(2027, 'npc_suggestion')).toBe(2);
    expect(await counter(2026, 'cppcc_recommendation')).toBe(1);
    expect(await counter(2027, 'cppcc_proposal')).toBe(1);
  });

  it('stores the number in formatNumber\'s format past 999 and 9999 (the statement formats it in SQL)', async () => {
    await pool.query(`INSERT INTO proposal_number_counters (year, kind, last_value) VALUES (2030, 'npc_suggestion', 998), (2031, 'npc_suggestion', 9998)`);
    for (const [year, seqs] of [[2030, [999, 1000]], [2031, [9999, 10000]]] as const) {
      for (const seq of seqs) expect(await allocateNumber(pool, randomUUID(), year, 'npc_suggestion')).toBe(formatNumber(year, 'npc_suggestion', seq));
    }
    expect((await numbersOf(2031, 'npc_suggestion')).map((r) => r.number)).toEqual(['2031-建议-9999', '2031-建议-10000']);
  });

  it('refuses an unknown kind or an invalid year without touching any counter', async () => {
    await expect(allocateNumber(pool, randomUUID(), 2026, 'bogus' as ProposalKind)).rejects.toThrow(/unknown proposal kind/);
    await expect(allocateNumber(pool, randomUUID(), 26.5, 'npc_suggestion')).rejects.toThrow(/invalid year/);
    const { rows } = await pool.query("SELECT 1 FROM proposal_number_counters WHERE kind = 'bogus' OR year = 26");
    expect(rows).toHaveLength(0);
  });
});

describe('allocateNumbers (the bulk path: many items in the caller\'s transaction)', () => {
  it('given a batch over two kinds, then each kind continues its counter in the order given, and single allocations go on after it', async () => {
    const a = Array.from({ length: 5 }, () => randomUUID());
    const b = Array.from({ length: 3 }, () => randomUUID());
    await allocateNumber(pool, randomUUID(), 2040, 'npc_suggestion'); // 0001 taken before
    const numbers = await withTransaction(pool, (c) =>
      allocateNumbers(c, [
        ...a.map((proposalId) => ({ proposalId, year: 2040, kind: 'npc_suggestion' as const })),
        ...b.map((proposalId) => ({ proposalId, year: 2040, kind: 'cppcc_proposal' as const })),
      ]),
    );
    expect(a.map((id) => numbers.get(id))).toEqual(['2040-建议-0002', '2040-建议-0003', '2040-建议-0004', '2040-建议-0005', '2040-建议-0006']);
    expect(b.map((id) => numbers.get(id))).toEqual(['2040-提案-0001', '2040-提案-0002', '2040-提案-0003']);
    expect(await allocateNumber(pool, randomUUID(), 2040, 'npc_suggestion')).toBe('2040-建议-0007');
    expect(await counter(2040, 'cppcc_proposal')).toBe(3);
  });

  it('given ids already numbered (a retried import), then they keep their numbers and only the new ones consume the counter', async () => {
    const old = [randomUUID(), randomUUID()];
    const first = await withTransaction(pool, (c) => allocateNumbers(c, old.map((proposalId) => ({ proposalId, year: 2041, kind: 'npc_suggestion' as const }))));
    const fresh = randomUUID();
    const again = await withTransaction(pool, (c) =>
      allocateNumbers(c, [old[1], fresh, old[0]].map((proposalId) => ({ proposalId, year: 2041, kind: 'npc_suggestion' as const }))),
    );
    expect([again.get(old[0]), again.get(old[1]), again.get(fresh)]).toEqual([first.get(old[0]), first.get(old[1]), '2041-建议-0003']);
    expect(await counter(2041, 'npc_suggestion')).toBe(3);
  });

  it('given the transaction rolls back (the events could not be written), then no number was used: no gap', async () => {
    await expect(
      withTransaction(pool, async (c) => {
        await allocateNumbers(c, [{ proposalId: randomUUID(), year: 2042, kind: 'npc_suggestion' }]);
        throw new Error('the append failed');
      }),
    ).rejects.toThrow('the append failed');
    expect(await counter(2042, 'npc_suggestion')).toBeUndefined();
    expect(await allocateNumber(pool, randomUUID(), 2042, 'npc_suggestion')).toBe('2042-建议-0001');
  });

  it('given concurrent batches and single allocations, then the numbers run 1…n without gap or duplicate', async () => {
    const batches = Array.from({ length: 6 }, () => Array.from({ length: 40 }, () => randomUUID()));
    const singles = Array.from({ length: 30 }, () => randomUUID());
    await Promise.all([
      ...batches.map((ids) => withTransaction(pool, (c) => allocateNumbers(c, ids.map((proposalId) => ({ proposalId, year: 2043, kind: 'cppcc_proposal' as const }))))),
      ...singles.map((id) => allocateNumber(pool, id, 2043, 'cppcc_proposal')),
    ]);
    expect((await numbersOf(2043, 'cppcc_proposal')).map((r) => r.seq)).toEqual(Array.from({ length: 270 }, (_, i) => i + 1));
  });
});

describe('item workflow start marks (the bulk path\'s outbox)', () => {
  it('given marks, then only those older than the grace period are pending, oldest first, and done removes them', async () => {
    const ids = [randomUUID(), randomUUID()];
    await withTransaction(pool, (c) => enqueueItemStarts(c, ids));
    await withTransaction(pool, (c) => enqueueItemStarts(c, [ids[0]])); // marked twice: still one mark
    expect(await itemStartsBacklog(pool)).toBe(2);
    expect(await pendingItemStarts(pool, 60_000, 10)).toEqual([]);
    expect(new Set(await pendingItemStarts(pool, 0, 10))).toEqual(new Set(ids));
    await itemStartsDone(pool, [ids[0]]);
    expect(await pendingItemStarts(pool, 0, 10)).toEqual([ids[1]]);
    await itemStartsDone(pool, [ids[1]]);
    expect(await itemStartsBacklog(pool)).toBe(0);
  });
});

describe('policy', () => {
  it('given nothing published, then currentPolicy is DEFAULT_POLICY', async () => {
    expect(await currentPolicy(pool)).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY.version).toBe(1);
  });

  it('given publishes, then each creates the next version keeping the fields it does not change', async () => {
    const v2 = await publishPolicy(pool, { returnWindow: 'P10D' }, 'admin');
    expect(v2).toEqual({ ...DEFAULT_POLICY, returnWindow: 'P10D', version: 2 });
    expect(await currentPolicy(pool)).toEqual(v2);

    const v3 = await publishPolicy(pool, { replyPeriod: 'P2M', urgentReplyPeriod: undefined }, 'admin2');
    expect(v3).toEqual({ ...DEFAULT_POLICY, returnWindow: 'P10D', replyPeriod: 'P2M', version: 3 });
    expect(await currentPolicy(pool)).toEqual(v3);

    // Every version stores the whole policy (the defaults of the fields nobody changed included).
    const { version: _v, ...defaults } = DEFAULT_POLICY;
    const { rows } = await pool.query<{ version: number; document: unknown; created_by: string }>(
      'SELECT version, document, created_by FROM policies ORDER BY version',
    );
    expect(rows).toEqual([
      { version: 2, document: { ...defaults, returnWindow: 'P10D' }, created_by: 'admin' },
      { version: 3, document: { ...defaults, returnWindow: 'P10D', replyPeriod: 'P2M' }, created_by: 'admin2' },
    ]);
  });

  it('given concurrent publishes, then none is lost and versions stay consecutive', async () => {
    const results = await Promise.all([
      publishPolicy(pool, { returnWindow: 'P5D' }, 'a'),
      publishPolicy(pool, { urgentReplyPeriod: 'P20D' }, 'b'),
      publishPolicy(pool, { replyPeriod: 'P1M' }, 'c'),
    ]);
    expect(results.map((p) => p.version).sort()).toEqual([4, 5, 6]);
    expect(await currentPolicy(pool)).toEqual({
      ...DEFAULT_POLICY,
      version: 6,
      returnWindow: 'P5D',
      replyPeriod: 'P1M',
      urgentReplyPeriod: 'P20D',
    });
  });
});

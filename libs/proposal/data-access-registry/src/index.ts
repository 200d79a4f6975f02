/**
 * Registry data that is not an event stream: the yearly number counters and the versioned policy.
 */
import type { Pool, PoolClient } from 'pg';
import { withTransaction, type Migration } from '@jyta/db';
import { DEFAULT_POLICY, type Policy, type ProposalKind } from '@jyta/proposal-domain';

export const registryMigrations: Migration[] = [
  // (0110 below) feedback tokens: the secret link of each sent reply's 征求意见表 (Art. 11).
  {
    id: '0100_registry',
    sql: `
      CREATE TABLE IF NOT EXISTS proposal_number_counters (
        year int NOT NULL,
        kind text NOT NULL,
        last_value int NOT NULL,
        PRIMARY KEY (year, kind)
      );
      CREATE TABLE IF NOT EXISTS proposal_numbers (
        proposal_id uuid PRIMARY KEY,
        year int NOT NULL,
        kind text NOT NULL,
        seq int NOT NULL,
        number text NOT NULL UNIQUE,
        UNIQUE (year, kind, seq)
      );
      CREATE TABLE IF NOT EXISTS policies (
        version int PRIMARY KEY,
        document jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text
      );
    `,
  },
  {
    id: '0110_feedback_tokens',
    sql: `
      CREATE TABLE IF NOT EXISTS feedback_tokens (
        token text PRIMARY KEY,
        proposal_id uuid NOT NULL,
        reply_id text NOT NULL UNIQUE,
        proposer_username text,
        issued_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS feedback_tokens_proposal ON feedback_tokens (proposal_id);
    `,
  },
];

/** 建议 / 提案 / 建议案 in the human number, e.g. 2026-建议-0123 (display format is policy). */
const KIND_LABEL: Record<ProposalKind, string> = {
  npc_suggestion: '建议',
  cppcc_proposal: '提案',
  cppcc_recommendation: '建议案',
};

export const formatNumber = (year: number, kind: ProposalKind, seq: number) =>
  `${year}-${KIND_LABEL[kind]}-${String(seq).padStart(4, '0')}`;

/**
 * Hands out the next number of the year and kind, once per proposal: a retried call returns the
 * number already given. The counter row is locked by the UPDATE, so concurrent registrations
 * queue on it and neither skip nor repeat a number (a failed transaction rolls its increment back).
 *
 * Two attempts for the same proposal may overlap (a Temporal activity retried after a timeout
 * while the first attempt still runs): the second one's INSERT then hits the proposal_id key once
 * the first commits; its transaction (and counter increment) is rolled back and the number the
 * first attempt stored is returned.
 */
export async function allocateNumber(pool: Pool, proposalId: string, year: number, kind: ProposalKind): Promise<string> {
  if (!Object.hasOwn(KIND_LABEL, kind)) throw new TypeError(`unknown proposal kind '${kind}'`);
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new RangeError(`invalid year ${year}`);
  try {
    return await withTransaction(pool, async (client) => {
      const existing = await client.query<{ number: string }>('SELECT number FROM proposal_numbers WHERE proposal_id = $1', [
        proposalId,
      ]);
      if (existing.rows[0]) return existing.rows[0].number;
      const { rows } = await client.query<{ last_value: number }>(
        `INSERT INTO proposal_number_counters (year, kind, last_value) VALUES ($1, $2, 1)
         ON CONFLICT (year, kind) DO UPDATE SET last_value = proposal_number_counters.last_value + 1
         RETURNING last_value`,
        [year, kind],
      );
      const seq = rows[0].last_value;
      const number = formatNumber(year, kind, seq);
      await client.query('INSERT INTO proposal_numbers (proposal_id, year, kind, seq, number) VALUES ($1, $2, $3, $4, $5)', [
        proposalId,
        year,
        kind,
        seq,
        number,
      ]);
      return number;
    });
  } catch (err) {
    const pgErr = err as { code?: string; constraint?: string };
    if (pgErr.code === '23505' && pgErr.constraint === 'proposal_numbers_pkey') {
      const { rows } = await pool.query<{ number: string }>('SELECT number FROM proposal_numbers WHERE proposal_id = $1', [proposalId]);
      if (rows[0]) return rows[0].number;
    }
    throw err;
  }
}

/** The policy in force: the newest version, or the built-in default before anyone set one. */
export async function currentPolicy(pool: Pool | PoolClient): Promise<Policy> {
  const { rows } = await pool.query<{ version: number; document: Omit<Policy, 'version'> }>(
    'SELECT version, document FROM policies ORDER BY version DESC LIMIT 1',
  );
  if (!rows[0]) return DEFAULT_POLICY;
  return { ...DEFAULT_POLICY, ...rows[0].document, version: rows[0].version };
}

/**
 * Stores a new policy version (the one in force with `changes` applied; fields left out or
 * undefined keep their value); running items keep the version they started under. Concurrent
 * publishes are serialised, so none is lost and versions stay consecutive.
 */
export async function publishPolicy(pool: Pool, changes: Partial<Omit<Policy, 'version'>>, by: string): Promise<Policy> {
  const defined = Object.fromEntries(
    Object.entries(changes ?? {}).filter(([k, v]) => v !== undefined && k !== 'version'),
  ) as Partial<Omit<Policy, 'version'>>;
  return withTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('jyta:policies', 0))`);
    const current = await currentPolicy(client);
    const { version: _v, ...document } = { ...current, ...defined };
    const { rows } = await client.query<{ version: number }>(
      `INSERT INTO policies (version, document, created_by)
       VALUES ((SELECT coalesce(max(version), $3) + 1 FROM policies), $1, $2) RETURNING version`,
      [document, by, DEFAULT_POLICY.version],
    );
    return { ...document, version: rows[0].version };
  });
}

/** A stored policy version with who published it and when (built-in default: createdAt/createdBy null). */
export interface PolicyRecord {
  policy: Policy;
  /** ISO instant; null for the built-in default (never stored) */
  createdAt: string | null;
  createdBy: string | null;
}

const toRecord = (r: { version: number; document: Omit<Policy, 'version'>; created_at: Date | string; created_by: string | null }): PolicyRecord => ({
  policy: { ...DEFAULT_POLICY, ...r.document, version: r.version },
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by,
});

const builtInRecord = (): PolicyRecord => ({ policy: { ...DEFAULT_POLICY }, createdAt: null, createdBy: null });

/**
 * Every policy version, newest first. The built-in default (version 1, in force before anyone
 * published) is listed last unless a stored row has taken its version number.
 */
export async function policyVersions(pool: Pool | PoolClient): Promise<PolicyRecord[]> {
  const { rows } = await pool.query<{ version: number; document: Omit<Policy, 'version'>; created_at: Date; created_by: string | null }>(
    'SELECT version, document, created_at, created_by FROM policies ORDER BY version DESC',
  );
  const records = rows.map(toRecord);
  if (!records.some((r) => r.policy.version === DEFAULT_POLICY.version)) records.push(builtInRecord());
  return records;
}

/** One policy version (the one in force when `version` is omitted); undefined if there is no such version. */
export async function policyRecord(pool: Pool | PoolClient, version?: number): Promise<PolicyRecord | undefined> {
  const { rows } =
    version === undefined
      ? await pool.query<{ version: number; document: Omit<Policy, 'version'>; created_at: Date; created_by: string | null }>(
          'SELECT version, document, created_at, created_by FROM policies ORDER BY version DESC LIMIT 1',
        )
      : await pool.query<{ version: number; document: Omit<Policy, 'version'>; created_at: Date; created_by: string | null }>(
          'SELECT version, document, created_at, created_by FROM policies WHERE version = $1',
          [version],
        );
  if (rows[0]) return toRecord(rows[0]);
  if (version === undefined || version === DEFAULT_POLICY.version) return builtInRecord();
  return undefined;
}

export interface FeedbackToken {
  token: string;
  proposalId: string;
  replyId: string;
  proposerUsername: string | null;
  issuedAt: string;
}

/**
 * Keeps the token of a sent reply's feedback form. The token is a secret (whoever holds it
 * answers the form), so it is never part of an event; idempotent per reply for retried activities.
 */
export async function issueFeedbackToken(
  pool: Pool,
  t: { token: string; proposalId: string; replyId: string; proposerUsername: string | null },
): Promise<void> {
  await pool.query(
    `INSERT INTO feedback_tokens (token, proposal_id, reply_id, proposer_username) VALUES ($1, $2, $3, $4)
     ON CONFLICT (reply_id) DO NOTHING`,
    [t.token, t.proposalId, t.replyId, t.proposerUsername],
  );
}

const tokenRow = (r: { token: string; proposal_id: string; reply_id: string; proposer_username: string | null; issued_at: Date }): FeedbackToken => ({
  token: r.token,
  proposalId: r.proposal_id,
  replyId: r.reply_id,
  proposerUsername: r.proposer_username,
  issuedAt: r.issued_at.toISOString(),
});

export async function findFeedbackToken(pool: Pool, token: string): Promise<FeedbackToken | undefined> {
  const { rows } = await pool.query('SELECT * FROM feedback_tokens WHERE token = $1', [token]);
  return rows[0] ? tokenRow(rows[0]) : undefined;
}

/** The tokens of an item's replies held by this proposer (for their own view and inbox only). */
export async function feedbackTokensFor(pool: Pool, proposalId: string, proposerUsername: string): Promise<FeedbackToken[]> {
  const { rows } = await pool.query('SELECT * FROM feedback_tokens WHERE proposal_id = $1 AND proposer_username = $2 ORDER BY issued_at', [
    proposalId,
    proposerUsername,
  ]);
  return rows.map(tokenRow);
}

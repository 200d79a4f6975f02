/**
 * Registry data that is not an event stream: the yearly number counters and the versioned policy.
 */
import type { Pool, PoolClient } from 'pg';
import { withTransaction, type Migration } from '@jyta/db';
import { DEFAULT_POLICY, type Policy, type ProposalKind } from '@jyta/proposal-domain';
import {
  hashFeedbackToken,
  isFeedbackTokenShape,
  newFeedbackToken,
  openFeedbackToken,
  sameHash,
  sealFeedbackToken,
  type FeedbackTokenKey,
} from './feedback-token';

export * from './feedback-token';

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
  {
    // Tokens were the workflow's uuid4() and stored in plain text. Now: looked up by SHA-256,
    // the holder's copy sealed (AES-256-GCM, FEEDBACK_TOKEN_KEY), the plain column emptied.
    // Old rows get their hash here; their (predictable) tokens are replaced by fresh random ones
    // with the key at the worker's start (rotateLegacyFeedbackTokens), since SQL has no key.
    // recipient_channel records to whom the form went: 'account' (proposer_username), 'sms'
    // (the proposer's phone, via the outbox), 'none' (no proposer can be reached).
    id: '0120_feedback_token_hashes',
    sql: `
      ALTER TABLE feedback_tokens ADD COLUMN IF NOT EXISTS id uuid NOT NULL DEFAULT gen_random_uuid();
      ALTER TABLE feedback_tokens ADD COLUMN IF NOT EXISTS token_hash bytea;
      ALTER TABLE feedback_tokens ADD COLUMN IF NOT EXISTS token_sealed bytea;
      ALTER TABLE feedback_tokens ADD COLUMN IF NOT EXISTS recipient_channel text NOT NULL DEFAULT 'account'
        CHECK (recipient_channel IN ('account', 'sms', 'none'));
      ALTER TABLE feedback_tokens ADD COLUMN IF NOT EXISTS recipient_name text;
      UPDATE feedback_tokens SET token_hash = sha256(convert_to(token, 'UTF8')) WHERE token_hash IS NULL;
      UPDATE feedback_tokens SET recipient_channel = 'none' WHERE proposer_username IS NULL;
      ALTER TABLE feedback_tokens ALTER COLUMN token_hash SET NOT NULL;
      ALTER TABLE feedback_tokens DROP CONSTRAINT IF EXISTS feedback_tokens_pkey;
      ALTER TABLE feedback_tokens ALTER COLUMN token DROP NOT NULL;
      ALTER TABLE feedback_tokens ADD PRIMARY KEY (id);
      CREATE UNIQUE INDEX IF NOT EXISTS feedback_tokens_hash ON feedback_tokens (token_hash);
    `,
  },
  {
    // Who got the form, by place among the item's proposers (an SMS / e-mail recipient has no
    // username); 'email' for a proposer with an address but no account; issue_key marks a form
    // issued again after the office's designation, so a retried re-issue makes no third token.
    id: '0130_feedback_recipient',
    sql: `
      ALTER TABLE feedback_tokens ADD COLUMN IF NOT EXISTS proposer_index integer;
      ALTER TABLE feedback_tokens ADD COLUMN IF NOT EXISTS issue_key text;
      ALTER TABLE feedback_tokens DROP CONSTRAINT IF EXISTS feedback_tokens_recipient_channel_check;
      ALTER TABLE feedback_tokens ADD CONSTRAINT feedback_tokens_recipient_channel_check
        CHECK (recipient_channel IN ('account', 'sms', 'email', 'none'));
    `,
  },
  {
    // Items whose first events an import committed and whose workflow is not known to have
    // started (issue 10, bulk path): written in the events' transaction, deleted once the start
    // succeeded; what a crash leaves behind the worker's sweeper starts (the transactional outbox).
    id: '0140_item_workflow_starts',
    sql: `
      CREATE TABLE IF NOT EXISTS item_workflow_starts (
        proposal_id uuid PRIMARY KEY,
        enqueued_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    // How far each running import is, by the uploading account and the id it chose: any API
    // process answers the polls, not only the one the upload reached. Rows of imports that ended
    // more than 10 minutes ago are deleted when the next import starts.
    id: '0150_import_progress',
    sql: `
      CREATE TABLE IF NOT EXISTS import_progress (
        username text NOT NULL,
        progress_id text NOT NULL,
        phase text NOT NULL CHECK (phase IN ('validating', 'registering', 'done', 'failed')),
        total integer NOT NULL DEFAULT 0,
        done integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        ended_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (username, progress_id)
      );
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
 * allocateNumber's statement: the number stored for the proposal, else the counter's next value,
 * stored as the proposal's number (formatNumber's format: at least 4 digits).
 */
const ALLOCATE_NUMBER = `
  WITH existing AS (
    SELECT number FROM proposal_numbers WHERE proposal_id = $1::uuid
  ), bumped AS (
    INSERT INTO proposal_number_counters (year, kind, last_value)
    SELECT $2::int, $3::text, 1 WHERE NOT EXISTS (SELECT 1 FROM existing)
    ON CONFLICT (year, kind) DO UPDATE SET last_value = proposal_number_counters.last_value + 1
    RETURNING last_value
  ), stored AS (
    INSERT INTO proposal_numbers (proposal_id, year, kind, seq, number)
    SELECT $1::uuid, $2::int, $3::text, last_value,
           $2::int::text || '-' || $4::text || '-' || CASE WHEN last_value >= 1000 THEN last_value::text ELSE lpad(last_value::text, 4, '0') END
      FROM bumped
    RETURNING number
  )
  SELECT number FROM existing UNION ALL SELECT number FROM stored`;

/**
 * Hands out the next number of the year and kind, once per proposal: a retried call returns the
 * number already given. The counter row is locked by the UPDATE, so concurrent registrations
 * queue on it and neither skip nor repeat a number (a failed statement rolls its increment back).
 *
 * Two attempts for the same proposal may overlap (a Temporal activity retried after a timeout
 * while the first attempt still runs): the second one's INSERT then hits the proposal_id key once
 * the first commits; its statement (and counter increment) is rolled back and the number the
 * first attempt stored is returned.
 */
export async function allocateNumber(pool: Pool, proposalId: string, year: number, kind: ProposalKind): Promise<string> {
  if (!Object.hasOwn(KIND_LABEL, kind)) throw new TypeError(`unknown proposal kind '${kind}'`);
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new RangeError(`invalid year ${year}`);
  try {
    // One statement (its own transaction): the counter row stays locked only while it runs, not
    // for three round trips, so concurrent registrations queue on it for less time.
    const { rows } = await pool.query<{ number: string }>(ALLOCATE_NUMBER, [proposalId, year, kind, KIND_LABEL[kind]]);
    return rows[0].number;
  } catch (err) {
    const pgErr = err as { code?: string; constraint?: string };
    if (pgErr.code === '23505' && pgErr.constraint === 'proposal_numbers_pkey') {
      const { rows } = await pool.query<{ number: string }>('SELECT number FROM proposal_numbers WHERE proposal_id = $1', [proposalId]);
      if (rows[0]) return rows[0].number;
    }
    throw err;
  }
}

/**
 * allocateNumbers' statement for one year and kind: the numbers already stored for some of the
 * ids, and for the rest the counter's next values in the order of the ids, all in one statement.
 */
const ALLOCATE_NUMBERS = `
  WITH wanted AS (
    SELECT id, ord FROM unnest($1::uuid[]) WITH ORDINALITY AS w(id, ord)
  ), existing AS (
    SELECT p.proposal_id, p.number FROM proposal_numbers p JOIN wanted w ON w.id = p.proposal_id
  ), missing AS (
    SELECT id, row_number() OVER (ORDER BY ord) AS k, count(*) OVER () AS n
      FROM wanted WHERE id NOT IN (SELECT proposal_id FROM existing)
  ), bumped AS (
    INSERT INTO proposal_number_counters (year, kind, last_value)
    SELECT $2::int, $3::text, (SELECT max(n) FROM missing) WHERE EXISTS (SELECT 1 FROM missing)
    ON CONFLICT (year, kind) DO UPDATE SET last_value = proposal_number_counters.last_value + EXCLUDED.last_value
    RETURNING last_value
  ), stored AS (
    INSERT INTO proposal_numbers (proposal_id, year, kind, seq, number)
    SELECT m.id, $2::int, $3::text, s.seq,
           $2::int::text || '-' || $4::text || '-' || CASE WHEN s.seq >= 1000 THEN s.seq::text ELSE lpad(s.seq::text, 4, '0') END
      FROM missing m CROSS JOIN bumped b CROSS JOIN LATERAL (SELECT (b.last_value - m.n + m.k)::int AS seq) AS s
    RETURNING proposal_id, number
  )
  SELECT proposal_id::text AS id, number FROM existing UNION ALL SELECT proposal_id::text, number FROM stored`;

/**
 * allocateNumber for many items at once, inside the caller's transaction (the import's bulk path
 * commits the numbers with the items' events, so a crash leaves neither). The ids already numbered
 * keep their number; the others get consecutive numbers in the order given. Answers id → number.
 * A concurrent allocation for one of the same ids makes the statement fail (unique key): the
 * caller's transaction rolls back and may be retried, and then finds the number stored.
 */
export async function allocateNumbers(
  client: PoolClient,
  items: { proposalId: string; year: number; kind: ProposalKind }[],
): Promise<Map<string, string>> {
  const groups = new Map<string, { year: number; kind: ProposalKind; ids: string[] }>();
  for (const { proposalId, year, kind } of items) {
    if (!Object.hasOwn(KIND_LABEL, kind)) throw new TypeError(`unknown proposal kind '${kind}'`);
    if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new RangeError(`invalid year ${year}`);
    const key = `${year}:${kind}`;
    const group = groups.get(key) ?? { year, kind, ids: [] };
    group.ids.push(proposalId);
    groups.set(key, group);
  }
  const numbers = new Map<string, string>();
  // Counter rows are locked in one order (year, kind) by every batch, so two batches never deadlock.
  for (const key of [...groups.keys()].sort()) {
    const { year, kind, ids } = groups.get(key)!;
    const { rows } = await client.query<{ id: string; number: string }>(ALLOCATE_NUMBERS, [ids, year, kind, KIND_LABEL[kind]]);
    for (const r of rows) numbers.set(r.id, r.number);
  }
  return numbers;
}

/** Marks items whose workflow must be started (in the caller's transaction, with their events). */
export async function enqueueItemStarts(client: PoolClient, proposalIds: string[]): Promise<void> {
  if (!proposalIds.length) return;
  await client.query('INSERT INTO item_workflow_starts (proposal_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING', [proposalIds]);
}

/** The item starts no one took off the list: enqueued before `olderThanMs` ago, oldest first. */
export async function pendingItemStarts(pool: Pool, olderThanMs: number, limit: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT proposal_id::text AS id FROM item_workflow_starts
      WHERE enqueued_at <= now() - make_interval(secs => $1::double precision / 1000) ORDER BY enqueued_at LIMIT $2`,
    [olderThanMs, limit],
  );
  return rows.map((r) => r.id);
}

/** Takes started items off the list. */
export async function itemStartsDone(pool: Pool, proposalIds: string[]): Promise<void> {
  if (!proposalIds.length) return;
  await pool.query('DELETE FROM item_workflow_starts WHERE proposal_id = ANY($1::uuid[])', [proposalIds]);
}

/** How many item starts wait (the outbox backlog, a metric). */
export async function itemStartsBacklog(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM item_workflow_starts');
  return Number(rows[0].n);
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

/** To whom a reply's feedback form went (never the token); proposerIndex: their place in the item's list. */
export type FeedbackRecipient =
  | { channel: 'account'; username: string; name: string | null; proposerIndex?: number }
  | { channel: 'sms' | 'email'; name: string | null; proposerIndex?: number }
  | { channel: 'none' };

/** A proposer as the item names them, in order (the first is the lead, 领衔人). */
export interface FeedbackCandidate {
  name?: string | null;
  username?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface FeedbackFormRecord {
  id: string;
  proposalId: string;
  replyId: string;
  recipient: FeedbackRecipient;
  issuedAt: string;
  /** Set on a form issued again after a designation (the caller's idempotency key). */
  issueKey: string | null;
}

interface FeedbackRow {
  id: string;
  proposal_id: string;
  reply_id: string;
  proposer_username: string | null;
  recipient_channel: 'account' | 'sms' | 'email' | 'none';
  recipient_name: string | null;
  proposer_index: number | null;
  issue_key: string | null;
  token_hash: Buffer;
  token_sealed: Buffer | null;
  issued_at: Date;
}

const COLUMNS = 'id, proposal_id, reply_id, proposer_username, recipient_channel, recipient_name, proposer_index, issue_key, token_hash, token_sealed, issued_at';

const recordOf = (r: FeedbackRow): FeedbackFormRecord => {
  const index = r.proposer_index !== null ? { proposerIndex: r.proposer_index } : {};
  return {
    id: r.id,
    proposalId: r.proposal_id,
    replyId: r.reply_id,
    recipient:
      r.recipient_channel === 'account' && r.proposer_username
        ? { channel: 'account', username: r.proposer_username, name: r.recipient_name, ...index }
        : r.recipient_channel === 'sms' || r.recipient_channel === 'email'
          ? { channel: r.recipient_channel, name: r.recipient_name, ...index }
          : { channel: 'none' },
    issuedAt: r.issued_at.toISOString(),
    issueKey: r.issue_key,
  };
};

/** Where a message without an account goes: the phone (SMS) or the e-mail address. */
export interface FeedbackAddress {
  channel: 'sms' | 'email';
  to: string;
}

/** How one proposer is reached: their account (if it is a proposer's account), else SMS, else e-mail. */
function reach(p: FeedbackCandidate, index: number, accounts: ReadonlySet<string>): { recipient: FeedbackRecipient; address?: FeedbackAddress } | undefined {
  const name = p.name ?? null;
  const username = p.username?.trim();
  if (username && accounts.has(username)) return { recipient: { channel: 'account', username, name, proposerIndex: index } };
  if (p.phone?.trim()) return { recipient: { channel: 'sms', name, proposerIndex: index }, address: { channel: 'sms', to: p.phone.trim() } };
  if (p.email?.trim()) return { recipient: { channel: 'email', name, proposerIndex: index }, address: { channel: 'email', to: p.email.trim() } };
  return undefined;
}

/**
 * Who gets the form (Art. 11): the proposer the office designated (Art. 14: always a proposer of
 * the item), reached by account, SMS or e-mail; else the lead (first-named) proposer if they have
 * an account; else the first named proposer who has one; else the first with a phone number (SMS),
 * else the first with an e-mail address, through the outbox; else nobody (recorded as such).
 * Only accounts of the role `proposer` count: a unit's or the office's user never gets a form.
 */
export async function chooseFeedbackRecipient(
  db: Pool | PoolClient,
  proposers: readonly FeedbackCandidate[],
  designee?: number,
): Promise<{ recipient: FeedbackRecipient; address?: FeedbackAddress }> {
  const usernames = proposers.map((p) => p.username?.trim()).filter((u): u is string => !!u);
  const accounts = new Set<string>();
  if (usernames.length) {
    const { rows } = await db.query<{ username: string }>(`SELECT username FROM users WHERE username = ANY($1::text[]) AND role = 'proposer'`, [usernames]);
    for (const r of rows) accounts.add(r.username);
  }
  if (designee !== undefined) {
    const p = proposers[designee];
    return (p && reach(p, designee, accounts)) ?? { recipient: { channel: 'none' } };
  }
  const withAccount = proposers.findIndex((p) => !!p.username && accounts.has(p.username.trim()));
  if (withAccount >= 0) return reach(proposers[withAccount], withAccount, accounts)!;
  const byPhone = proposers.findIndex((p) => !!p.phone?.trim());
  if (byPhone >= 0) return reach(proposers[byPhone], byPhone, accounts)!;
  const byEmail = proposers.findIndex((p) => !!p.email?.trim());
  if (byEmail >= 0) return reach(proposers[byEmail], byEmail, accounts)!;
  return { recipient: { channel: 'none' } };
}

/** The form of a reply, if one was issued. */
export async function feedbackFormOf(db: Pool | PoolClient, replyId: string, opts: { forUpdate?: boolean } = {}): Promise<FeedbackFormRecord | undefined> {
  const { rows } = await db.query<FeedbackRow>(`SELECT ${COLUMNS} FROM feedback_tokens WHERE reply_id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [replyId]);
  return rows[0] ? recordOf(rows[0]) : undefined;
}

/**
 * Issues a reply's form once: a fresh token, stored as its hash plus (for a recipient who can be
 * shown it) its sealed copy. Answers undefined when the reply already has one — a retried or
 * concurrent attempt never makes a second valid token and never replaces the first. The caller
 * gets the plain token only to hand it on in the same transaction; it is never returned further.
 */
export async function storeFeedbackForm(
  db: Pool | PoolClient,
  key: FeedbackTokenKey,
  input: { proposalId: string; replyId: string; recipient: FeedbackRecipient; issueKey?: string },
): Promise<{ record: FeedbackFormRecord } | undefined> {
  const token = newFeedbackToken();
  const { rows } = await db.query<FeedbackRow>(
    `INSERT INTO feedback_tokens (proposal_id, reply_id, proposer_username, recipient_channel, recipient_name, proposer_index, issue_key, token_hash, token_sealed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (reply_id) DO NOTHING
     RETURNING ${COLUMNS}`,
    [input.proposalId, input.replyId, ...recipientColumns(input.recipient), input.issueKey ?? null, ...tokenColumns(key, token, input.replyId, input.recipient)],
  );
  return rows[0] ? { record: recordOf(rows[0]) } : undefined;
}

/**
 * Issues a reply's form again (the office designated another recipient): a fresh token replaces
 * the stored hash and sealed copy, so the old token stops working at once. The caller holds the
 * row (feedbackFormOf … forUpdate) and checks `issueKey` first, so a retry changes nothing.
 */
export async function replaceFeedbackForm(
  db: Pool | PoolClient,
  key: FeedbackTokenKey,
  input: { id: string; replyId: string; recipient: FeedbackRecipient; issueKey: string },
): Promise<FeedbackFormRecord> {
  const token = newFeedbackToken();
  const { rows } = await db.query<FeedbackRow>(
    `UPDATE feedback_tokens
        SET proposer_username = $2, recipient_channel = $3, recipient_name = $4, proposer_index = $5, issue_key = $6,
            token_hash = $7, token_sealed = $8, issued_at = now()
      WHERE id = $1
     RETURNING ${COLUMNS}`,
    [input.id, ...recipientColumns(input.recipient), input.issueKey, ...tokenColumns(key, token, input.replyId, input.recipient)],
  );
  return recordOf(rows[0]);
}

const recipientColumns = (r: FeedbackRecipient) => [
  r.channel === 'account' ? r.username : null,
  r.channel,
  r.channel === 'none' ? null : r.name,
  r.channel === 'none' ? null : (r.proposerIndex ?? null),
];

// With nobody to show it to, only the hash is kept (the token is then unknown to everyone).
const tokenColumns = (key: FeedbackTokenKey, token: string, replyId: string, r: FeedbackRecipient) => [
  hashFeedbackToken(token),
  r.channel === 'none' ? null : sealFeedbackToken(key, token, replyId),
];

/** The holder's token of a reply, opened with the server key (for the senders and the holder's views). */
export function openFeedbackForm(key: FeedbackTokenKey, row: { replyId: string; sealed: Buffer | null }): string | undefined {
  return row.sealed ? openFeedbackToken(key, row.sealed, row.replyId) : undefined;
}

/** The plain token of a reply's form (for a sender that puts the link into an SMS / e-mail at send time). */
export async function feedbackTokenForReply(db: Pool | PoolClient, key: FeedbackTokenKey, replyId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ token_sealed: Buffer | null }>('SELECT token_sealed FROM feedback_tokens WHERE reply_id = $1', [replyId]);
  return rows[0] ? openFeedbackForm(key, { replyId, sealed: rows[0].token_sealed }) : undefined;
}

/**
 * The form behind a presented token. Constant work whatever the guess: a shape check, one
 * SHA-256, one unique-index probe (a wrong token costs the caller, not the server). The probe is
 * on the hash, so its timing tells nothing about any token; the final compare is constant-time.
 */
export async function findFeedbackForm(db: Pool | PoolClient, token: string): Promise<FeedbackFormRecord | undefined> {
  if (!isFeedbackTokenShape(token)) return undefined;
  const hash = hashFeedbackToken(token);
  const { rows } = await db.query<FeedbackRow>(`SELECT ${COLUMNS} FROM feedback_tokens WHERE token_hash = $1`, [hash]);
  return rows[0] && sameHash(rows[0].token_hash, hash) ? recordOf(rows[0]) : undefined;
}

/** The tokens of an item's replies held by this proposer, opened (for their own item page and inbox only). */
export async function feedbackTokensFor(
  db: Pool | PoolClient,
  key: FeedbackTokenKey,
  proposalId: string,
  proposerUsername: string,
): Promise<{ replyId: string; token: string }[]> {
  const { rows } = await db.query<{ reply_id: string; token_sealed: Buffer | null }>(
    `SELECT reply_id, token_sealed FROM feedback_tokens
      WHERE proposal_id = $1 AND proposer_username = $2 AND recipient_channel = 'account' ORDER BY issued_at`,
    [proposalId, proposerUsername],
  );
  return rows.flatMap((r) => {
    const token = openFeedbackForm(key, { replyId: r.reply_id, sealed: r.token_sealed });
    return token ? [{ replyId: r.reply_id, token }] : [];
  });
}

/**
 * Replaces the tokens stored before 0120 (the workflow's predictable uuid4(), in plain text) by
 * fresh random ones, sealed; their holders see the new link in their views at once. Idempotent;
 * run at the worker's start, after the migrations. Returns how many rows it replaced.
 */
export async function rotateLegacyFeedbackTokens(pool: Pool, key: FeedbackTokenKey): Promise<number> {
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: string; reply_id: string; recipient_channel: string }>(
      'SELECT id, reply_id, recipient_channel FROM feedback_tokens WHERE token IS NOT NULL FOR UPDATE',
    );
    for (const r of rows) {
      const token = newFeedbackToken();
      await client.query('UPDATE feedback_tokens SET token = NULL, token_hash = $2, token_sealed = $3 WHERE id = $1', [
        r.id,
        hashFeedbackToken(token),
        r.recipient_channel === 'none' ? null : sealFeedbackToken(key, token, r.reply_id),
      ]);
    }
    return rows.length;
  });
}

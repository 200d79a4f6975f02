import type pg from 'pg';
import type { Projection, StoredEvent } from '@jyta/event-store';
import {
  activeUnits,
  answersForItself,
  evolve,
  initialState,
  type DecidedEvent,
  type ProposalState,
} from '@jyta/proposal-domain';
import { writePublicReplies } from './public-replies';

export const PROPOSAL_STREAM_PREFIX = 'proposal-';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The item id of a stream `proposal-<uuid>`, or undefined for any other stream. */
export function proposalIdOf(streamId: string): string | undefined {
  if (!streamId.startsWith(PROPOSAL_STREAM_PREFIX)) return undefined;
  const id = streamId.slice(PROPOSAL_STREAM_PREFIX.length);
  return UUID.test(id) ? id.toLowerCase() : undefined;
}

/** A stored event as the decider knows it (business time from the metadata). */
export function toDecidedEvent(e: Pick<StoredEvent, 'type' | 'data' | 'metadata'>): DecidedEvent {
  return { type: e.type, data: e.data, occurredAt: e.metadata.occurredAt } as DecidedEvent;
}

/** evolve(), tolerant of event types this build does not know (the state is then unchanged). */
export function applyEvent(state: ProposalState, e: Pick<StoredEvent, 'type' | 'data' | 'metadata'>): ProposalState {
  return evolve(state, toDecidedEvent(e)) ?? state;
}

/** The list row's columns, derived from the folded state. */
export interface ProposalListRow {
  proposalId: string;
  number: string;
  kind: string;
  level: string;
  sessionYear: number;
  period: string;
  title: string;
  topic: string | null;
  status: string;
  key: boolean;
  major: boolean;
  urgent: boolean;
  proposerNames: string[];
  proposerUsernames: string[];
  unitIds: string[];
  activeUnitIds: string[];
  leadUnitIds: string[];
  leaderInCharge: string | null;
  registeredAt: string;
  assignedOn: string | null;
  replyDueAt: string | null;
  updatedAt: string;
  version: number;
}

/** undefined while the item is not registered (nothing to list yet). */
export function rowFromState(proposalId: string, state: ProposalState, version: number, updatedAt: string): ProposalListRow | undefined {
  const d = state.details;
  if (!d) return undefined;
  const active = activeUnits(state);
  const dues = active.map((u) => u.replyDue?.dueAt).filter((x): x is string => !!x).sort((a, b) => Date.parse(a) - Date.parse(b));
  const assignedOn = state.units.length ? state.units[state.units.length - 1].assignedOn : null;
  return {
    proposalId,
    number: d.number,
    kind: d.kind,
    level: d.level,
    sessionYear: d.sessionYear,
    period: d.period,
    title: d.title,
    topic: d.topic ?? null,
    status: state.status,
    key: !!d.key,
    major: !!d.major,
    urgent: !!d.urgent,
    proposerNames: d.proposers.map((p) => p.name),
    proposerUsernames: [...new Set(d.proposers.map((p) => p.username).filter((u): u is string => !!u))],
    unitIds: [...new Set(state.units.map((u) => u.unitId))],
    activeUnitIds: active.map((u) => u.unitId),
    leadUnitIds: active.filter(answersForItself).map((u) => u.unitId),
    leaderInCharge: state.assignment?.leaderInCharge ?? null,
    registeredAt: d.registeredAt,
    assignedOn,
    replyDueAt: dues[0] ?? null,
    updatedAt,
    version,
  };
}

const UPSERT = `
  INSERT INTO proposal_list (
    proposal_id, number, kind, level, session_year, period, title, topic, status, key, major, urgent,
    proposer_names, proposer_usernames, unit_ids, active_unit_ids, lead_unit_ids, leader_in_charge,
    registered_at, assigned_on, reply_due_at, updated_at, version, state)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
  ON CONFLICT (proposal_id) DO UPDATE SET
    number = EXCLUDED.number, kind = EXCLUDED.kind, level = EXCLUDED.level, session_year = EXCLUDED.session_year,
    period = EXCLUDED.period, title = EXCLUDED.title, topic = EXCLUDED.topic, status = EXCLUDED.status,
    key = EXCLUDED.key, major = EXCLUDED.major, urgent = EXCLUDED.urgent,
    proposer_names = EXCLUDED.proposer_names, proposer_usernames = EXCLUDED.proposer_usernames,
    unit_ids = EXCLUDED.unit_ids, active_unit_ids = EXCLUDED.active_unit_ids, lead_unit_ids = EXCLUDED.lead_unit_ids,
    leader_in_charge = EXCLUDED.leader_in_charge, registered_at = EXCLUDED.registered_at,
    assigned_on = EXCLUDED.assigned_on, reply_due_at = EXCLUDED.reply_due_at, updated_at = EXCLUDED.updated_at,
    version = EXCLUDED.version, state = EXCLUDED.state`;

/**
 * Keeps `proposal_list` in step with the item streams: per stream in the batch, the stored state
 * is loaded once, the new events are folded in with the domain's evolve(), and the row is written
 * once. Events at or below the row's version are skipped, so replaying a batch changes nothing.
 */
export const proposalListProjection: Projection = {
  name: 'proposal_list',

  async handle(events: StoredEvent[], client: pg.PoolClient): Promise<void> {
    const byStream = new Map<string, StoredEvent[]>();
    for (const e of events) {
      const id = proposalIdOf(e.streamId);
      if (!id) continue;
      const list = byStream.get(id);
      if (list) list.push(e);
      else byStream.set(id, [e]);
    }
    for (const [proposalId, streamEvents] of byStream) {
      const { rows } = await client.query<{ state: ProposalState; version: number }>(
        'SELECT state, version FROM proposal_list WHERE proposal_id = $1 FOR UPDATE',
        [proposalId],
      );
      let state = rows[0]?.state ?? initialState();
      let version = rows[0]?.version ?? 0;
      let updatedAt = '';
      for (const e of streamEvents.sort((a, b) => a.version - b.version)) {
        if (e.version <= version) continue;
        state = applyEvent(state, e);
        version = e.version;
        updatedAt = e.recordedAt;
      }
      if (!updatedAt) continue;
      const r = rowFromState(proposalId, state, version, updatedAt);
      if (!r) continue;
      await client.query(UPSERT, [
        r.proposalId,
        r.number,
        r.kind,
        r.level,
        r.sessionYear,
        r.period,
        r.title,
        r.topic,
        r.status,
        r.key,
        r.major,
        r.urgent,
        r.proposerNames,
        r.proposerUsernames,
        r.unitIds,
        r.activeUnitIds,
        r.leadUnitIds,
        r.leaderInCharge,
        r.registeredAt,
        r.assignedOn,
        r.replyDueAt,
        r.updatedAt,
        r.version,
        JSON.stringify(state),
      ]);
      // public_replies (Art. 20) follows the same state; rewritten only when a disclosure may have changed.
      if (streamEvents.some((e) => e.type === 'DisclosureChosen')) {
        await writePublicReplies(client, proposalId, state);
      }
    }
  },

  async reset(client: pg.PoolClient): Promise<void> {
    await client.query('TRUNCATE proposal_list, public_replies');
  },
};

/**
 * 催办升级 (Art. 17, 19; SPEC §5): a reminder that goes unheeded climbs. The handler is reminded
 * before the reply deadline (art19-deadline, ReminderIssued); as the deadline nears the unit's
 * leader in charge is reminded too (policy `leaderReminders`, 7 and 3 days before); and once the
 * deadline has passed with neither a reply nor an explanation — the case Art. 19 holds the leader
 * in charge and the handler accountable for — the chamber's liaison office and the office are
 * told at once and then every `supervisionReminderEvery` (7 days) until the unit replies.
 * A unit that filed its explanation in time is "delayed with explanation", not overdue: its own
 * reminders go on (art19-deadline), it is not escalated to the supervisors.
 *
 * Like the reminders: keyed per re-handling round, none planned before the unit was assigned
 * (a backdated item) or the round opened.
 */
import { parsePeriod, type Period } from '@jyta/calendar-domain';
import type { Slice, Timer } from '../../slice';
import { activeUnits, awaitingReply, findActiveUnit, updateActiveUnit } from '../../shared/queries';
import { DEFAULT_POLICY, type Policy, type ProposalState, type UnitAssignment } from '../../shared/model';
import type { Chamber, EscalationLevel } from './types';

export type { Chamber, EscalateReminder, EscalationLevel, ReminderEscalated } from './types';

export interface EscalationPlan {
  key: string;
  level: EscalationLevel;
  remindAt: string;
  dueAt: string;
}

/** Offsets count plain time: days or (test policies) seconds; anything else is not planned. */
function plain(raw: string | undefined): Period | undefined {
  try {
    const p = raw ? parsePeriod(raw) : undefined;
    return p && (p.unit === 'day' || p.unit === 'second') ? p : undefined;
  } catch {
    return undefined;
  }
}
const millis = (p: Period) => p.amount * (p.unit === 'day' ? 86_400_000 : 1000);
const iso = (ms: number) => new Date(ms).toISOString();

const itemChamber = (s: ProposalState): Chamber => (s.details?.kind === 'npc_suggestion' ? 'npc' : 'cppcc');

/** The unit's next escalation not yet sent, if any (see the file's comment). */
export function nextEscalation(u: UnitAssignment, policy: Policy | undefined): EscalationPlan | undefined {
  if (!awaitingReply(u)) return undefined;
  const issued = new Set(u.escalationsIssued ?? []);
  const round = u.rehandling ? `r${u.rehandling.round}:` : '';
  const from = u.rehandling ? Date.parse(u.rehandling.startedAt) : Date.parse(u.assignedAt ?? '1970-01-01T00:00:00Z');
  const dueAt = u.replyDue.dueAt;
  const plans: EscalationPlan[] = [];
  if (!u.replyDeadlinePassed) {
    for (const raw of policy?.leaderReminders ?? DEFAULT_POLICY.leaderReminders!) {
      const p = plain(raw);
      const at = p && Date.parse(dueAt) - millis(p);
      const key = `${round}leader:${raw}`;
      if (at !== undefined && at > from && !issued.has(key)) plans.push({ key, level: 'leader', remindAt: iso(at), dueAt });
    }
  } else if (u.replyDeadlinePassed.accountabilityFlagged) {
    const p = plain(policy?.supervisionReminderEvery ?? DEFAULT_POLICY.supervisionReminderEvery);
    if (p) {
      const n = [...issued].filter((k) => k.startsWith(`${round}supervision:`)).length;
      plans.push({ key: `${round}supervision:${n + 1}`, level: 'supervision', remindAt: iso(Date.parse(u.replyDeadlinePassed.at) + n * millis(p)), dueAt });
    }
  }
  return plans.sort((a, b) => Date.parse(a.remindAt) - Date.parse(b.remindAt))[0];
}

export const escalationSlice: Slice = {
  name: 'escalation',
  articles: ['第十七条（催办）', '第十九条（追究分管领导和承办人员责任）'],
  commands: ['EscalateReminder'],
  events: ['ReminderEscalated'],
  decide(command, state) {
    if (command.type !== 'EscalateReminder') return [];
    const d = command.data;
    const unit = findActiveUnit(state, d.unitId);
    if (!unit || !awaitingReply(unit) || unit.escalationsIssued?.includes(d.key)) return [];
    return [
      {
        type: 'ReminderEscalated',
        occurredAt: d.remindAt,
        data: { unitId: d.unitId, level: d.level, key: d.key, dueAt: d.dueAt, chamber: itemChamber(state), overdue: d.level === 'supervision' },
      },
    ];
  },
  evolve(state, event) {
    if (event.type !== 'ReminderEscalated') return state;
    return updateActiveUnit(state, event.data.unitId, (u) => ({ ...u, escalationsIssued: [...(u.escalationsIssued ?? []), event.data.key] }));
  },
  timers(state, opts) {
    if (!opts.escalation) return [];
    const due: Timer[] = [];
    activeUnits(state).forEach((u, i) => {
      const e = nextEscalation(u, state.policy);
      // After the unit's own reminder and deadline due at the same instant ([1, i, 0|2]).
      if (e) due.push({ at: e.remindAt, command: { type: 'EscalateReminder', data: { unitId: u.unitId, ...e } }, order: [1, i, 3] });
    });
    return due;
  },
};

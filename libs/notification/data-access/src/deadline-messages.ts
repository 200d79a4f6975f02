/**
 * Notices of deadlines: moved by an amended holiday calendar (节假日安排调整, SPEC §5), each unit
 * whose deadline moved is told its new dates and why (the event's reason); and the deadline of a
 * re-handling (重新办理) when the proposer sent the item back. Its reminders (催办) and the overdue
 * notice are the reply deadline's own (messages.ts). Pure, like every rule (rules.ts).
 */
import { isObject, type EventData, type NoticeRule } from './rules';

const list = (v: unknown): EventData[] => (Array.isArray(v) ? v.filter(isObject) : []);

interface Moved {
  what: string;
  from: string;
  to: string;
}

/** What moved for `unitId`, as people read the dates. */
function movedFor(d: EventData, unitId: string, formatDueAt: (iso: string) => string): Moved[] {
  const day = (x: unknown) => (isObject(x) ? (typeof x.lastDay === 'string' ? x.lastDay : typeof x.dueAt === 'string' ? formatDueAt(x.dueAt) : '') : '');
  const moved: Moved[] = [];
  for (const u of list(d.units).filter((x) => x.unitId === unitId)) {
    const labels: [string, string][] = [
      ['returnWindow', '退转期限'],
      ['replyDue', '答复期限'],
      ['opinionDue', '会办意见期限'],
    ];
    for (const [key, what] of labels) {
      const c = u[key];
      if (isObject(c)) moved.push({ what, from: day(c.from), to: day(c.to) });
    }
  }
  for (const f of list(d.feedback).filter((x) => x.unitId === unitId)) {
    if (typeof f.from === 'string' && typeof f.to === 'string') moved.push({ what: '代表委员反馈期限', from: formatDueAt(f.from), to: formatDueAt(f.to) });
  }
  return moved;
}

const unitsOf = (d: EventData) => [...new Set([...list(d.units), ...list(d.feedback)].map((x) => x.unitId).filter((x): x is string => typeof x === 'string'))];

export const deadlineRule: NoticeRule = {
  types: ['DeadlinesRecomputed'],

  /** The handlers and leaders of every unit a deadline of which moved (an event without a reason is not of this shape). */
  audience: ({ data: d }) => (typeof d.reason === 'string' ? { units: unitsOf(d), roles: ['unit_handler', 'unit_leader'] } : undefined),

  /** The notice as the recipient reads it: their own unit's dates. */
  message({ data: d }, { item, shortTitle, recipient, unitName, formatDueAt }) {
    if (typeof d.reason !== 'string') return undefined;
    const unit = recipient?.unitId ?? unitsOf(d)[0];
    const moved = unit ? movedFor(d, unit, formatDueAt) : [];
    const changes = moved.map((m) => (m.from === m.to ? `${m.what}仍为 ${m.to}（已按新日历核定）` : `${m.what}由 ${m.from} 调整为 ${m.to}`));
    return {
      kind: 'deadline_changed',
      title: `期限调整：${shortTitle}`,
      body:
        `因${d.reason}，${item}${unit ? `（${unitName(unit)}）` : ''}的期限已按新的节假日安排重新计算：` +
        `${changes.join('；') || '期限有调整，请查看详情'}。已届满的期限不变。`,
    };
  },
};

/** 重新办理 (SPEC §5): the unit handles the item again, under the deadline of this round. */
export const rehandlingRule: NoticeRule = {
  types: ['RehandlingStarted'],

  audience: ({ data: d }) => (typeof d.unitId === 'string' && isObject(d.replyDue) ? { units: [d.unitId], roles: ['unit_handler', 'unit_leader'] } : undefined),

  message({ data: d }, { item, shortTitle, unitName, formatDueAt }) {
    const due = isObject(d.replyDue) ? d.replyDue : undefined;
    if (typeof d.unitId !== 'string' || !due) return undefined;
    // As the assignment notice reads a deadline: its last day, or a test deadline's instant.
    const when = typeof due.lastDay === 'string' ? due.lastDay : typeof due.dueAt === 'string' ? formatDueAt(due.dueAt) : '';
    if (!when) return undefined;
    const round = typeof d.round === 'number' ? `（第 ${d.round} 轮办理）` : '';
    return {
      kind: 'rehandling',
      title: `退回重新办理：${shortTitle}，答复期限 ${when}`,
      body:
        `${item}（${unitName(d.unitId)}）：代表委员对答复不满意，该件已被退回重新办理${round}，答复期限为 ${when}。` +
        '请与代表委员再次沟通，认真办理并按期重新答复；确实不能按期答复的，应在期限届满前书面说明情况。',
    };
  },
};

/**
 * Notices of the obligations beside the reply (issue 9): 催办升级 — the unit's leader in charge as
 * the reply deadline nears, the chamber's liaison office (人大选任联工委 / 政协提案委) and the office
 * (建议提案处) once the unit is overdue without an explanation (Art. 19) — and 承诺事项跟踪 — the
 * unit is asked to report on what its category B reply promised. Pure, like every rule (rules.ts).
 */
import type { Audience, EventData, NoticeRule } from './rules';

const LIAISON: Record<string, { role: string; name: string }> = {
  npc: { role: 'npc_liaison', name: '市人大常委会选任联工委' },
  cppcc: { role: 'cppcc_liaison', name: '市政协提案委' },
};

const str = (v: unknown): v is string => typeof v === 'string' && v !== '';

function escalationAudience(d: EventData): Audience | undefined {
  if (!str(d.unitId) || !str(d.dueAt)) return undefined;
  if (d.level === 'leader') return { units: [d.unitId], roles: ['unit_leader'] };
  if (d.level === 'supervision' && str(d.chamber) && LIAISON[d.chamber]) return { roles: ['office', LIAISON[d.chamber].role] };
  return undefined;
}

/** 催办升级: to the leader in charge, then to the supervisors. */
export const escalationRule: NoticeRule = {
  types: ['ReminderEscalated'],
  audience: ({ data: d }) => escalationAudience(d),
  message({ data: d }, { item, shortTitle, unitName, formatDueAt }) {
    if (!escalationAudience(d)) return undefined;
    const unit = unitName(d.unitId as string);
    const due = formatDueAt(d.dueAt as string);
    if (d.level === 'leader') {
      return {
        kind: 'reminder_escalated',
        title: `催办（分管领导）：${shortTitle}`,
        body:
          `${item}由本单位（${unit}）办理，答复期限为 ${due}，至今尚未答复。请分管领导督促承办人员按期答复；` +
          '确实不能按期答复的，应在期限届满前书面向代表委员说明情况并函告建议提案处（第十九条）。',
      };
    }
    return {
      kind: 'reminder_escalated',
      title: `超期通报：${unit}，${shortTitle}`,
      body:
        `${item}的答复期限（${due}）已届满，${unit}既未答复也未说明延期，已超期。` +
        `按第十九条应追究该单位分管领导和承办人员的责任；请${LIAISON[d.chamber as string].name}和建议提案处督办，系统将每周通报直至答复。`,
    };
  },
};

/** 承诺事项跟踪: the unit is asked to report on its B reply's promise. */
export const promiseRule: NoticeRule = {
  types: ['PromiseFollowUpRequested'],
  audience: ({ data: d }) => (str(d.unitId) && str(d.replyId) && str(d.dueAt) ? { units: [d.unitId], roles: ['unit_handler', 'unit_leader'] } : undefined),
  message({ data: d }, { item, shortTitle, unitName, formatDueAt }) {
    if (!str(d.unitId) || !str(d.dueAt)) return undefined;
    const round = typeof d.round === 'number' ? `第 ${d.round} 次` : '';
    return {
      kind: 'promise_follow_up',
      title: `请报告承诺事项进展：${shortTitle}`,
      body:
        `本单位（${unitName(d.unitId)}）对${item}的答复为B类（正在解决或已列入计划逐步解决），所承诺事项须跟踪办理。` +
        `请于 ${formatDueAt(d.dueAt)} 前${round}报告办理进展；已办结的请报告办结。`,
    };
  },
};

/** 总结工作 (Art. 12): the unit owes its year's summary; reminded before the deadline; overdue after it (the office hears of that too). */
export const unitSummaryRule: NoticeRule = {
  types: ['UnitSummaryOwed', 'UnitSummaryReminded', 'UnitSummaryOverdue'],
  audience: ({ type, data: d }) => {
    if (!str(d.unitId) || typeof d.year !== 'number' || !str(d.dueAt)) return undefined;
    // The leader submits it; the handlers prepare it. An overdue summary is also the office's finding.
    if (type === 'UnitSummaryOverdue') return { roles: ['office'] };
    return { units: [d.unitId], roles: ['unit_handler', 'unit_leader'] };
  },
  message({ type, data: d }, { unitName, formatDueAt }) {
    if (!str(d.unitId) || typeof d.year !== 'number' || !str(d.dueAt)) return undefined;
    const unit = unitName(d.unitId);
    const due = formatDueAt(d.dueAt);
    if (type === 'UnitSummaryOwed') {
      return {
        kind: 'unit_summary_owed',
        title: `请报送 ${d.year} 年度办理工作总结`,
        body: `本单位（${unit}）${d.year} 年度承办的${typeof d.items === 'number' ? ` ${d.items} 件` : ''}建议提案已全部办结。按第十二条，请进行复查和总结，于 ${due} 前向市政府办公厅建议提案处报送书面报告。`,
      };
    }
    if (type === 'UnitSummaryReminded') {
      return { kind: 'unit_summary_reminder', title: `提醒：${d.year} 年度办理工作总结将于 ${due} 到期`, body: `本单位（${unit}）${d.year} 年度办理工作总结尚未报送，请于 ${due} 前报送（第十二条）。` };
    }
    return { kind: 'unit_summary_overdue', title: `办理工作总结逾期：${unit}（${d.year} 年度）`, body: `${unit}未在 ${due} 前报送 ${d.year} 年度办理工作总结（第十二条），请督促报送。` };
  },
};

/**
 * Notices of the handling steps beside the reply (SPEC §4.2–§4.3): a co-unit's opinion reaches
 * the lead unit; a missed opinion deadline reminds both the co-unit and the lead; a missed
 * monthly progress report (督办台账) is told to the unit — and, for a co-unit's report, to the lead
 * it was owed to. Pure, like every rule (rules.ts).
 */
import { strings, type NoticeRule } from './rules';

const clip = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n)}……` : s);

export const supervisionRule: NoticeRule = {
  types: ['CoUnitOpinionSubmitted', 'CoUnitOpinionOverdue', 'ProgressReportMissed'],

  /** The lead units' handlers and leaders; for a missed deadline also the unit's own. */
  audience({ type, data: d }) {
    if (typeof d.unitId !== 'string') return undefined;
    const leads = strings(d.leadUnitIds);
    return { units: type === 'CoUnitOpinionSubmitted' ? leads : [d.unitId, ...leads], roles: ['unit_handler', 'unit_leader'] };
  },

  /** The notice as the recipient reads it (the co-unit and the lead read different sentences). */
  message({ type, data: d }, { item, shortTitle, recipient, unitName, formatDueAt }) {
    if (typeof d.unitId !== 'string') return undefined;
    const unit = d.unitId;
    const mine = recipient?.unitId === unit;
    const leads = strings(d.leadUnitIds).map(unitName).join('、') || '主办单位';
    const due = typeof d.dueAt === 'string' ? formatDueAt(d.dueAt) : '';
    switch (type) {
      case 'CoUnitOpinionSubmitted':
        return {
          kind: 'co_opinion_received',
          title: `会办意见已送达：${shortTitle}`,
          body:
            `会办单位${unitName(unit)}已就${item}提出会办意见${d.late === true ? '（逾期提交）' : ''}：` +
            `${clip(typeof d.opinion === 'string' ? d.opinion : '')}。请在答复中统筹研究吸收。`,
        };
      case 'CoUnitOpinionOverdue':
        return mine
          ? {
              kind: 'co_opinion_overdue',
              title: `会办意见逾期：${shortTitle}`,
              body: `${item}的会办意见期限（${due}）已届满，本单位（${unitName(unit)}）尚未向${leads}提交会办意见，请尽快提交。`,
            }
          : {
              kind: 'co_opinion_overdue',
              title: `会办单位意见逾期未到：${shortTitle}`,
              body: `${item}的会办单位${unitName(unit)}未在期限（${due}）前提交会办意见，请与其联系督促；本单位的答复期限不变。`,
            };
      case 'ProgressReportMissed': {
        const month = typeof d.month === 'string' ? d.month : '';
        const to = d.reportsTo === 'lead' ? leads : '市政府办公厅建议提案处';
        return mine
          ? {
              kind: 'progress_report_missed',
              title: `办理进度未按时报送：${shortTitle}（${month}）`,
              body: `本单位（${unitName(unit)}）${item} ${month} 的办理进度未在 ${due} 前报送${to}，已记入督办台账，请尽快补报。`,
            }
          : {
              kind: 'progress_report_missed',
              title: `会办单位办理进度未报送：${shortTitle}（${month}）`,
              body: `会办单位${unitName(unit)}${item} ${month} 的办理进度未在 ${due} 前报送本单位，已记入督办台账。`,
            };
      }
      default:
        return undefined;
    }
  },
};

/** Chinese labels of the stored codes, for documents and spreadsheets. */
export const KIND_LABEL: Record<string, string> = {
  npc_suggestion: '人大代表建议',
  cppcc_proposal: '政协委员提案',
  cppcc_recommendation: '政协建议案',
};
/** The short form used in titles: 第 N 号建议 / 提案 / 建议案. */
export const KIND_SHORT: Record<string, string> = { npc_suggestion: '建议', cppcc_proposal: '提案', cppcc_recommendation: '建议案' };
export const LEVEL_LABEL: Record<string, string> = { municipal: '本级', provincial: '省级', national: '全国' };
export const STATUS_LABEL: Record<string, string> = {
  registered: '已登记，待交办',
  assigned: '办理中',
  awaiting_reassignment: '待重新交办',
  merged: '已并案',
  archived: '已办结归档',
};
export const UNIT_STATUS_LABEL: Record<string, string> = {
  assigned: '待签收',
  handling: '办理中',
  replied: '已答复，待反馈',
  done: '已办结',
  returned: '已退转',
};
export const SATISFACTION_LABEL: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  no_feedback: '逾期未反馈',
};
export const CATEGORY_LABEL: Record<string, string> = {
  A: 'A类（所提问题已解决或基本解决）',
  B: 'B类（正在解决或已列入计划逐步解决）',
  C: 'C类（不符合法律法规和政策规定，或受客观条件限制确实不能解决）',
  D: 'D类（不宜解决、留作参考）',
};

/** A day or an instant as 2026年11月27日, in Asia/Shanghai. */
export function chineseDate(isoOrDay: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDay) ? isoOrDay : new Date(Date.parse(isoOrDay) + 8 * 3600_000).toISOString().slice(0, 10);
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An instant as the Shanghai day YYYY-MM-DD. */
export const shanghaiDayOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

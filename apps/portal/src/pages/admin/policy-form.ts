/**
 * The policy form is drawn from the policy the API answers: every field it carries (besides the
 * version's bookkeeping) becomes an input of the matching kind, so a field added to the policy
 * shows up with at most a label added here.
 */

/** Fields of the answer that describe the version, not the policy. */
const BOOKKEEPING = new Set(['version', 'createdAt', 'createdBy', 'labels']);

export const POLICY_LABELS: Record<string, string> = {
  returnWindow: '退转期限',
  replyPeriod: '答复期限',
  urgentReplyPeriod: '紧急件答复期限',
  feedbackPeriod: '征求意见表反馈期限',
  rehandlingPeriod: '重新办理答复期限',
  replyReminders: '答复期限届满前催办',
  returnWindowReminders: '退转期限届满前提醒',
  overdueReminderEvery: '超期后催办间隔',
  coUnitOpinionLeadTime: '会办意见期限（主办单位期限前）',
  progressReportDays: '督办台账每月报送日',
  evaluationWeights: '考核评分权重',
  leaderReminders: '答复期限届满前提醒分管领导',
  supervisionReminderEvery: '超期未说明时通报联工委、提案委及建议提案处的间隔',
  promiseFollowUpEvery: 'B类答复承诺事项跟踪报告周期',
  promiseReportWithin: '承诺事项跟踪报告期限',
  unitSummaryPeriod: '承办单位年度办理总结报送期限（最后一件办结后）',
  unitSummaryReminderBefore: '年度办理总结期限届满前提醒',
  // nested
  on_time: '按时答复率',
  face_to_face: '见面沟通率',
  key_satisfaction: '重点建议提案满意率',
  satisfaction: '满意率',
  solved: '解决率（A类）',
  co: '会办单位报送日',
  lead: '主办单位报送日',
};

/** The label of a field; a field this portal does not know yet is still shown, in Chinese. */
export const policyLabel = (key: string) => POLICY_LABELS[key] ?? '其他设置';

export type FieldKind = 'period' | 'periods' | 'number' | 'group' | 'text';

export interface PolicyField {
  name: string;
  label: string;
  kind: FieldKind;
  /** for a group: its members (numbers) */
  members?: PolicyField[];
}

const PERIOD = /^P(?:\d+(?:D|M|WD|W|Y))$|^PT\d+S$/;

function kindOf(key: string, value: unknown): FieldKind {
  if (Array.isArray(value)) return 'periods';
  if (typeof value === 'number') return 'number';
  if (value && typeof value === 'object') return 'group';
  if (typeof value === 'string' && (PERIOD.test(value) || /Period|Window|Every|LeadTime/.test(key))) return 'period';
  return 'text';
}

/** The inputs for a policy answer, in its own order. */
export function policyFields(policy: Record<string, unknown>): PolicyField[] {
  return Object.entries(policy)
    .filter(([k]) => !BOOKKEEPING.has(k))
    .map(([name, value]) => {
      const kind = kindOf(name, value);
      const field: PolicyField = { name, label: policyLabel(name), kind };
      if (kind === 'group') {
        field.members = Object.entries(value as Record<string, unknown>).map(([m, v]) => ({ name: m, label: policyLabel(m), kind: kindOf(m, v) }));
      }
      return field;
    });
}

/** The form's own check of one value (the API checks again, e.g. the one-year limit). */
export function policyValueProblem(field: Pick<PolicyField, 'kind' | 'name'>, value: unknown): string | undefined {
  switch (field.kind) {
    case 'period':
      if (typeof value !== 'string' || !PERIOD.test(value.trim())) return '格式应为 P15D（日）、P3M（月）或 P10WD（工作日）';
      return undefined;
    case 'periods':
      if (!Array.isArray(value)) return '请填写提醒时间';
      if (value.some((v) => typeof v !== 'string' || !/^P\d+D$|^PT\d+S$/.test(v.trim()))) return '每项应以日计，如 P30D、P7D';
      return undefined;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return '请填写数字';
      if (field.name === 'co' || field.name === 'lead') return Number.isInteger(value) && value >= 1 && value <= 31 ? undefined : '须为 1–31 的整数';
      return value < 0 ? '不能为负数' : undefined;
    default:
      return undefined;
  }
}

/** The changed fields only (PUT keeps what is left out). */
export function policyChanges(current: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (BOOKKEEPING.has(k) || v === undefined) continue;
    const value = typeof v === 'string' ? v.trim() : Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.trim() : x)) : v;
    if (JSON.stringify(value) !== JSON.stringify(current[k])) out[k] = value;
  }
  return out;
}

/** An API field path (progressReportDays.co, replyReminders.1) → the form's field name. */
export function formFieldOf(apiField: string, fields: PolicyField[]): (string | number)[] {
  const [head, sub] = apiField.split('.');
  const f = fields.find((x) => x.name === head);
  if (f?.kind === 'group' && sub && f.members?.some((m) => m.name === sub)) return [head, sub];
  return [head];
}

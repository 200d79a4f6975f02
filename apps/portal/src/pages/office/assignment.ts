/** The assignment form's own checks (before the API's): what the office must have chosen, in its words. */
export type Mode = 'single' | 'lead' | 'separate';

export interface AssignmentValues {
  mode?: Mode;
  leadUnitIds?: string[];
  coUnitIds?: string[];
  assignedOn?: string;
  leaderInCharge?: string;
  division?: string;
}

export type AssignmentErrors = Partial<Record<'mode' | 'leadUnitIds' | 'coUnitIds' | 'assignedOn', string>>;

export function validateAssignment(v: AssignmentValues): AssignmentErrors {
  const e: AssignmentErrors = {};
  const lead = v.leadUnitIds ?? [];
  const co = v.coUnitIds ?? [];
  if (!v.mode) e.mode = '请选择办理方式';
  if (!v.assignedOn || !/^\d{4}-\d{2}-\d{2}$/.test(v.assignedOn)) e.assignedOn = '请选择接办之日';
  switch (v.mode) {
    case 'single':
      if (lead.length !== 1) e.leadUnitIds = '单一办理须选择一个承办单位';
      break;
    case 'lead':
      if (lead.length !== 1) e.leadUnitIds = '主办＋会办须选择一个主办单位';
      if (co.length === 0) e.coUnitIds = '请至少选择一个会办单位';
      else if (co.some((c) => lead.includes(c))) e.coUnitIds = '会办单位不能同时是主办单位';
      break;
    case 'separate':
      if (lead.length < 2) e.leadUnitIds = '分别办理须选择至少两个承办单位';
      break;
  }
  return e;
}

/** The API's body for the form's values (co-units only in lead mode). */
export function assignmentBody(v: Required<Pick<AssignmentValues, 'mode' | 'assignedOn'>> & AssignmentValues) {
  return {
    mode: v.mode,
    leadUnitIds: v.leadUnitIds ?? [],
    ...(v.mode === 'lead' ? { coUnitIds: v.coUnitIds ?? [] } : {}),
    assignedOn: v.assignedOn,
    ...(v.leaderInCharge ? { leaderInCharge: v.leaderInCharge } : {}),
    ...(v.division ? { division: v.division } : {}),
  };
}

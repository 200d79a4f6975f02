/**
 * The checks of the unit's handling forms (会办意见, 请示, 月度进度, 延期说明), made before asking
 * the API, so the handler reads the reason next to the field. The API checks again; its answer is
 * shown with the field it names.
 */
const blank = (v: string | undefined | null) => !v || !/\S/.test(v);

export type Problems = Partial<Record<string, string>>;

export function validateProgressReport(v: { month?: string | null; progress?: string }): Problems {
  const p: Problems = {};
  if (!v.month) p.month = '请选择报送月份';
  else if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v.month)) p.month = '报送月份格式不正确';
  if (blank(v.progress)) p.progress = '请填写办理进展';
  return p;
}

/** 延期说明 (Art. 19): difficulties, measures and an expected day that is not already past. */
export function validateExplanation(v: { reasons?: string; measures?: string; expectedOn?: string | null }, today: string): Problems {
  const p: Problems = {};
  if (blank(v.reasons)) p.reasons = '请说明办理中遇到的困难';
  if (blank(v.measures)) p.measures = '请说明已采取的措施';
  if (!v.expectedOn) p.expectedOn = '请选择预计办结日期';
  else if (v.expectedOn < today) p.expectedOn = '预计办结日期不能早于今天';
  return p;
}

/** 请示 (Art. 5): to which higher government or department, about what. */
export function validateInstructions(v: { authority?: string; matter?: string }): Problems {
  const p: Problems = {};
  if (blank(v.authority)) p.authority = '请写明请示的上级政府或部门';
  if (blank(v.matter)) p.matter = '请写明请示事项';
  return p;
}

export function validateInstructionsAnswer(v: { answer?: string; on?: string | null }, today: string): Problems {
  const p: Problems = {};
  if (blank(v.answer)) p.answer = '请填写上级的答复意见';
  if (!v.on) p.on = '请选择收到答复的日期';
  else if (v.on > today) p.on = '收到答复的日期不能晚于今天';
  return p;
}

export function validateCoOpinion(v: { opinion?: string }): Problems {
  return blank(v.opinion) ? { opinion: '请填写会办意见' } : {};
}

/** An antd Form rule that reports `field`'s problem from a whole-form check. */
export function ruleOf<V>(check: (values: V) => Problems, field: string) {
  return ({ getFieldsValue }: { getFieldsValue: () => unknown }) => ({
    validator: () => {
      const problem = check(getFieldsValue() as V)[field];
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  });
}

/** The holiday calendar form's own checks (the API checks again): each day in the year, once, named. */
export interface DayRow {
  key: string;
  date?: string;
  kind?: 'holiday' | 'workday';
  name?: string;
}

export const DAY_KIND = { holiday: '放假', workday: '调休上班' } as const;

export function calendarProblems(year: number, rows: DayRow[]): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!rows.length) problems.days = '至少录入一天（每年至少有元旦等法定节假日）';
  const seen = new Set<string>();
  for (const r of rows) {
    if (!r.date) problems[r.key] = '请选择日期';
    else if (!r.date.startsWith(`${year}-`)) problems[r.key] = `日期须在 ${year} 年内`;
    else if (seen.has(r.date)) problems[r.key] = '日期重复';
    else if (!r.kind) problems[r.key] = '请选择放假或调休上班';
    else if (!r.name?.trim()) problems[r.key] = '请填写节日名称';
    else if (r.kind === 'workday' && ![0, 6].includes(new Date(`${r.date}T00:00:00Z`).getUTCDay())) problems[r.key] = '调休上班日须在周六或周日';
    if (r.date) seen.add(r.date);
  }
  return problems;
}

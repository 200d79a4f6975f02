/**
 * 季度通报 (Art. 8): each unit's progress, results and problems at the end of a quarter, from the
 * cases of the Art. 16 figures as they stood then (docs/kpis.md) — as data, and as a .docx ready
 * to print (GB/T 9704 page).
 */
import { Document } from 'docx';
import { caseOutcomes, kpiReport, type CaseRecord, type Figures } from '@jyta/stats-domain';
import { A4_PAGE, bodyParagraph, headingParagraph, packDocx, titleParagraph } from './docx-layout';
import { chineseDate } from './labels';
import { missedReportList, promiseList, type MissedReport, type OpenPromise, type UnitFindings } from './supervision';

export interface QuarterlyUnit {
  unitId: string;
  unitName: string;
  /** Cases of the unit (items it answers for). */
  items: number;
  replied: number;
  figures: Figures;
  problems: {
    /** Past the deadline without a reply. */
    overdue: string[];
    dissatisfied: string[];
    noFeedback: string[];
    /** Monthly progress reports (督办台账) not made by their day, until the quarter's end. */
    missedReports: MissedReport[];
    /** Category B replies whose promise is not fulfilled yet (PromiseFulfilled). */
    openPromises: OpenPromise[];
  };
}

export interface QuarterlyReport {
  year: number;
  quarter: number;
  /** The quarter's last day; the figures are those at its end (or now, while it runs). */
  periodEnd: string;
  at: string;
  overall: Figures;
  units: QuarterlyUnit[];
}

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];
export const quarterEnd = (year: number, quarter: number) => `${year}-${QUARTER_END[quarter - 1]}`;

export function quarterlyReport(
  records: readonly CaseRecord[],
  o: { year: number; quarter: number; at: string; unitName: (code: string) => string; findings?: readonly UnitFindings[] },
): QuarterlyReport {
  const r = kpiReport(records, { year: o.year, at: o.at });
  const findings = new Map((o.findings ?? []).map((f) => [f.unitId, f]));
  // A co-unit answers no case of its own but owes monthly reports: it is listed when it has findings.
  const unitIds = [...new Set([...r.byUnit.map((u) => u.unitId), ...findings.keys()])].sort();
  const figuresOf = new Map(r.byUnit.map((u) => [u.unitId, u.figures]));
  const none = kpiReport([], { year: o.year, at: o.at }).overall;
  const units: QuarterlyUnit[] = unitIds.map((unitId) => {
    const figures = figuresOf.get(unitId) ?? none;
    const mine = records.filter((c) => c.sessionYear === o.year && c.case.unitId === unitId).sort((a, b) => a.number.localeCompare(b.number));
    const outcomes = mine.map((c) => ({ c, o: caseOutcomes(c, o.at) }));
    return {
      unitId,
      unitName: o.unitName(unitId),
      items: mine.length,
      replied: mine.filter((c) => c.case.repliedAt).length,
      figures,
      problems: {
        overdue: outcomes.filter((x) => x.o.on_time === 'late' && !x.c.case.rounds.at(-1)?.repliedAt).map((x) => x.c.number),
        dissatisfied: outcomes.filter((x) => x.o.satisfaction === 'dissatisfied').map((x) => x.c.number),
        noFeedback: outcomes.filter((x) => x.o.satisfaction === 'no_feedback').map((x) => x.c.number),
        missedReports: findings.get(unitId)?.missedReports ?? [],
        openPromises: findings.get(unitId)?.openPromises ?? [],
      },
    };
  });
  return { year: o.year, quarter: o.quarter, periodEnd: quarterEnd(o.year, o.quarter), at: o.at, overall: r.overall, units };
}

const pct = (f: Figures[keyof Figures]) => (f.rate === null ? '—' : `${(f.rate * 100).toFixed(1)}%`);
const QUARTER_NAMES = ['一', '二', '三', '四'];

export function quarterlyDocx(q: QuarterlyReport): Promise<Buffer> {
  const o = q.overall;
  const paragraphs = [
    titleParagraph(`建议提案办理情况通报（${q.year}年第${QUARTER_NAMES[q.quarter - 1]}季度）`),
    bodyParagraph(
      `截至${chineseDate(q.periodEnd)}，${q.year}年度建议提案按时答复率${pct(o.on_time)}（${o.on_time.numerator}/${o.on_time.denominator}），` +
        `见面沟通率${pct(o.face_to_face)}，重点建议提案及建议案满意率${pct(o.key_satisfaction)}，满意率${pct(o.satisfaction)}，` +
        `解决率（A类）${pct(o.solved)}。各承办单位办理情况通报如下：`,
    ),
  ];
  q.units.forEach((u, i) => {
    const f = u.figures;
    paragraphs.push(headingParagraph(`${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][i] ?? String(i + 1)}、${u.unitName}`));
    paragraphs.push(
      bodyParagraph(
        u.items === 0
          ? '作为会办单位参与办理，不单独答复。'
          : `承办${u.items}件，已答复${u.replied}件；按时答复率${pct(f.on_time)}，见面沟通率${pct(f.face_to_face)}，满意率${pct(f.satisfaction)}，解决率（A类）${pct(f.solved)}。`,
      ),
    );
    const p = u.problems;
    const problems = [
      p.overdue.length ? `超期未答复${p.overdue.length}件（${p.overdue.join('、')}）` : '',
      p.dissatisfied.length ? `代表委员不满意${p.dissatisfied.length}件（${p.dissatisfied.join('、')}）` : '',
      p.noFeedback.length ? `逾期未反馈${p.noFeedback.length}件（${p.noFeedback.join('、')}）` : '',
      p.missedReports.length ? `未按月报送办理进度${p.missedReports.length}次（${missedReportList(p.missedReports)}）` : '',
    ].filter(Boolean);
    paragraphs.push(bodyParagraph(problems.length ? `存在问题：${problems.join('；')}。` : '未发现超期、不满意、未按月报送进度等问题。'));
    if (p.openPromises.length) {
      paragraphs.push(bodyParagraph(`B类答复承诺事项尚未办结${p.openPromises.length}件（${promiseList(p.openPromises)}），请按承诺抓紧落实并报告进展。`));
    }
  });
  return packDocx(new Document({ title: `建议提案办理情况通报（${q.year}年第${q.quarter}季度）`, sections: [{ properties: { page: A4_PAGE }, children: paragraphs }] }));
}

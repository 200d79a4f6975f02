/**
 * 年度办理工作总结报告 (Art. 12): the draft of the government's written report to the NPC standing
 * committee on the deputies' suggestions (chamber npc), or of its notice to the CPPCC on the
 * members' proposals (chamber cppcc), for a session year — from the cases of the Art. 16 figures
 * (docs/kpis.md) and the supervision findings (supervision.ts): totals, per unit, per category,
 * the figures, key items, typical results, problems, and the units that owe their own summary.
 * As data, and as a .docx in the GB/T 9704 layout (a draft: the office edits it before the main
 * leader reviews it, so the number's sequence is left blank).
 */
import { Document } from 'docx';
import { caseOutcomes, kpiReport, type CaseRecord, type Category, type Figures } from '@jyta/stats-domain';
import { A4_PAGE, bodyParagraph, emptyLine, headingParagraph, numberOverRedLine, organMark, packDocx, titleParagraph } from './docx-layout';
import { chineseDate, SATISFACTION_LABEL } from './labels';
import { missedReportList, promiseList, type UnitFindings } from './supervision';

export type Chamber = 'npc' | 'cppcc';
type CategoryCounts = Record<Category, number> & { pending: number };

export interface AnnualUnit {
  unitId: string;
  unitName: string;
  /** Items the unit answers for (cases). */
  items: number;
  replied: number;
  categories: CategoryCounts;
  figures: Figures;
}

export interface AnnualKeyItem {
  proposalId: string;
  number: string;
  title: string;
  units: string[];
  categories: string[];
  feedback: string[];
}

export interface TypicalResult {
  proposalId: string;
  number: string;
  title: string;
  unitId: string;
  unitName: string;
  /** The opening of the reply that solved it (filled in by the service from the item). */
  excerpt?: string;
}

export interface SummaryOwed {
  unitId: string;
  unitName: string;
  /** Items of the year the unit answers for, both chambers (Art. 12: 2 or more). */
  items: number;
  /** Every one of them answered and its feedback settled: the summary is due now. */
  handlingEnded: boolean;
}

export interface AnnualReport {
  year: number;
  chamber: Chamber;
  at: string;
  organ: string;
  documentNumber: string;
  title: string;
  addressee: string;
  totals: { items: number; cases: number; keyItems: number; recommendations: number; replied: number; unitCount: number };
  categories: CategoryCounts;
  figures: Figures;
  units: AnnualUnit[];
  keyItems: AnnualKeyItem[];
  typicalResults: TypicalResult[];
  problems: {
    late: string[];
    dissatisfied: string[];
    noFeedback: string[];
    missedReports: { unitId: string; unitName: string; count: number; list: string }[];
    openPromises: { unitId: string; unitName: string; count: number; list: string }[];
  };
  summariesOwed: SummaryOwed[];
}

const emptyCategories = (): CategoryCounts => ({ A: 0, B: 0, C: 0, D: 0, pending: 0 });
const countCategories = (records: readonly CaseRecord[]) => {
  const c = emptyCategories();
  for (const r of records) {
    if (r.case.repliedAt && r.case.category) c[r.case.category]++;
    else c.pending++;
  }
  return c;
};
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

/** A case is finished when its latest round is answered and the proposer's word (or its absence) is recorded. */
export const caseFinished = (r: CaseRecord) => !!r.case.rounds.at(-1)?.repliedAt && r.case.feedback !== null;

/**
 * Units owing the Art. 12 summary: 2 or more items of the year (both chambers — the regulation
 * counts suggestions or proposals together), whether their handling has ended.
 */
export function summariesOwed(allYearCases: readonly CaseRecord[], year: number, unitName: (code: string) => string): SummaryOwed[] {
  const by = new Map<string, CaseRecord[]>();
  for (const r of allYearCases) {
    if (r.sessionYear !== year || r.case.role === 'merged_copy') continue;
    by.set(r.case.unitId, [...(by.get(r.case.unitId) ?? []), r]);
  }
  return [...by.entries()]
    .map(([unitId, cs]) => ({ unitId, unitName: unitName(unitId), items: unique(cs.map((c) => c.proposalId)).length, handlingEnded: cs.every(caseFinished) }))
    .filter((u) => u.items >= 2)
    .sort((a, b) => cmp(a.unitId, b.unitId));
}

export const TYPICAL_RESULTS_MAX = 5;

export function annualReport(
  records: readonly CaseRecord[],
  o: {
    year: number;
    chamber: Chamber;
    at: string;
    unitName: (code: string) => string;
    findings: readonly UnitFindings[];
    summariesOwed: SummaryOwed[];
    organ: string;
    documentNumber: string;
  },
): AnnualReport {
  const mine = records.filter((r) => r.sessionYear === o.year).sort((a, b) => cmp(a.number, b.number) || cmp(a.case.unitId, b.case.unitId));
  const r = kpiReport(mine, { year: o.year, at: o.at });
  const outcomes = mine.map((c) => ({ c, o: caseOutcomes(c, o.at) }));
  const items = unique(mine.map((c) => c.proposalId));
  const itemOf = new Map(mine.map((c) => [c.proposalId, c]));
  const units: AnnualUnit[] = r.byUnit.map(({ unitId, figures }) => {
    const cs = mine.filter((c) => c.case.unitId === unitId);
    return { unitId, unitName: o.unitName(unitId), items: cs.length, replied: cs.filter((c) => c.case.repliedAt).length, categories: countCategories(cs), figures };
  });
  const keyIds = items.filter((id) => itemOf.get(id)!.key);
  const keyItems: AnnualKeyItem[] = keyIds.map((id) => {
    const cs = mine.filter((c) => c.proposalId === id);
    return {
      proposalId: id,
      number: cs[0].number,
      title: cs[0].title,
      units: cs.map((c) => o.unitName(c.case.unitId)),
      categories: cs.map((c) => (c.case.repliedAt && c.case.category ? c.case.category : '未答复')),
      feedback: cs.map((c) => (c.case.feedback ? SATISFACTION_LABEL[c.case.feedback] : '待反馈')),
    };
  });
  // Typical results: solved (A) and the proposer satisfied — key items first.
  const typicalResults: TypicalResult[] = outcomes
    .filter((x) => x.o.solved === 'A' && (x.o.satisfaction === 'satisfied' || x.o.satisfaction === 'basically_satisfied') && x.c.case.role !== 'merged_copy')
    .sort((a, b) => Number(b.c.key) - Number(a.c.key) || cmp(a.c.number, b.c.number))
    .slice(0, TYPICAL_RESULTS_MAX)
    .map((x) => ({ proposalId: x.c.proposalId, number: x.c.number, title: x.c.title, unitId: x.c.case.unitId, unitName: o.unitName(x.c.case.unitId) }));
  const numbers = (f: (x: (typeof outcomes)[number]) => boolean) => unique(outcomes.filter(f).map((x) => x.c.number));
  const title =
    o.chamber === 'npc'
      ? `关于${o.year}年度市人大代表建议办理工作情况的报告`
      : `关于${o.year}年度市政协委员提案办理工作情况的通报`;
  return {
    year: o.year,
    chamber: o.chamber,
    at: o.at,
    organ: o.organ,
    documentNumber: o.documentNumber,
    title,
    addressee: o.chamber === 'npc' ? '市人大常委会：' : '市政协：',
    totals: {
      items: items.length,
      cases: mine.length,
      keyItems: keyIds.length,
      recommendations: items.filter((id) => itemOf.get(id)!.kind === 'cppcc_recommendation').length,
      replied: mine.filter((c) => c.case.repliedAt).length,
      unitCount: units.length,
    },
    categories: countCategories(mine),
    figures: r.overall,
    units,
    keyItems,
    typicalResults,
    problems: {
      late: numbers((x) => x.o.on_time === 'late'),
      dissatisfied: numbers((x) => x.o.satisfaction === 'dissatisfied'),
      noFeedback: numbers((x) => x.o.satisfaction === 'no_feedback'),
      missedReports: o.findings
        .filter((f) => f.missedReports.length)
        .map((f) => ({ unitId: f.unitId, unitName: o.unitName(f.unitId), count: f.missedReports.length, list: missedReportList(f.missedReports) })),
      openPromises: o.findings
        .filter((f) => f.openPromises.length)
        .map((f) => ({ unitId: f.unitId, unitName: o.unitName(f.unitId), count: f.openPromises.length, list: promiseList(f.openPromises) })),
    },
    summariesOwed: o.summariesOwed,
  };
}

const pct = (f: Figures[keyof Figures]) => (f.rate === null ? '—' : `${(f.rate * 100).toFixed(1)}%`);
const share = (n: number, of: number) => (of ? `${((n / of) * 100).toFixed(1)}%` : '—');

/** The paragraphs' text, in order (what the .docx prints; also what a test reads). */
export function annualText(a: AnnualReport): { kind: 'title' | 'heading' | 'body' | 'addressee' | 'signature'; text: string }[] {
  const t = a.totals;
  const c = a.categories;
  const f = a.figures;
  const who = a.chamber === 'npc' ? '人大代表建议' : '政协委员提案';
  const out: ReturnType<typeof annualText> = [
    { kind: 'title', text: a.title },
    { kind: 'addressee', text: a.addressee },
    {
      kind: 'body',
      text:
        `根据《建议提案办理规定》第十二条，现将${a.year}年度${who}办理工作情况${a.chamber === 'npc' ? '报告' : '通报'}如下。` +
        `本年度市政府系统共承办${who}${t.items}件（其中重点${t.keyItems}件${a.chamber === 'cppcc' ? `、建议案${t.recommendations}件` : ''}），` +
        `由${t.unitCount}个承办单位办理，计${t.cases}件次；截至${chineseDate(a.at)}，已答复${t.replied}件次。`,
    },
    { kind: 'heading', text: '一、办理结果' },
    {
      kind: 'body',
      text:
        `按答复类别统计：所提问题已解决或基本解决的（A类）${c.A}件次，占${share(c.A, t.cases)}；正在解决或已列入计划逐步解决的（B类）${c.B}件次，占${share(c.B, t.cases)}；` +
        `因法律法规政策或客观条件限制确实不能解决的（C类）${c.C}件次，占${share(c.C, t.cases)}；留作参考的（D类）${c.D}件次，占${share(c.D, t.cases)}` +
        (c.pending ? `；尚未答复${c.pending}件次。` : '。'),
    },
    {
      kind: 'body',
      text:
        `按时答复率${pct(f.on_time)}（${f.on_time.numerator}/${f.on_time.denominator}），见面沟通率${pct(f.face_to_face)}（${f.face_to_face.numerator}/${f.face_to_face.denominator}），` +
        `满意率${pct(f.satisfaction)}（${f.satisfaction.numerator}/${f.satisfaction.denominator}），重点建议提案及建议案满意率${pct(f.key_satisfaction)}（${f.key_satisfaction.numerator}/${f.key_satisfaction.denominator}），` +
        `解决率（A类）${pct(f.solved)}（${f.solved.numerator}/${f.solved.denominator}）。`,
    },
    { kind: 'heading', text: '二、各承办单位办理情况' },
    ...a.units.map((u) => ({
      kind: 'body' as const,
      text:
        `${u.unitName}：承办${u.items}件，已答复${u.replied}件，其中A类${u.categories.A}件、B类${u.categories.B}件、C类${u.categories.C}件、D类${u.categories.D}件；` +
        `按时答复率${pct(u.figures.on_time)}，见面沟通率${pct(u.figures.face_to_face)}，满意率${pct(u.figures.satisfaction)}。`,
    })),
    { kind: 'heading', text: '三、重点建议提案办理情况' },
    ...(a.keyItems.length
      ? a.keyItems.map((k) => ({
          kind: 'body' as const,
          text: `${k.number}《${k.title}》：${k.units.join('、')}办理，答复类别${k.categories.join('、')}，代表委员反馈${k.feedback.join('、')}。`,
        }))
      : [{ kind: 'body' as const, text: '本年度无重点建议提案。' }]),
    { kind: 'heading', text: '四、典型成果' },
    ...(a.typicalResults.length
      ? a.typicalResults.map((r) => ({ kind: 'body' as const, text: `${r.unitName}办理的${r.number}《${r.title}》已解决${r.excerpt ? `：${r.excerpt}` : '。'}` }))
      : [{ kind: 'body' as const, text: '（暂无已解决且代表委员满意的件，待办理结束后补充。）' }]),
    { kind: 'heading', text: '五、存在的问题' },
  ];
  const p = a.problems;
  const problems = [
    p.late.length ? `超期答复或超期未答复${p.late.length}件（${p.late.join('、')}）` : '',
    p.dissatisfied.length ? `代表委员不满意${p.dissatisfied.length}件（${p.dissatisfied.join('、')}）` : '',
    p.noFeedback.length ? `逾期未反馈${p.noFeedback.length}件（${p.noFeedback.join('、')}）` : '',
    ...p.missedReports.map((m) => `${m.unitName}未按月报送办理进度${m.count}次（${m.list}）`),
    ...p.openPromises.map((m) => `${m.unitName}B类答复承诺事项尚未办结${m.count}件（${m.list}）`),
  ].filter(Boolean);
  out.push({ kind: 'body', text: problems.length ? `${problems.join('；')}。` : '未发现超期答复、不满意、未按月报送进度等问题。' });
  out.push({ kind: 'heading', text: '六、承办单位总结报告' });
  out.push({
    kind: 'body',
    text: a.summariesOwed.length
      ? `当年承办2件以上的单位须在办理工作结束后复查总结并书面报告（第十二条）：` +
        a.summariesOwed.map((s) => `${s.unitName}（${s.items}件，${s.handlingEnded ? '办理工作已结束' : '办理中'}）`).join('、') +
        '。'
      : '本年度无承办2件以上的单位。',
  });
  out.push({ kind: 'body', text: '下一步，市政府将督促各承办单位抓紧落实B类答复中的承诺事项，进一步提高办理质量。' });
  out.push({ kind: 'signature', text: a.organ });
  out.push({ kind: 'signature', text: chineseDate(a.at) });
  return out;
}

export function annualDocx(a: AnnualReport): Promise<Buffer> {
  const paragraphs = annualText(a).map((p) => {
    switch (p.kind) {
      case 'title':
        return titleParagraph(p.text);
      case 'heading':
        return headingParagraph(p.text);
      case 'addressee':
        return bodyParagraph(p.text, { indent: false });
      case 'signature':
        return bodyParagraph(p.text, { align: 'right', indent: false });
      default:
        return bodyParagraph(p.text);
    }
  });
  const signatureAt = paragraphs.length - 2;
  return packDocx(
    new Document({
      creator: a.organ,
      title: a.title,
      sections: [
        {
          properties: { page: A4_PAGE },
          children: [
            organMark(a.organ),
            numberOverRedLine(a.documentNumber),
            ...paragraphs.slice(0, signatureAt),
            emptyLine(),
            ...paragraphs.slice(signatureAt),
          ],
        },
      ],
    }),
  );
}

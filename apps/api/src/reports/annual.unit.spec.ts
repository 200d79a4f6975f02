import type { Case, CaseRecord } from '@jyta/stats-domain';
import { annualReport, annualText, summariesOwed } from './annual';
import { fontTableXml } from './docx-layout';

const AT = '2026-12-31T16:00:00.000Z';
let seq = 0;
function rec(o: { unit: string; kind?: string; key?: boolean; category?: Case['category']; feedback?: Case['feedback']; late?: boolean; faceToFace?: boolean; proposalId?: string }): CaseRecord {
  seq++;
  const dueAt = '2026-06-30T16:00:00.000Z';
  const repliedAt = o.category ? (o.late ? '2026-07-10T00:00:00.000Z' : '2026-06-01T00:00:00.000Z') : null;
  return {
    proposalId: o.proposalId ?? `p${seq}`,
    number: `2026-${String(seq).padStart(4, '0')}`,
    title: `标题${seq}`,
    kind: o.kind ?? 'npc_suggestion',
    level: 'municipal',
    sessionYear: 2026,
    key: !!o.key,
    leaderInCharge: null,
    mergedInto: null,
    case: {
      unitId: o.unit,
      role: 'lead',
      replyDueAt: dueAt,
      rounds: [{ dueAt, ...(repliedAt ? { repliedAt } : {}) }],
      faceToFace: !!o.faceToFace,
      category: o.category ?? null,
      repliedAt,
      feedback: o.feedback ?? null,
    },
  };
}
const names: Record<string, string> = { rsj: '市人社局', jyj: '市教育局', jtj: '市交通局' };
const unitName = (c: string) => names[c] ?? c;

describe('annual report (Art. 12)', () => {
  const records = [
    rec({ unit: 'rsj', key: true, category: 'A', feedback: 'satisfied', faceToFace: true }),
    rec({ unit: 'rsj', category: 'B', feedback: 'basically_satisfied', faceToFace: true }),
    rec({ unit: 'rsj', category: 'C', feedback: 'dissatisfied', late: true }),
    rec({ unit: 'jyj', category: 'A', feedback: 'no_feedback', faceToFace: true }),
    rec({ unit: 'jyj' }), // not replied yet
  ];

  it('counts totals, categories, figures, units, key items, typical results and problems', () => {
    const a = annualReport(records, {
      year: 2026,
      chamber: 'npc',
      at: AT,
      unitName,
      findings: [{ unitId: 'jyj', missedReports: [{ number: '2026-0005', month: '2026-08', dueAt: '' }], openPromises: [] }],
      summariesOwed: [],
      organ: '市人民政府',
      documentNumber: '市政府文〔2026〕　　号',
    });
    expect(a.totals).toEqual({ items: 5, cases: 5, keyItems: 1, recommendations: 0, replied: 4, unitCount: 2 });
    expect(a.categories).toEqual({ A: 2, B: 1, C: 1, D: 0, pending: 1 });
    // on time 3 of 5: one answered late, and the unanswered one is past its deadline at AT
    expect([a.figures.on_time.numerator, a.figures.on_time.denominator]).toEqual([3, 5]);
    expect([a.figures.face_to_face.numerator, a.figures.face_to_face.denominator]).toEqual([3, 4]);
    expect([a.figures.satisfaction.numerator, a.figures.satisfaction.denominator]).toEqual([2, 4]);
    expect([a.figures.solved.numerator, a.figures.solved.denominator]).toEqual([2, 4]);
    expect(a.units.map((u) => [u.unitName, u.items, u.replied, u.categories.A, u.categories.B, u.categories.C])).toEqual([
      ['市教育局', 2, 1, 1, 0, 0],
      ['市人社局', 3, 3, 1, 1, 1],
    ]);
    expect(a.keyItems).toEqual([expect.objectContaining({ number: '2026-0001', units: ['市人社局'], categories: ['A'], feedback: ['满意'] })]);
    // A and satisfied: only the key item (the other A had no feedback)
    expect(a.typicalResults.map((t) => t.number)).toEqual(['2026-0001']);
    expect(a.problems).toMatchObject({ late: ['2026-0003', '2026-0005'], dissatisfied: ['2026-0003'], noFeedback: ['2026-0004'] });
    expect(a.problems.missedReports).toEqual([{ unitId: 'jyj', unitName: '市教育局', count: 1, list: '2026-0005（2026-08）' }]);

    const text = annualText(a).map((p) => p.text);
    expect(text[0]).toBe('关于2026年度市人大代表建议办理工作情况的报告');
    expect(text[1]).toBe('市人大常委会：');
    expect(text.join('\n')).toContain('（A类）2件次，占40.0%');
    expect(text.join('\n')).toContain('按时答复率60.0%（3/5）');
    expect(text).toContain('市人社局：承办3件，已答复3件，其中A类1件、B类1件、C类1件、D类0件；按时答复率66.7%，见面沟通率66.7%，满意率66.7%。');
  });

  it('units owing a summary: 2 or more items of the year over both chambers, and whether their handling has ended', () => {
    const all = [
      rec({ unit: 'rsj', category: 'A', feedback: 'satisfied' }),
      rec({ unit: 'rsj', kind: 'cppcc_proposal', category: 'B', feedback: 'no_feedback' }),
      rec({ unit: 'jyj', category: 'A', feedback: 'satisfied' }),
      rec({ unit: 'jyj', kind: 'cppcc_proposal', category: 'A' }), // awaiting the proposer
      rec({ unit: 'jyj', category: 'A', feedback: 'satisfied' }),
      rec({ unit: 'jtj', category: 'A', feedback: 'satisfied' }), // one item: owes none
    ];
    expect(summariesOwed(all, 2026, unitName)).toEqual([
      { unitId: 'jyj', unitName: '市教育局', items: 3, handlingEnded: false },
      { unitId: 'rsj', unitName: '市人社局', items: 2, handlingEnded: true },
    ]);
  });

  it('the font table names a fallback for each GB/T 9704 face', () => {
    const xml = fontTableXml();
    expect(xml).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(xml).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(xml).toContain('<w:font w:name="仿宋"><w:altName w:val="FangSong"/>');
  });
});

/**
 * 征求意见表 (Art. 11): the form that travels with the reply letter, on which the proposer says
 * how satisfied they are with the handling attitude and the result, whether and how they were
 * contacted, and what they think. Printed blank for the proposer to fill in by hand; the answer
 * given online (the proposer's own link) is filled in.
 */
import { AlignmentType, Document, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { A4_PAGE, FONTS, packDocx, SIZE, titleParagraph } from './docx-layout';
import { CATEGORY_LABEL, chineseDate, KIND_LABEL, SATISFACTION_LABEL } from './labels';

export interface FeedbackFormInput {
  number: string;
  kind: string;
  title: string;
  proposers: string;
  unitName: string;
  category: string;
  sentAt?: string;
  /** The answer already given online, if any. */
  answer?: { attitude: string; result: string; contact: string; comments?: string; at: string };
  feedbackMissing?: boolean;
}

const CONTACT_LABEL: Record<string, string> = { face_to_face: '当面沟通', phone: '电话', letter: '书面', visit: '座谈走访', none: '未联系' };
const SAT = ['satisfied', 'basically_satisfied', 'dissatisfied'];
const CONTACTS = ['face_to_face', 'phone', 'letter', 'visit', 'none'];

/** □/■ choices, the chosen one filled. */
const choices = (codes: readonly string[], labels: Record<string, string>, chosen?: string) => codes.map((c) => `${c === chosen ? '■' : '□'}${labels[c]}`).join('  ');

const cell = (text: string, widthPct: number, bold = false) =>
  new TableCell({
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    children: text.split('\n').map((t) => new Paragraph({ children: [new TextRun({ text: t, font: bold ? FONTS.heading : FONTS.body, size: SIZE.si })] })),
  });

export function feedbackFormDocx(f: FeedbackFormInput): Promise<Buffer> {
  const a = f.answer;
  const rows: [string, string][] = [
    ['编号', f.number],
    ['类别', KIND_LABEL[f.kind] ?? f.kind],
    ['标题', f.title],
    ['提出人', f.proposers],
    ['承办单位', f.unitName],
    ['答复类别', CATEGORY_LABEL[f.category] ?? f.category],
    ['答复日期', f.sentAt ? chineseDate(f.sentAt) : ''],
    ['对办理态度', choices(SAT, SATISFACTION_LABEL, a?.attitude)],
    ['对办理结果', choices(SAT, SATISFACTION_LABEL, a?.result)],
    ['承办单位是否联系及方式', choices(CONTACTS, CONTACT_LABEL, a?.contact)],
    ['意见和建议', a?.comments ?? (f.feedbackMissing ? '（逾期未反馈）' : '\n\n\n')],
    ['代表委员签名', a ? `（网上填报，${chineseDate(a.at)}）` : '\n\n年    月    日'],
  ];
  return packDocx(
    new Document({
      title: `征求意见表 ${f.number}`,
      sections: [
        {
          properties: { page: A4_PAGE },
          children: [
            titleParagraph('建议提案办理情况征求意见表'),
            new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map(([k, v]) => new TableRow({ children: [cell(k, 28, true), cell(v, 72)] })) }),
            new Paragraph({
              alignment: AlignmentType.LEFT,
              spacing: { before: 240 },
              children: [new TextRun({ text: '请于收到答复之日起一个月内填写并寄回承办单位；逾期未反馈的，不视为满意（第十一条）。', font: FONTS.body, size: SIZE.si })],
            }),
          ],
        },
      ],
    }),
  );
}

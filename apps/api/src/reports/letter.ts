/**
 * 答复函 (Art. 10): the reply as the formal letter that leaves the unit — GB/T 9704-2012 layout
 * (docx-layout.ts), with the category letter in the top right corner of the first page, the
 * issuing organ, the document number, the title, the addressee (the proposers), the text, the
 * signature and date, and the cc list (抄送).
 */
import { AlignmentType, Document, Paragraph, TextRun } from 'docx';
import { A4_PAGE, bodyParagraph, copyTo, emptyLine, FONTS, numberOverRedLine, organMark, packDocx, SIZE, titleParagraph } from './docx-layout';
import { documentNumber } from './document-numbers';
import { chineseDate, KIND_SHORT } from './labels';

export interface LetterInput {
  /** 发文机关: the unit's name. */
  organ: string;
  documentNumber: string;
  category: string;
  title: string;
  /** 主送: to whom, ending with the colon. */
  addressee: string;
  body: string;
  /** 署名 and date (YYYY-MM-DD or an instant). */
  signature: string;
  date: string;
  cc: readonly string[];
}

/** The item's number's own sequence: 2026-建议-0012 → 12. */
const sequenceOf = (number: string) => Number(/(\d+)\D*$/.exec(number)?.[1] ?? 0);

/** What a letter says, from the item and its reply (the number: the unit's prefix, the year, the item's own sequence). */
export function letterFor(item: {
  number: string;
  kind: string;
  sessionYear: number;
  title: string;
  proposers: { name: string }[];
  unitName: string;
  /** 发文机关代字 with 函 (document-numbers.ts). */
  numberPrefix: string;
  reply: { category: string; body: string; cc: readonly string[]; sentAt?: string; draftedAt: string };
}): LetterInput {
  const names = item.proposers.map((p) => p.name).join('、');
  // 建议 go to deputies (代表), 提案 to members (委员); a 建议案 is the CPPCC's own.
  const suffix = item.kind === 'npc_suggestion' ? '代表' : item.kind === 'cppcc_proposal' ? '委员' : '';
  return {
    organ: item.unitName,
    documentNumber: documentNumber(item.numberPrefix, item.sessionYear, sequenceOf(item.number)),
    category: item.reply.category,
    title: `对${item.number}号${KIND_SHORT[item.kind] ?? ''}《${item.title}》的答复`,
    addressee: `${names}${suffix}：`,
    body: item.reply.body,
    signature: item.unitName,
    date: item.reply.sentAt ?? item.reply.draftedAt,
    cc: item.reply.cc,
  };
}

export function replyLetterDocument(l: LetterInput): Document {
  const text = l.body.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  return new Document({
    creator: l.organ,
    // 份号、密级 are not used for these letters; 版头 → 主体 → 版记 as GB/T 9704 §7.
    title: l.title,
    sections: [
      {
        properties: { page: A4_PAGE },
        children: [
          // the category, top right of the first page (Art. 10)
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: l.category, font: FONTS.heading, size: SIZE.san, bold: true })] }),
          organMark(l.organ),
          numberOverRedLine(l.documentNumber),
          titleParagraph(l.title),
          bodyParagraph(l.addressee, { indent: false }),
          ...text.map((t) => bodyParagraph(t)),
          emptyLine(),
          bodyParagraph(l.signature, { align: 'right', indent: false }),
          bodyParagraph(chineseDate(l.date), { align: 'right', indent: false }),
          ...copyTo(l.cc),
        ],
      },
    ],
  });
}

export const replyLetterDocx = (l: LetterInput): Promise<Buffer> => packDocx(replyLetterDocument(l));

/**
 * 市政府正式文件 (Art. 9, 10) of a provincial or national item: the office's compilation of the
 * unit's accepted opinion, signed by the vice mayor, in the same layout as a letter — organ 市人民政府,
 * its number (given when compiled or sent; a draft leaves it blank), the category of the opinion
 * top right, to the proposers, cc 省人大选任联工委、省政府办公厅、省政协提案委.
 */
export function governmentDocumentFor(item: {
  governmentName: string;
  numberPrefix: string;
  sessionYear: number;
  kind: string;
  proposers: { name: string }[];
  category: string;
  document: { title: string; body: string; documentNumber?: string; cc?: readonly string[]; signedAt?: string; sentAt?: string; compiledAt: string };
  defaultCc: readonly string[];
}): LetterInput {
  const names = item.proposers.map((p) => p.name).join('、');
  const suffix = item.kind === 'npc_suggestion' ? '代表' : item.kind === 'cppcc_proposal' ? '委员' : '';
  const d = item.document;
  return {
    organ: item.governmentName,
    documentNumber: d.documentNumber ?? documentNumber(item.numberPrefix, item.sessionYear),
    category: item.category,
    title: d.title,
    addressee: `${names}${suffix}：`,
    body: d.body,
    signature: item.governmentName,
    date: d.sentAt ?? d.signedAt ?? d.compiledAt,
    cc: d.cc ?? item.defaultCc,
  };
}

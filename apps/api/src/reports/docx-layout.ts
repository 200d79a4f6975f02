/**
 * The GB/T 9704-2012 page (党政机关公文格式) for documents made with `docx`: A4, margins top 37 mm,
 * bottom 35 mm, left 28 mm, right 26 mm (版心 156 × 225 mm), 22 lines of 28 characters, title in
 * 方正小标宋简体 二号, text in 仿宋_GB2312 三号. Where a font is not installed, Word and WPS fall back
 * to the family named second (宋体 / 仿宋 / 黑体); Latin text is Times New Roman.
 */
import { AlignmentType, BorderStyle, Paragraph, TextRun, type IRunOptions } from 'docx';

const MM = 1440 / 25.4; // twips per millimetre
export const A4_PAGE = {
  size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
  margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
};

/** The font families (with the common fallback written as the complex-script / hint font). */
export const FONTS = {
  title: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: '宋体' },
  body: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: '仿宋' },
  heading: { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: '黑体' },
  kai: { eastAsia: '楷体_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: '楷体' },
} as const;

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE = { er: 44, san: 32, si: 28 } as const;
/** 22 lines on the 225 mm type area: exact line pitch ≈ 28.9 pt. */
const LINE = { line: 579, lineRule: 'exact' as const };

type Font = (typeof FONTS)[keyof typeof FONTS];
const run = (text: string, font: Font, size: number, extra: Partial<IRunOptions> = {}) => new TextRun({ text, font, size, ...extra });

export const titleParagraph = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 579, after: 579, line: 720, lineRule: 'exact' }, children: [run(text, FONTS.title, SIZE.er)] });

/** A body paragraph: 仿宋 三号, first line indented two characters. */
export const bodyParagraph = (text: string, opts: { indent?: boolean; align?: 'left' | 'right' | 'center'; font?: Font } = {}) =>
  new Paragraph({
    alignment: opts.align === 'right' ? AlignmentType.RIGHT : opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: LINE,
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    children: [run(text, opts.font ?? FONTS.body, SIZE.san)],
  });

export const headingParagraph = (text: string) =>
  new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(text, FONTS.heading, SIZE.san)] });

/** The issuing organ's mark (发文机关标志): red, centred, 小标宋. */
export const organMark = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(text, FONTS.title, 52, { color: 'FF0000' })] });

/** The document number over the red separator line (版头中的分隔线). */
export const numberOverRedLine = (documentNumber: string) =>
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: LINE,
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 4 } },
    children: [run(documentNumber, FONTS.body, SIZE.san)],
  });

/** 抄送 between two thin lines (版记), 四号 仿宋. */
export function copyTo(cc: readonly string[]): Paragraph[] {
  if (cc.length === 0) return [];
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 };
  return [
    new Paragraph({ spacing: { before: 1158 }, children: [] }),
    new Paragraph({
      border: { top: line, bottom: line },
      spacing: LINE,
      indent: { left: 280, right: 280 },
      children: [run(`抄送：${cc.join('，')}。`, FONTS.body, SIZE.si)],
    }),
  ];
}

export const emptyLine = () => new Paragraph({ spacing: LINE, children: [] });

/**
 * The GB/T 9704-2012 page (党政机关公文格式) for documents made with `docx`: A4, margins top 37 mm,
 * bottom 35 mm, left 28 mm, right 26 mm (版心 156 × 225 mm), 22 lines of 28 characters, title in
 * 方正小标宋简体 二号, text in 仿宋_GB2312 三号; Latin text is Times New Roman.
 *
 * Fallbacks: most machines outside government offices lack 方正小标宋简体 and 仿宋_GB2312. Each
 * document's font table (word/fontTable.xml, written by packDocx) names for every family an
 * alternative (w:altName: 宋体 / 仿宋 / 黑体 / 楷体) with the GB2312 charset and the serif / sans
 * family class, which Word and WPS use to pick a substitute; LibreOffice asks fontconfig, which the
 * test provisioning points at Noto Serif / Sans CJK SC (tests/fontconfig/fonts.conf). Chinese text
 * therefore renders everywhere, in the intended face where it is installed.
 */
import { AlignmentType, BorderStyle, Packer, Paragraph, TextRun, type Document, type IRunOptions } from 'docx';

const MM = 1440 / 25.4; // twips per millimetre
export const A4_PAGE = {
  size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
  margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
};

/** The font families of a run: Chinese in the GB/T 9704 face, Latin and digits in Times New Roman. */
export const FONTS = {
  title: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', hint: 'eastAsia' },
  body: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', hint: 'eastAsia' },
  heading: { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', hint: 'eastAsia' },
  kai: { eastAsia: '楷体_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', hint: 'eastAsia' },
} as const;

/**
 * Each family's substitute where it is missing (w:altName), its class (roman = serif, swiss = sans)
 * and charset 86 (GB2312): what Word and WPS match a substitute by. The same chain is written for
 * fontconfig in tests/fontconfig/fonts.conf (仿宋 → FangSong → STFangsong → Noto Serif CJK SC …).
 */
export const FONT_FALLBACKS: readonly { name: string; altName: string; family: 'roman' | 'swiss' | 'modern' }[] = [
  { name: '方正小标宋简体', altName: '宋体', family: 'roman' },
  { name: '仿宋_GB2312', altName: '仿宋', family: 'modern' },
  { name: '仿宋', altName: 'FangSong', family: 'modern' },
  { name: '黑体', altName: 'SimHei', family: 'swiss' },
  { name: '楷体_GB2312', altName: '楷体', family: 'modern' },
  { name: '宋体', altName: 'SimSun', family: 'roman' },
];

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** word/fontTable.xml with the fallbacks (the `docx` package writes only embedded fonts there). */
export function fontTableXml(): string {
  const fonts = FONT_FALLBACKS.map(
    (f) =>
      `<w:font w:name="${xmlEscape(f.name)}"><w:altName w:val="${xmlEscape(f.altName)}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="fixed"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
    '</w:fonts>'
  );
}

/** A GB/T 9704 document as .docx bytes, with the font table of the fallbacks. */
export const packDocx = (doc: Document): Promise<Buffer> => Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);

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

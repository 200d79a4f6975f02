/**
 * Reads an uploaded spreadsheet (.xlsx, or CSV in UTF-8 with or without BOM) into rows of cells,
 * each with the row number a spreadsheet program shows (1-based). Only the first sheet is read.
 */
import * as XLSX from '@e965/xlsx';
import { AppException } from '../../common/app-exception';

export type Cell = string | number | boolean | null;

export interface SheetRow {
  /** 1-based row number as shown by Excel / WPS (for CSV: the record number) */
  row: number;
  cells: Cell[];
}

export interface UploadedSpreadsheet {
  originalname?: string;
  buffer: Buffer;
}

/** Data rows accepted in one file (a session brings hundreds to thousands of items; a national chamber ~15,000 a year). */
export const MAX_IMPORT_ROWS = 10_000;
/** Rows read at most (SheetJS stops there): the limit, the header and blank rows in between. */
const SHEET_ROWS = MAX_IMPORT_ROWS + 1000;
/** Refuse an .xlsx whose parts would inflate beyond this (a "zip bomb"). */
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

export const unsupportedFile = (message: string) => new AppException(400, 'IMPORT_UNSUPPORTED_FILE', message);
export const emptyImport = (message = '文件中没有可导入的数据行（第 1 行为表头，数据自第 2 行起）') =>
  new AppException(400, 'IMPORT_EMPTY', message);

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (buf: Buffer, magic: number[]) => buf.length >= magic.length && magic.every((b, i) => buf[i] === b);

/**
 * Sum of the uncompressed sizes in a ZIP's central directory, or undefined when it cannot be
 * read (SheetJS then reports the file as corrupt). ZIP64 sizes count as "too large".
 */
export function unzippedSize(buf: Buffer): number | undefined {
  const EOCD = 0x06054b50;
  const CDH = 0x02014b50;
  const from = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) !== EOCD) continue;
    const count = buf.readUInt16LE(i + 10);
    let p = buf.readUInt32LE(i + 16);
    let total = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== CDH) return undefined;
      const size = buf.readUInt32LE(p + 24);
      if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
      total += size;
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return total;
  }
  return undefined;
}

/** CSV bytes → text: UTF-8 (BOM stripped); GB18030 (Excel's "CSV" on Chinese Windows) as a fallback. */
export function decodeCsv(buf: Buffer): string {
  if (buf.includes(0)) throw unsupportedFile('无法识别的文件：请上传 .xlsx 或 UTF-8 编码的 .csv 文件');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(buf);
    } catch {
      throw unsupportedFile('CSV 文件须为 UTF-8 编码（在 Excel 中“另存为 CSV UTF-8”）');
    }
  }
  return text.replace(/^\ufeff/, '');
}

const extOf = (name?: string) => /\.([^./\\]+)$/.exec(name ?? '')?.[1]?.toLowerCase();

function normalizeCell(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * The rows of the first sheet (blank rows left out), or a 400 for a file that is not a readable
 * .xlsx / .csv. Decides by content, not by name: a `.csv` that is really an .xlsx is read as one.
 */
export function readSpreadsheet(file: UploadedSpreadsheet): SheetRow[] {
  const buf = file.buffer;
  const ext = extOf(file.originalname);
  if (ext && !['xlsx', 'csv', 'txt'].includes(ext)) {
    throw unsupportedFile(`不支持 .${ext} 文件：请上传 .xlsx 或 .csv 文件`);
  }
  if (!buf || buf.length === 0) throw emptyImport('上传的文件是空的');
  if (startsWith(buf, CFB_MAGIC)) throw unsupportedFile('不支持旧版 .xls 文件：请在 Excel / WPS 中另存为 .xlsx 后上传');

  const opts: XLSX.ParsingOptions = {
    // room for the header and some blank rows beyond the limit, so "too many rows" can be told
    sheetRows: SHEET_ROWS,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    cellText: false,
    bookVBA: false,
    raw: true,
  };
  let wb: XLSX.WorkBook;
  try {
    if (startsWith(buf, ZIP_MAGIC)) {
      const size = unzippedSize(buf);
      if (size !== undefined && size > MAX_UNZIPPED_BYTES) throw unsupportedFile('文件解压后过大，无法导入');
      wb = XLSX.read(buf, { ...opts, type: 'buffer' });
    } else {
      wb = XLSX.read(decodeCsv(buf), { ...opts, type: 'string' });
    }
  } catch (e) {
    if (e instanceof AppException) throw e;
    throw unsupportedFile('无法读取文件：请上传有效的 .xlsx 或 .csv 文件');
  }
  const name = wb.SheetNames[0];
  const ws = name === undefined ? undefined : wb.Sheets[name];
  if (!ws || !ws['!ref']) throw emptyImport('文件中没有数据');
  const read = XLSX.utils.decode_range(ws['!ref']);
  const full = ws['!fullref'] ? XLSX.utils.decode_range(ws['!fullref']) : read;
  const matrix = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
  const rows: SheetRow[] = [];
  matrix.forEach((values, i) => {
    const cells = (values ?? []).map(normalizeCell);
    if (cells.some((c) => c !== null)) rows.push({ row: read.s.r + i + 1, cells });
  });
  // cut off by sheetRows (an .xlsx tells its full size; a CSV just stops there), or simply too many
  const truncated = full.e.r + 1 > SHEET_ROWS || read.e.r + 1 >= SHEET_ROWS;
  if (truncated || rows.length > MAX_IMPORT_ROWS + 1) {
    throw new AppException(400, 'IMPORT_TOO_MANY_ROWS', `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入`, { maxRows: MAX_IMPORT_ROWS });
  }
  return rows;
}

/**
 * Sheet rows → register bodies, checked with the same rules as a single registration
 * (RegisterProposalDto + class-validator), every problem named by row, column and field.
 */
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { PROPOSAL_KINDS, PROPOSAL_LEVELS, SESSION_PERIODS } from '@jyta/proposal-domain';
import { flattenValidationErrors } from '../../common/validation';
import { RegisterProposalDto } from '../dto/register.dto';
import {
  columnFor,
  FALSE_WORDS,
  IMPORT_COLUMNS,
  KIND_LABELS,
  LEVEL_LABELS,
  LIST_SEPARATOR,
  normalizeHeader,
  PERIOD_LABELS,
  TRUE_WORDS,
  type ColumnKey,
  type ImportColumn,
} from './columns';
import { emptyImport, type Cell, type SheetRow } from './spreadsheet';

export interface RowError {
  /** spreadsheet row number (the header is row 1) */
  row: number;
  /** the column's header as written in the file */
  column: string;
  /** the register field, e.g. `kind`, `proposers.1.phone` */
  field: string;
  message: string;
}

export interface ParsedRow {
  row: number;
  dto: RegisterProposalDto;
}

export interface ParsedSheet {
  rows: ParsedRow[];
  errors: RowError[];
  /** headers that name no import column (left out, e.g. 序号) */
  ignoredColumns: string[];
}

/** The same options as the global ValidationPipe (createValidationPipe). */
const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const;

interface BoundColumn {
  column: ImportColumn;
  index: number;
  /** the header as written */
  text: string;
}

const textOf = (c: Cell): string | undefined => {
  if (c === null) return undefined;
  const s = String(c).trim();
  return s === '' ? undefined : s;
};

function codeOf<T extends string>(text: string, labels: Record<string, T>, codes: readonly T[]): T | undefined {
  const t = normalizeHeader(text);
  if (Object.hasOwn(labels, t)) return labels[t];
  return codes.find((c) => c.toLowerCase() === t);
}

function flagOf(c: Cell): boolean | undefined {
  if (typeof c === 'boolean') return c;
  if (c === 1 || c === 0) return c === 1;
  const t = textOf(c)?.toLowerCase();
  if (t === undefined) return undefined;
  if (TRUE_WORDS.includes(t)) return true;
  if (FALSE_WORDS.includes(t)) return false;
  return undefined;
}

function yearOf(c: Cell): number | undefined {
  if (typeof c === 'number') return Number.isInteger(c) ? c : undefined;
  const m = /^(\d{4})\s*年?$/.exec(textOf(c) ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The register field a validation path belongs to, as an import column. */
function columnKeyOfField(field: string): ColumnKey | undefined {
  const [top, , sub] = field.split('.');
  if (top === 'proposers') {
    if (sub === 'delegation' || sub === 'phone' || sub === 'address' || sub === 'username') return sub;
    return 'proposers';
  }
  return IMPORT_COLUMNS.find((c) => c.key === top)?.key;
}

/** Binds the header row; missing required and doubled columns are errors of row `header.row`. */
function bindHeader(header: SheetRow): { bound: Map<ColumnKey, BoundColumn>; errors: RowError[]; ignored: string[] } {
  const bound = new Map<ColumnKey, BoundColumn>();
  const errors: RowError[] = [];
  const ignored: string[] = [];
  header.cells.forEach((cell, index) => {
    const text = textOf(cell);
    if (text === undefined) return;
    const column = columnFor(text);
    if (!column) {
      ignored.push(text);
      return;
    }
    const first = bound.get(column.key);
    if (first) {
      errors.push({ row: header.row, column: text, field: column.key, message: `列“${text}”与列“${first.text}”重复` });
      return;
    }
    bound.set(column.key, { column, index, text });
  });
  for (const c of IMPORT_COLUMNS) {
    if (c.required && !bound.has(c.key)) {
      errors.push({ row: header.row, column: c.header, field: c.key, message: `缺少必填列“${c.header}”（或 ${c.key}）` });
    }
  }
  return { bound, errors, ignored };
}

/** One data row → the register body (plain) and its parsing errors. */
function readRow(sheetRow: SheetRow, bound: Map<ColumnKey, BoundColumn>) {
  const errors: RowError[] = [];
  const body: Record<string, unknown> = {};
  const cell = (key: ColumnKey): Cell => {
    const b = bound.get(key);
    return b ? (sheetRow.cells[b.index] ?? null) : null;
  };
  const fail = (key: ColumnKey, message: string, field: string = key) =>
    errors.push({ row: sheetRow.row, column: bound.get(key)?.text ?? IMPORT_COLUMNS.find((c) => c.key === key)!.header, field, message });
  const colName = (key: ColumnKey) => bound.get(key)?.text ?? key;
  const required = (key: ColumnKey): string | undefined => {
    const t = textOf(cell(key));
    if (t === undefined) fail(key, `${colName(key)}为必填项`);
    return t;
  };

  const enumField = <T extends string>(key: ColumnKey, labels: Record<string, T>, codes: readonly T[], hint: string) => {
    const t = required(key);
    if (t === undefined) return;
    const code = codeOf(t, labels, codes);
    if (code) body[key] = code;
    else fail(key, `${colName(key)}“${t}”无效，须为 ${hint}`);
  };
  enumField('kind', KIND_LABELS, PROPOSAL_KINDS, '人大代表建议 / 政协委员提案 / 政协建议案');
  enumField('level', LEVEL_LABELS, PROPOSAL_LEVELS, '本级 / 省级 / 全国');
  enumField('period', PERIOD_LABELS, SESSION_PERIODS, '会议期间 / 闭会期间');

  if (required('sessionYear') !== undefined) {
    const year = yearOf(cell('sessionYear'));
    if (year === undefined) fail('sessionYear', `${colName('sessionYear')}须为四位年份，如 2026`);
    else body.sessionYear = year;
  }
  for (const key of ['title', 'content'] as const) {
    const t = required(key);
    if (t !== undefined) body[key] = t;
  }
  const topic = textOf(cell('topic'));
  if (topic !== undefined) body.topic = topic;

  const names = (textOf(cell('proposers')) ?? '')
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) fail('proposers', `${colName('proposers')}为必填项`);
  const proposers: Record<string, string>[] = names.map((name) => ({ name }));
  for (const key of ['delegation', 'phone', 'address', 'username'] as const) {
    const t = textOf(cell(key));
    if (t === undefined || names.length === 0) continue;
    const parts = t.split(LIST_SEPARATOR).map((s) => s.trim());
    if (names.length > 1 && parts.length === names.length) {
      parts.forEach((p, i) => {
        if (p) proposers[i][key] = p;
      });
    } else if (parts.length === 1 || names.length === 1) {
      // one value: the delegation of all who signed; personal details of the lead proposer (领衔人)
      if (key === 'delegation') for (const p of proposers) p[key] = t;
      else proposers[0][key] = t;
    } else {
      fail(key, `${colName(key)}有 ${parts.length} 项，与 ${names.length} 位提出人不一致（以 、 或 ; 分隔，一一对应）`);
    }
  }
  if (names.length) body.proposers = proposers;

  for (const key of ['key', 'major', 'urgent'] as const) {
    const c = cell(key);
    if (textOf(c) === undefined) continue;
    const flag = flagOf(c);
    if (flag === undefined) fail(key, `${colName(key)}须为 是 或 否（true / false、1 / 0）`);
    else body[key] = flag;
  }
  return { body, errors };
}

/**
 * Parses and validates every data row. Throws IMPORT_EMPTY when there is no header or no data
 * row; otherwise answers the rows and all errors found (the caller registers nothing if any).
 */
export async function parseImport(sheet: SheetRow[]): Promise<ParsedSheet> {
  const [header, ...rest] = sheet;
  if (!header) throw emptyImport('文件中没有数据（第 1 行须为表头）');
  const { bound, errors, ignored } = bindHeader(header);
  if (errors.length) return { rows: [], errors, ignoredColumns: ignored };

  // A row with text only in ignored columns (e.g. a pre-numbered 序号) counts as blank.
  const dataRows = rest.filter((r) => [...bound.values()].some((b) => textOf(r.cells[b.index] ?? null) !== undefined));
  if (dataRows.length === 0) throw emptyImport();

  const rows: ParsedRow[] = [];
  for (const sheetRow of dataRows) {
    const { body, errors: rowErrors } = readRow(sheetRow, bound);
    const dto = plainToInstance(RegisterProposalDto, body);
    const failed = new Set(rowErrors.map((e) => columnKeyOfField(e.field)));
    for (const f of flattenValidationErrors(await validate(dto, VALIDATOR_OPTIONS))) {
      const key = columnKeyOfField(f.field);
      if (key && failed.has(key)) continue; // already told in the sheet's terms
      const b = key ? bound.get(key) : undefined;
      const column = b?.text ?? (key ? IMPORT_COLUMNS.find((c) => c.key === key)!.header : '');
      // The register DTO calls the topic 类别; in a sheet 类别 is the kind.
      const message = key === 'topic' ? f.errors[0].replace(/^类别/, '主题') : f.errors[0];
      rowErrors.push({ row: sheetRow.row, column, field: f.field, message });
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else rows.push({ row: sheetRow.row, dto });
  }
  return { rows, errors, ignoredColumns: ignored };
}

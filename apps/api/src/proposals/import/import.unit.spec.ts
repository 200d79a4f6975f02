import * as XLSX from '@e965/xlsx';
import { AppException } from '../../common/app-exception';
import { mapSettled } from './concurrency';
import { columnFor, columnsMarkdown } from './columns';
import { parseImport } from './parse-rows';
import { decodeCsv, MAX_IMPORT_ROWS, readSpreadsheet, unzippedSize } from './spreadsheet';

const HEADER = ['类别', '级别', '届次年份', '提出时间', '标题', '内容', '主题', '提出人', '代表团或界别', '联系电话', '地址', '账号', '重点', '重大', '急办'];
const good = (over: Partial<Record<string, string>> = {}) => {
  const row: Record<string, string> = {
    类别: '人大代表建议',
    级别: '本级',
    届次年份: '2026',
    提出时间: '会议期间',
    标题: '关于推进老旧小区加装电梯的建议',
    内容: '建议加快审批。',
    主题: '城乡建设',
    提出人: '张三',
    代表团或界别: '金水区代表团',
    联系电话: '13800000000',
    地址: '',
    账号: 'deputy-1',
    重点: '是',
    重大: '否',
    急办: '',
    ...over,
  };
  return HEADER.map((h) => row[h]);
};
const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][], bom = true) => Buffer.from((bom ? '\ufeff' : '') + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');
const xlsx = (rows: unknown[][]) => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '建议');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
};
const parse = (buffer: Buffer, originalname = 'items.csv') => parseImport(readSpreadsheet({ buffer, originalname }));
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as AppException).getResponse() as { code: string };
  }
  throw new Error('expected an exception');
};

describe('reading files', () => {
  it('reads UTF-8 CSV with and without BOM, and keeps row numbers across blank rows', async () => {
    for (const bom of [true, false]) {
      const buf = csv([HEADER, good(), HEADER.map(() => ''), good({ 标题: '第二件', 提出人: '李四、王五', 联系电话: '139;137' })], bom);
      const { rows, errors } = await parse(buf);
      expect(errors).toEqual([]);
      expect(rows.map((r) => r.row)).toEqual([2, 4]);
      expect(rows[0].dto).toMatchObject({ kind: 'npc_suggestion', level: 'municipal', sessionYear: 2026, period: 'plenary', key: true, major: false });
      expect(rows[0].dto.urgent).toBeUndefined();
      expect(JSON.parse(JSON.stringify(rows[1].dto.proposers))).toEqual([
        { name: '李四', delegation: '金水区代表团', phone: '139', username: 'deputy-1' },
        { name: '王五', delegation: '金水区代表团', phone: '137' },
      ]);
    }
  });

  it('decodes GB18030 CSV (Excel "CSV" on Chinese Windows) when it is not UTF-8', () => {
    expect(decodeCsv(Buffer.from([0xc0, 0xe0, 0xb1, 0xf0, 0x2c, 0x61]))).toBe('类别,a');
    expect(decodeCsv(Buffer.from('\ufeff类别,a'))).toBe('类别,a');
  });

  it('reads xlsx with numbers and booleans in cells', async () => {
    const rows = [HEADER, [...good().slice(0, 2), 2026, ...good().slice(3, 9), 13800000000, '', 'deputy-1', true, 0, 'false']];
    const parsed = await parse(xlsx(rows), 'a.xlsx');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0].dto).toMatchObject({ sessionYear: 2026, key: true, major: false, urgent: false });
    expect(parsed.rows[0].dto.proposers[0].phone).toBe('13800000000');
  });

  it('refuses empty, header-only, unknown and oversized files', async () => {
    expect(codeOf(() => readSpreadsheet({ buffer: Buffer.alloc(0), originalname: 'a.csv' })).code).toBe('IMPORT_EMPTY');
    await expect(parse(csv([HEADER]))).rejects.toMatchObject({ response: { code: 'IMPORT_EMPTY' } });
    await expect(parse(csv([HEADER, ['', '', '']]))).rejects.toMatchObject({ response: { code: 'IMPORT_EMPTY' } });
    expect(codeOf(() => readSpreadsheet({ buffer: Buffer.from('x'), originalname: 'a.pdf' })).code).toBe('IMPORT_UNSUPPORTED_FILE');
    expect(codeOf(() => readSpreadsheet({ buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), originalname: 'a.xls' })).code).toBe(
      'IMPORT_UNSUPPORTED_FILE',
    );
    expect(codeOf(() => readSpreadsheet({ buffer: Buffer.from('PK\x03\x04garbage'), originalname: 'a.xlsx' })).code).toBe('IMPORT_UNSUPPORTED_FILE');
    const many = [HEADER, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => good())];
    expect(codeOf(() => readSpreadsheet({ buffer: csv(many), originalname: 'a.csv' })).code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(codeOf(() => readSpreadsheet({ buffer: xlsx(many), originalname: 'a.xlsx' })).code).toBe('IMPORT_TOO_MANY_ROWS');
    // Fewer rows than the limit, but spread over more lines than are read (blank lines in between).
    const spaced = [HEADER, ...Array.from({ length: MAX_IMPORT_ROWS + 2000 }, (_, i) => (i % 3 ? [] : good()))];
    expect(codeOf(() => readSpreadsheet({ buffer: csv(spaced.map((r) => (r.length ? r : ['']))), originalname: 'a.csv' })).code).toBe(
      'IMPORT_TOO_MANY_ROWS',
    );
    expect((await parse(csv([HEADER, ...Array.from({ length: MAX_IMPORT_ROWS }, () => good())]))).rows).toHaveLength(MAX_IMPORT_ROWS);
  });

  it('sums the uncompressed sizes of an xlsx', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(Array.from({ length: 200 }, () => good())), 's');
    const buf = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
    expect(unzippedSize(buf)).toBeGreaterThan(buf.length * 2);
    expect(unzippedSize(Buffer.from('not a zip at all, not at all'))).toBeUndefined();
  });
});

describe('rows → register bodies', () => {
  it('accepts English keys and codes, headers with marks, in any order, ignoring unknown columns', async () => {
    const buf = csv(
      [
        ['序号', 'Title', 'kind*', 'level', 'sessionYear', 'period', 'content', 'proposers', 'urgent（是/否）'],
        ['1', 'T', 'cppcc_proposal', 'provincial', '2026年', 'interim', 'C', '民盟郑州市委员会', 'Y'],
      ],
      false,
    );
    const { rows, errors, ignoredColumns } = await parse(buf);
    expect(errors).toEqual([]);
    expect(ignoredColumns).toEqual(['序号']);
    expect(rows[0].dto).toMatchObject({ title: 'T', kind: 'cppcc_proposal', level: 'provincial', sessionYear: 2026, period: 'interim', urgent: true });
  });

  it('names row, column as written and field for every problem, in the sheet terms', async () => {
    const buf = csv([
      HEADER,
      good(),
      good({ 类别: '请愿' }),
      good({ 标题: '', 届次年份: '明年', 重点: '也许' }),
      good({ 提出人: '甲、乙、丙', 联系电话: '1;2' }),
      good({ 标题: 'x'.repeat(201), 主题: 'y'.repeat(51) }),
    ]);
    const { rows, errors } = await parse(buf);
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(errors.map(({ row, column, field }) => [row, column, field])).toEqual([
      [3, '类别', 'kind'],
      [4, '届次年份', 'sessionYear'],
      [4, '标题', 'title'],
      [4, '重点', 'key'],
      [5, '联系电话', 'phone'],
      [6, '标题', 'title'],
      [6, '主题', 'topic'],
    ]);
    expect(errors[0].message).toContain('请愿');
    expect(errors[2].message).toBe('标题为必填项');
    expect(errors[6].message).toBe('主题不能超过 50 字');
  });

  it('reports missing required and doubled columns on the header row', async () => {
    const { errors, rows } = await parse(csv([['类别', '类别', '标题'], ['人大代表建议', '人大代表建议', 't']]));
    expect(rows).toEqual([]);
    expect(errors[0]).toMatchObject({ row: 1, column: '类别', field: 'kind' });
    expect(errors.map((e) => e.field)).toEqual(['kind', 'level', 'sessionYear', 'period', 'content', 'proposers']);
  });

  it('knows its columns', () => {
    expect(columnFor(' 标 题 ')?.key).toBe('title');
    expect(columnFor('PROPOSERS')?.key).toBe('proposers');
    expect(columnsMarkdown()).toContain('| 类别 | `kind` | 是 |');
  });
});

describe('mapSettled', () => {
  it('keeps order, bounds concurrency and settles every item', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapSettled([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5 * (8 - n)));
      running--;
      if (n === 4) throw new Error('four');
      return n * 2;
    });
    expect(peak).toBe(3);
    expect(out.map((r) => (r.status === 'fulfilled' ? r.value : 'x'))).toEqual([2, 4, 6, 'x', 10, 12, 14]);
  });
});

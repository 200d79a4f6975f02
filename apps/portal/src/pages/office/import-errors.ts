/** What an import's error answer tells, as rows for the errors table (Chinese, from the API). */
import { ApiError } from '../../api/client';

export interface ImportErrorRow {
  key: string;
  row: number;
  column: string;
  message: string;
}

/**
 * IMPORT_INVALID lists every wrong cell (details.rows: {row, column, field, message}); an import cut
 * short (IMPORT_INCOMPLETE) lists the rows not registered (details.failed: {row, message}).
 */
export function importErrorRows(error: unknown): { rows: ImportErrorRow[]; total: number } {
  if (!(error instanceof ApiError)) return { rows: [], total: 0 };
  const d = (error.details ?? {}) as {
    rows?: { row: number; column: string; message: string }[];
    total?: number;
    failed?: { row: number; message: string }[];
  };
  if (Array.isArray(d.rows)) {
    const rows = d.rows.map((r, i) => ({ key: `${i}`, row: r.row, column: r.column || '—', message: r.message }));
    return { rows, total: typeof d.total === 'number' ? d.total : rows.length };
  }
  if (Array.isArray(d.failed)) {
    const rows = d.failed.map((r, i) => ({ key: `${i}`, row: r.row, column: '—', message: r.message }));
    return { rows, total: rows.length };
  }
  return { rows: [], total: 0 };
}

/** The progress bar's percent and words for a progress answer. */
export function progressView(p: { phase: string; total: number; done: number } | undefined): { percent: number; text: string } {
  if (!p || p.phase === 'pending') return { percent: 0, text: '正在上传文件…' };
  if (p.phase === 'validating') return { percent: 0, text: '正在校验各行…' };
  const percent = p.total ? Math.floor((p.done / p.total) * 100) : 0;
  if (p.phase === 'registering') return { percent, text: `正在登记：${p.done} / ${p.total} 行` };
  if (p.phase === 'done') return { percent: 100, text: `登记完成：${p.done} / ${p.total} 行` };
  return { percent, text: '导入未完成' };
}

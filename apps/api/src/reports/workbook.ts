import * as XLSX from '@e965/xlsx';

/** An .xlsx of named sheets, each a header row and data rows (what the clerks open in WPS/Excel). */
export function workbook(sheets: { name: string; rows: (string | number | null)[][]; widths?: number[] }[]): Buffer {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    if (s.widths) ws['!cols'] = s.widths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** Dates as people in the office write them: 2026年11月27日, in Shanghai time whatever the browser's zone. */
const TZ = 'Asia/Shanghai';

/** YYYY-MM-DD of an instant in Shanghai. */
export function shanghaiDay(instant: Date | string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** '2026-11-27' or an ISO instant → '2026年11月27日'; empty → '—'. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : shanghaiDay(value);
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An instant → '2026年11月27日 14:05'. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const t = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(value));
  return `${formatDate(value)} ${t}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** '2026-12' → '2026年12月'. */
export function formatMonth(value: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return m ? `${Number(m[1])}年${Number(m[2])}月` : value;
}

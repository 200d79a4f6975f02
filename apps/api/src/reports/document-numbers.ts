/**
 * 发文字号 (GB/T 9704-2012 §7.2.4: 发文机关代字〔年份〕序号号). The organ's code (代字) is
 * configuration, not something to derive from a name: each unit has its own registered code
 * (e.g. 人社局 → 某人社函), and the government's documents their own (某政文). Set them with
 * DOCUMENT_NUMBER_PREFIXES, a JSON object from unit code to prefix, plus the keys `government`
 * (市政府正式文件 and the annual report) — e.g. {"rsj":"郑人社函","government":"郑政文"}. A unit
 * without one writes `<unit name>函`, the government `市政府文`, which a clerk corrects by hand.
 * Read once when the API starts; a malformed value stops the start with this message.
 */
export interface DocumentNumberConfig {
  prefixes: Readonly<Record<string, string>>;
  /** 发文机关 of the government's documents (GOVERNMENT_NAME, default 市人民政府). */
  governmentName: string;
}

export function documentNumberConfigFromEnv(env: Record<string, string | undefined> = process.env): DocumentNumberConfig {
  const governmentName = env.GOVERNMENT_NAME?.trim() || '市人民政府';
  const raw = env.DOCUMENT_NUMBER_PREFIXES?.trim();
  if (!raw) return { prefixes: {}, governmentName };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('DOCUMENT_NUMBER_PREFIXES must be a JSON object of unit code → prefix, e.g. {"rsj":"郑人社函"}');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string' || !v.trim())) {
    throw new Error('DOCUMENT_NUMBER_PREFIXES must map each key to a non-empty string');
  }
  return { prefixes: parsed as Record<string, string>, governmentName };
}

/** The unit's letter prefix (代字 + 函). */
export const letterPrefix = (c: DocumentNumberConfig, unitId: string, unitName: string) => c.prefixes[unitId] ?? `${unitName}函`;
/** The government's prefix (市政府正式文件, the annual report and notice). */
export const governmentPrefix = (c: DocumentNumberConfig) => c.prefixes.government ?? '市政府文';
/** 代字〔年份〕序号号; a draft without its number yet leaves the sequence blank for the clerk. */
export const documentNumber = (prefix: string, year: number, sequence?: number) => `${prefix}〔${year}〕${sequence ? sequence : '　　'}号`;

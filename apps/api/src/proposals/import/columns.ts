/**
 * The columns of an import sheet: Chinese headers (as on the office's registration forms), the
 * English keys of the register body accepted too, and how a cell's text maps to the register
 * shape (SPEC §10). One table drives parsing, error messages and the Swagger description.
 */
import type { ProposalKind, ProposalLevel, SessionPeriod } from '@jyta/proposal-domain';

export type ColumnKey =
  | 'kind'
  | 'level'
  | 'sessionYear'
  | 'period'
  | 'title'
  | 'content'
  | 'topic'
  | 'proposers'
  | 'delegation'
  | 'phone'
  | 'address'
  | 'username'
  | 'key'
  | 'major'
  | 'urgent';

export interface ImportColumn {
  key: ColumnKey;
  /** the header of the template */
  header: string;
  /** other spellings accepted (English keys, common variants) */
  aliases: string[];
  required: boolean;
  /** what goes in the cell (Swagger) */
  help: string;
}

export const KIND_LABELS: Record<string, ProposalKind> = {
  人大代表建议: 'npc_suggestion',
  代表建议: 'npc_suggestion',
  人大建议: 'npc_suggestion',
  建议: 'npc_suggestion',
  政协委员提案: 'cppcc_proposal',
  委员提案: 'cppcc_proposal',
  政协提案: 'cppcc_proposal',
  提案: 'cppcc_proposal',
  政协建议案: 'cppcc_recommendation',
  建议案: 'cppcc_recommendation',
};

export const LEVEL_LABELS: Record<string, ProposalLevel> = {
  本级: 'municipal',
  市级: 'municipal',
  省级: 'provincial',
  省级交办: 'provincial',
  全国: 'national',
  全国级: 'national',
  全国交办: 'national',
};

export const PERIOD_LABELS: Record<string, SessionPeriod> = {
  会议期间: 'plenary',
  大会期间: 'plenary',
  闭会期间: 'interim',
};

export const TRUE_WORDS = ['是', 'true', '1', 'yes', 'y', '√'];
export const FALSE_WORDS = ['否', 'false', '0', 'no', 'n'];

/** Several proposers (联名) and their details are separated by 、 or ; (also ； and line breaks). */
export const LIST_SEPARATOR = /[、;；\r\n]/;

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'kind', header: '类别', aliases: ['kind'], required: true, help: '人大代表建议 / 政协委员提案 / 政协建议案（或 npc_suggestion / cppcc_proposal / cppcc_recommendation）' },
  { key: 'level', header: '级别', aliases: ['level'], required: true, help: '本级 / 省级 / 全国（或 municipal / provincial / national）' },
  { key: 'sessionYear', header: '届次年份', aliases: ['sessionYear', '年份', '年度'], required: true, help: '四位年份，如 2026' },
  { key: 'period', header: '提出时间', aliases: ['period'], required: true, help: '会议期间 / 闭会期间（或 plenary / interim）' },
  { key: 'title', header: '标题', aliases: ['title'], required: true, help: '不超过 200 字' },
  { key: 'content', header: '内容', aliases: ['content', '正文'], required: true, help: '正文' },
  { key: 'topic', header: '主题', aliases: ['topic'], required: false, help: '如 教育、医疗、交通（不超过 50 字）' },
  { key: 'proposers', header: '提出人', aliases: ['proposers', 'proposer'], required: true, help: '联名时以 、 或 ; 分隔，第一位为领衔人' },
  { key: 'delegation', header: '代表团或界别', aliases: ['delegation', '代表团', '界别'], required: false, help: '一项时适用于全部提出人；多项时以 、 或 ; 分隔，与提出人一一对应' },
  { key: 'phone', header: '联系电话', aliases: ['phone', '电话'], required: false, help: '一项时属领衔人；多项时与提出人一一对应' },
  { key: 'address', header: '地址', aliases: ['address', '通讯地址'], required: false, help: '一项时属领衔人；多项时与提出人一一对应' },
  { key: 'username', header: '账号', aliases: ['username'], required: false, help: '代表 / 委员的系统账号；一项时属领衔人；多项时与提出人一一对应' },
  { key: 'key', header: '重点', aliases: ['key'], required: false, help: '是 / 否（true / false、1 / 0），空为否' },
  { key: 'major', header: '重大', aliases: ['major'], required: false, help: '是 / 否，空为否；重大事项须分管领导阅批后交办' },
  { key: 'urgent', header: '急办', aliases: ['urgent'], required: false, help: '是 / 否，空为否' },
];

/** `类别*`, ` 标题（必填）`, `Title` → the comparable spelling. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/[*＊]+$/, '')
    .replace(/^[*＊]+/, '')
    .toLowerCase();
}

const BY_HEADER = new Map<string, ImportColumn>();
for (const c of IMPORT_COLUMNS) {
  for (const h of [c.header, ...c.aliases]) BY_HEADER.set(normalizeHeader(h), c);
}

export const columnFor = (header: string): ImportColumn | undefined => BY_HEADER.get(normalizeHeader(header));

export const columnOf = (key: ColumnKey): ImportColumn => IMPORT_COLUMNS.find((c) => c.key === key)!;

/** A markdown table of the columns, for the OpenAPI description. */
export function columnsMarkdown(): string {
  const rows = IMPORT_COLUMNS.map(
    (c) => `| ${c.header} | \`${c.key}\` | ${c.required ? '是' : ''} | ${c.help} |`,
  );
  return ['| 表头 | 英文键 | 必填 | 填写说明 |', '|---|---|---|---|', ...rows].join('\n');
}

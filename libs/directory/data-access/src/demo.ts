/**
 * Demo directory (SPEC §11): the 12 real handling units of the seeds with stable codes, and the
 * demo accounts — all people FICTIONAL. Loaded by the API on an empty database outside production.
 */
import { withTransaction } from '@jyta/db';
import type pg from 'pg';
import { hashPassword } from './directory';
import type { Chamber, Role } from './roles';

export interface DemoUnit {
  code: string;
  name: string;
  kind: 'department' | 'organization';
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  { code: 'rsj', name: '市人社局', kind: 'department' },
  { code: 'jyj', name: '市教育局', kind: 'department' },
  { code: 'wjw', name: '市卫健委', kind: 'department' },
  { code: 'jtj', name: '市交通局', kind: 'department' },
  { code: 'cjj', name: '市城建局', kind: 'department' },
  { code: 'sthjj', name: '市生态环境局', kind: 'department' },
  { code: 'zfbzj', name: '市住房保障局', kind: 'department' },
  { code: 'czj', name: '市财政局', kind: 'department' },
  { code: 'mzj', name: '市民政局', kind: 'department' },
  { code: 'fgw', name: '市发展改革委', kind: 'department' },
  { code: 'cl', name: '市残联', kind: 'organization' },
  { code: 'zygh', name: '市资源规划局', kind: 'department' },
];

export interface DemoAccount {
  username: string;
  role: Role;
  unitId: string | null;
  displayName: string;
  chamber: Chamber | null;
}

/** Fictional names, one per account, in the order the accounts are listed below. */
const NAMES = [
  '周慕远', '韩知秋', '程一帆', '宋闻溪', '顾南星', '邵青岚', '陆启航', // staff and vice mayors
  '白若溪', '向晨阳', '蒋书远', '林雨桐', '方景行', '苏望舒', '孟清和', '杜映川', // unit handlers and leaders …
  '许明澈', '葛亦凡', '温廷远', '柏子衿', '潘知行', '秦晚晴', '钟见山', '叶嘉树',
  '唐可期', '夏沐阳', '乔语冰', '范承宇', '贺思齐', '冉秋白', '石予安', '姚星河',
  '严若水', '沈默言', '黎向暖', '何以宁', '谢长风', '罗映雪', '郝清远', '庄沐晨', '尹方舟', '屈怀瑾', // … and proposers
];

function buildAccounts(): DemoAccount[] {
  const names = [...NAMES];
  const next = () => {
    const n = names.shift();
    if (!n) throw new Error('not enough demo names');
    return n;
  };
  const accounts: DemoAccount[] = [
    { username: 'admin', role: 'admin', unitId: null, displayName: next(), chamber: null },
    { username: 'office', role: 'office', unitId: null, displayName: next(), chamber: null },
    { username: 'office-reviewer', role: 'office_reviewer', unitId: null, displayName: next(), chamber: null },
    { username: 'npc-liaison', role: 'npc_liaison', unitId: null, displayName: next(), chamber: 'npc' },
    { username: 'cppcc-liaison', role: 'cppcc_liaison', unitId: null, displayName: next(), chamber: 'cppcc' },
    { username: 'vice-mayor-1', role: 'vice_mayor', unitId: null, displayName: next(), chamber: null },
    { username: 'vice-mayor-2', role: 'vice_mayor', unitId: null, displayName: next(), chamber: null },
  ];
  for (const u of DEMO_UNITS) {
    accounts.push({ username: `${u.code}-handler`, role: 'unit_handler', unitId: u.code, displayName: next(), chamber: null });
    accounts.push({ username: `${u.code}-leader`, role: 'unit_leader', unitId: u.code, displayName: next(), chamber: null });
  }
  for (let i = 1; i <= 5; i++) accounts.push({ username: `deputy-${i}`, role: 'proposer', unitId: null, displayName: next(), chamber: 'npc' });
  for (let i = 1; i <= 5; i++) accounts.push({ username: `member-${i}`, role: 'proposer', unitId: null, displayName: next(), chamber: 'cppcc' });
  return accounts;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = buildAccounts();

/**
 * Creates the demo units and accounts that do not exist yet (ON CONFLICT DO NOTHING), all with
 * `password`, hashed once. Returns how many rows were inserted.
 */
export async function loadDemoDirectory(pool: pg.Pool, password: string): Promise<{ units: number; users: number }> {
  if (!password) throw new Error('loadDemoDirectory needs a password');
  const hash = await hashPassword(password);
  return withTransaction(pool, async (client) => {
    const units = await client.query(
      `INSERT INTO units (code, name, kind)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (code) DO NOTHING`,
      [DEMO_UNITS.map((u) => u.code), DEMO_UNITS.map((u) => u.name), DEMO_UNITS.map((u) => u.kind)],
    );
    const a = DEMO_ACCOUNTS;
    const users = await client.query(
      `INSERT INTO users (username, password_hash, role, unit_code, display_name, chamber)
       SELECT u.username, $2, u.role, u.unit_code, u.display_name, u.chamber
         FROM unnest($1::text[], $3::text[], $4::text[], $5::text[], $6::text[])
              AS u(username, role, unit_code, display_name, chamber)
       ON CONFLICT (username) DO NOTHING`,
      [
        a.map((x) => x.username),
        hash,
        a.map((x) => x.role),
        a.map((x) => x.unitId),
        a.map((x) => x.displayName),
        a.map((x) => x.chamber),
      ],
    );
    return { units: units.rowCount ?? 0, users: users.rowCount ?? 0 };
  });
}

/** The head's title in a unit of this kind (a 局 has a 局长, a 委 a 主任, the 残联 a 理事长). */
function titles(u: DemoUnit): { head: string; deputy: string } {
  if (u.kind === 'organization') return { head: '理事长', deputy: '副理事长' };
  if (u.name.endsWith('委')) return { head: '主任', deputy: '副主任' };
  return { head: '局长', deputy: '副局长' };
}

const SURNAMES = ['赵', '钱', '孙', '李', '吴', '郑', '王', '冯', '陈', '褚', '卫', '蒋', '沈', '杨', '朱'];
const GIVEN = ['建华', '晓东', '丽娟', '志强', '海燕', '文博', '雅琴', '国栋', '思远', '春梅', '宏伟', '静怡', '振宇', '秀兰', '立新'];

/**
 * The demo contacts directory (Art. 14): per unit its main leader, leader in charge, office head
 * and two handlers. FICTIONAL people; the phone numbers follow the demo's 1380000xxxx pattern.
 */
export function demoContacts(unit: DemoUnit): { kind: 'main_leader' | 'leader_in_charge' | 'office_head' | 'handler'; name: string; phone: string; position: string }[] {
  const i = DEMO_UNITS.findIndex((u) => u.code === unit.code);
  const person = (k: number) => `${SURNAMES[(i * 5 + k) % SURNAMES.length]}${GIVEN[(i * 7 + k * 3) % GIVEN.length]}`;
  const phone = (k: number) => `1380000${String(100 + i * 10 + k).padStart(4, '0')}`;
  const t = titles(unit);
  return [
    { kind: 'main_leader', name: person(0), phone: phone(0), position: `${unit.name}${t.head}` },
    { kind: 'leader_in_charge', name: person(1), phone: phone(1), position: `${unit.name}${t.deputy}` },
    { kind: 'office_head', name: person(2), phone: phone(2), position: `${unit.name}办公室主任` },
    { kind: 'handler', name: person(3), phone: phone(3), position: '办公室建议提案专干' },
    { kind: 'handler', name: person(4), phone: phone(4), position: '办公室科员' },
  ];
}

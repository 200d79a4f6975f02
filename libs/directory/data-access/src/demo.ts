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

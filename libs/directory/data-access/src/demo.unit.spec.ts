import { DEMO_ACCOUNTS, DEMO_UNITS } from './demo';

describe('demo directory (SPEC §11)', () => {
  it('has the 12 units with their stable codes and names', () => {
    expect(DEMO_UNITS.map((u) => [u.code, u.name])).toEqual([
      ['rsj', '市人社局'],
      ['jyj', '市教育局'],
      ['wjw', '市卫健委'],
      ['jtj', '市交通局'],
      ['cjj', '市城建局'],
      ['sthjj', '市生态环境局'],
      ['zfbzj', '市住房保障局'],
      ['czj', '市财政局'],
      ['mzj', '市民政局'],
      ['fgw', '市发展改革委'],
      ['cl', '市残联'],
      ['zygh', '市资源规划局'],
    ]);
  });

  it('has every demo account once, each with a name of its own', () => {
    const usernames = DEMO_ACCOUNTS.map((a) => a.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.displayName)).size).toBe(usernames.length);
    for (const u of ['admin', 'office', 'office-reviewer', 'npc-liaison', 'cppcc-liaison', 'vice-mayor-1', 'vice-mayor-2']) {
      expect(usernames).toContain(u);
    }
    for (const unit of DEMO_UNITS) {
      expect(DEMO_ACCOUNTS.find((a) => a.username === `${unit.code}-handler`)).toMatchObject({ role: 'unit_handler', unitId: unit.code });
      expect(DEMO_ACCOUNTS.find((a) => a.username === `${unit.code}-leader`)).toMatchObject({ role: 'unit_leader', unitId: unit.code });
    }
    for (let i = 1; i <= 5; i++) {
      expect(DEMO_ACCOUNTS.find((a) => a.username === `deputy-${i}`)).toMatchObject({ role: 'proposer', chamber: 'npc' });
      expect(DEMO_ACCOUNTS.find((a) => a.username === `member-${i}`)).toMatchObject({ role: 'proposer', chamber: 'cppcc' });
    }
    expect(DEMO_ACCOUNTS).toHaveLength(7 + 24 + 10);
  });
});

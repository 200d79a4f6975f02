/** The roles of SPEC §1, by their stable codes. */
export const ROLES = [
  'office',
  'office_reviewer',
  'unit_handler',
  'unit_leader',
  'vice_mayor',
  'npc_liaison',
  'cppcc_liaison',
  'proposer',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  office: '市政府办公厅建议提案处',
  office_reviewer: '办公厅相关处室',
  unit_handler: '承办单位承办人员',
  unit_leader: '承办单位分管领导',
  vice_mayor: '分管副市长',
  npc_liaison: '市人大选任联工委',
  cppcc_liaison: '市政协提案委',
  proposer: '代表 / 委员',
  admin: '系统管理员',
};

/** Roles that belong to a handling unit (users.unit_code is required for them). */
export const UNIT_ROLES: readonly Role[] = ['unit_handler', 'unit_leader'];

export type Chamber = 'npc' | 'cppcc';

export const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

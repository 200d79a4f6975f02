import type { Role } from './auth';

export const OFFICE: Role[] = ['office', 'admin'];
export const READERS: Role[] = ['office', 'office_reviewer', 'admin', 'vice_mayor', 'npc_liaison', 'cppcc_liaison'];
export const REVIEWERS: Role[] = ['unit_leader', 'office', 'vice_mayor', 'office_reviewer'];
/** 考核指标: whoever GET /api/stats/kpis answers (each in their scope); admin manages the system and is not one of them. */
export const KPI_READERS: Role[] = ['office', 'npc_liaison', 'cppcc_liaison', 'vice_mayor', 'unit_leader', 'unit_handler'];

/** Menu entries per role, in the order shown. */
export const MENU: { path: string; label: string; roles: Role[] }[] = [
  { path: '/items', label: '建议提案', roles: READERS },
  { path: '/items/new', label: '登记', roles: OFFICE },
  { path: '/unit', label: '承办单位办理', roles: ['unit_handler', 'unit_leader'] },
  { path: '/reviews', label: '待审核', roles: REVIEWERS },
  { path: '/dashboard', label: '办理情况', roles: ['npc_liaison', 'cppcc_liaison', 'office', 'admin'] },
  { path: '/mine', label: '我的建议提案', roles: ['proposer'] },
  { path: '/vice-mayor', label: '副市长待办', roles: ['vice_mayor'] },
  { path: '/queues', label: '待办事项', roles: ['office'] },
  { path: '/import', label: '批量登记', roles: ['office'] },
  { path: '/admin/policy', label: '办理政策', roles: ['admin'] },
  { path: '/admin/calendar', label: '节假日日历', roles: ['admin'] },
  { path: '/unit/obligations', label: '承诺事项与年度总结', roles: ['unit_handler', 'unit_leader'] },
  { path: '/kpis', label: '考核指标', roles: KPI_READERS },
];


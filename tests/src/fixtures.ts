/** Request bodies the tests share. */
export const registration = (overrides: Record<string, unknown> = {}) => ({
  kind: 'npc_suggestion',
  level: 'municipal',
  sessionYear: 2026,
  period: 'plenary',
  title: '关于推进老旧小区加装电梯的建议',
  content: '我市老旧小区多建于上世纪九十年代，老年住户上下楼困难，建议加快加装电梯审批、加大补贴力度。',
  topic: '城乡建设',
  proposers: [{ name: '测试代表甲', delegation: '金水区代表团', phone: '13800000000', username: 'deputy-1' }],
  ...overrides,
});

/**
 * Every word the portal shows for a code name, in one place: the same Chinese terms as
 * docs/glossary.md. Pages never print a code; they look it up here (`label(...)`), and an unknown
 * code shows as 「其他」 rather than leaking English into the page.
 */
export const KIND = {
  npc_suggestion: '人大代表建议',
  cppcc_proposal: '政协委员提案',
  cppcc_recommendation: '政协建议案',
} as const;

export const LEVEL = { municipal: '本级', provincial: '省级交办', national: '全国交办' } as const;

export const PERIOD = { plenary: '会议期间', interim: '闭会期间' } as const;

export const ITEM_STATUS = {
  registered: '待交办',
  assigned: '已交办',
  awaiting_reassignment: '待重新交办',
  merged: '已并入主件办理',
  archived: '已归档',
} as const;

export const ROLE = {
  office: '建议提案处',
  office_reviewer: '办公厅相关处室',
  unit_handler: '承办人员',
  unit_leader: '单位分管领导',
  vice_mayor: '分管副市长',
  npc_liaison: '市人大选任联工委',
  cppcc_liaison: '市政协提案委',
  proposer: '代表委员',
  admin: '系统管理员',
} as const;

export const ASSIGNMENT_MODE = { single: '单一办理', lead: '主办＋会办', separate: '分别办理' } as const;

export const UNIT_ROLE = { lead: '主办', co: '会办', separate: '分别办理' } as const;

export const UNIT_STATUS = { assigned: '待签收', handling: '办理中', returned: '已退转' } as const;

export const REPLY_STATUS = {
  in_review: '审查中',
  returned_for_revision: '退回修改',
  approved: '已审定',
  sent: '已答复',
  closed: '已办结',
  awaiting_document: '待整理正式文件',
  document_in_review: '正式文件审查中',
  document_signed: '正式文件已签发',
} as const;

export const REVIEW_STAGE = {
  unit_leader: '单位分管领导审查',
  vice_mayor: '分管副市长审查',
  office: '建议提案处质量审查',
  office_reviewer: '办公厅相关处室审查',
  vice_mayor_signature: '分管副市长审核签发',
} as const;

export const CATEGORY = {
  A: 'A 类（已解决或基本解决）',
  B: 'B 类（正在解决或已列入计划）',
  C: 'C 类（因条件限制不能解决）',
  D: 'D 类（留作参考）',
} as const;

export const CONTACT_METHOD = { face_to_face: '面商', phone: '电话', letter: '书面', visit: '座谈走访' } as const;

export const FEEDBACK_CONTACT = { ...CONTACT_METHOD, none: '未沟通' } as const;

export const SATISFACTION = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' } as const;

export const DISCLOSURE = { full: '全文公开', summary: '摘要公开', withheld: '不予公开' } as const;

export const CHAMBER = { npc: '市人大', cppcc: '市政协' } as const;

export const EVENT = {
  ProposalRegistered: '登记',
  ProposalAssigned: '交办',
  MajorItemSubmittedForApproval: '提请阅批',
  MajorItemApproved: '阅批',
  ReceiptSigned: '签收',
  ReturnRequested: '申请退转',
  ReturnApproved: '同意退转',
  ReturnRejected: '不同意退转',
  ReturnWindowClosed: '退转期限届满',
  ContactRecorded: '与代表委员沟通',
  ExplanationFiled: '延期说明',
  ReplyDeadlinePassed: '答复超期',
  ReminderIssued: '催办',
  ReplyDrafted: '起草答复',
  ReplyReviewed: '审查答复',
  ReplySent: '函复',
  FeedbackReceived: '收到征求意见表',
  FeedbackMissing: '逾期未反馈',
  DisclosureChosen: '选择公开方式',
  ProposalArchived: '归档',
  SatisfiedReplyRead: '阅示',
  DeadlinesRecomputed: '期限重新计算',
  CoUnitOpinionSubmitted: '会办意见',
  CoUnitOpinionOverdue: '会办意见逾期',
  InstructionsRequested: '请示',
  InstructionsReceived: '收到批复',
  ProgressReportSubmitted: '报送办理进度',
  ProgressReportMissed: '办理进度未报送',
  MergedIntoProposal: '并入主件',
  ProposalsMerged: '并案办理',
  GovernmentDocumentCompiled: '整理正式文件',
  GovernmentDocumentReviewed: '正式文件审查',
  GovernmentDocumentSigned: '正式文件签发',
  GovernmentDocumentSent: '正式文件答复',
  OpinionSentToProposer: '办理意见送代表委员',
} as const;

/** The words of the portal itself (menus, buttons, headings) that more than one page uses. */
export const T = {
  appName: '建议提案办理',
  username: '用户名',
  password: '密码',
  login: '登录',
  logout: '退出登录',
  inbox: '站内信',
  markAllRead: '全部标为已读',
  noNotices: '暂无消息',
  forbidden: '无权查看',
  forbiddenHint: '您没有查看此页面或此件的权限。如需查看，请联系建议提案处。',
  notFound: '页面不存在',
  backHome: '返回首页',
  loading: '加载中…',
  empty: '暂无数据',
  items: '建议提案',
  register: '登记',
  assign: '交办',
  detail: '详情',
  history: '履历',
  unitPortal: '承办单位',
  reviewQueue: '待审核',
  dashboard: '办理情况',
  myItems: '我的建议提案',
  publicSite: '办理结果公开',
  sessionExpired: '登录已过期，请重新登录',
  search: '查询',
  reset: '重置',
  submit: '提交',
  cancel: '取消',
  confirm: '确定',
  remaining: (n: number) => `剩余 ${n} 天`,
  overdueBy: (n: number) => `已超期 ${n} 天`,
  dueToday: '今日到期',
  total: (n: number) => `共 ${n} 件`,
} as const;

/** The Chinese word for a code, or 「其他」 for a code this portal does not know yet. */
export function label<M extends Record<string, string>>(map: M, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return (map as Record<string, string>)[code] ?? '其他';
}

/** Options for an antd Select from a glossary map. */
export function options<M extends Record<string, string>>(map: M): { value: keyof M & string; label: string }[] {
  return Object.entries(map).map(([value, l]) => ({ value: value as keyof M & string, label: l }));
}

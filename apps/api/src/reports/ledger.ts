/**
 * 台账: one row per item with every column a clerk needs — number, kind, title, proposers, units,
 * the vice mayor in charge, dates, deadlines, stage, category, feedback — from the item's state.
 */
import type { ProposalState } from '@jyta/proposal-domain';
import { CATEGORY_LABEL, KIND_LABEL, LEVEL_LABEL, SATISFACTION_LABEL, shanghaiDayOf, STATUS_LABEL, UNIT_STATUS_LABEL } from './labels';

export const LEDGER_HEADER = [
  '编号',
  '类别',
  '级别',
  '年度',
  '标题',
  '提出人',
  '重点',
  '主办单位',
  '会办单位',
  '分管市领导',
  '交办日期',
  '答复期限',
  '办理状态',
  '各单位进度',
  '答复类别',
  '答复日期',
  '反馈结果',
];

export function ledgerRow(state: ProposalState, unitName: (code: string) => string): string[] {
  const d = state.details!;
  const units = state.units ?? [];
  const name = (u: { unitId: string; status: string }) => `${unitName(u.unitId)}${u.status === 'returned' ? '（已退转）' : ''}`;
  const answering = units.filter((u) => u.role !== 'co');
  // per answering unit: its latest reply that left, and the proposer's answer to it
  const latest = answering.map((u) => {
    const sent = (state.replies ?? []).filter((r) => r.unitId === u.unitId && r.sentAt).at(-1);
    return { u, sent };
  });
  const per = (f: (x: (typeof latest)[number]) => string | undefined) =>
    latest
      .map((x) => [x, f(x)] as const)
      .filter(([, v]) => v)
      .map(([x, v]) => (latest.length > 1 ? `${unitName(x.u.unitId)}：${v}` : v))
      .join('；');
  return [
    d.number,
    KIND_LABEL[d.kind] ?? d.kind,
    LEVEL_LABEL[d.level] ?? d.level,
    String(d.sessionYear),
    d.title,
    d.proposers.map((p) => p.name).join('、'),
    d.key ? '是' : '',
    answering.map(name).join('、'),
    units.filter((u) => u.role === 'co').map(name).join('、'),
    state.assignment?.leaderInCharge ?? '',
    [...new Set(units.map((u) => u.assignedOn))].join('、'),
    per((x) => x.u.replyDue?.lastDay ?? (x.u.replyDue?.dueAt ? shanghaiDayOf(x.u.replyDue.dueAt) : undefined)),
    STATUS_LABEL[state.status] ?? state.status,
    units.map((u) => `${unitName(u.unitId)}：${UNIT_STATUS_LABEL[u.status] ?? u.status}`).join('；'),
    per((x) => (x.sent ? CATEGORY_LABEL[x.sent.category] ?? x.sent.category : undefined)),
    per((x) => (x.sent?.sentAt ? shanghaiDayOf(x.sent.sentAt) : undefined)),
    per((x) =>
      x.sent?.feedback ? SATISFACTION_LABEL[x.sent.feedback.result] : x.sent?.feedbackMissingAt ? SATISFACTION_LABEL.no_feedback : x.sent ? '待反馈' : undefined,
    ),
  ];
}

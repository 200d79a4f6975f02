import type { Detail, Me, Reply } from '../../api/client';

export type ViceMayorTaskKind = 'major' | 'review' | 'sign' | 'read';

export interface ViceMayorTask {
  kind: ViceMayorTaskKind;
  item: Detail;
  reply?: Reply;
  /** when it came before the vice mayor (for the order of the queue) */
  since: string;
}

export const TASK_LABEL: Record<ViceMayorTaskKind, string> = {
  major: '重大事项阅批',
  review: '多单位答复审查',
  sign: '正式文件审核签发',
  read: '满意答复阅示',
};

type Major = { viceMayor?: string; submittedAt?: string; approvedAt?: string } | null;
type Feedback = { result?: string; sendBack?: boolean; at?: string } | null;

/**
 * The vice mayor's queue (Art. 6, 9, 10): major items put before them and not yet approved; joint
 * replies and provincial government documents waiting at their stage; satisfied replies of
 * government departments not yet read. Only items where they are the leader in charge (the API
 * refuses the others with NOT_IN_CHARGE). `isDepartment` says whether a unit is a 政府组成部门.
 */
export function viceMayorTasks(items: Detail[], me: Pick<Me, 'username'>, isDepartment: (unitId: string) => boolean): ViceMayorTask[] {
  const tasks: ViceMayorTask[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const major = item.majorApproval as Major;
    if (major?.viceMayor === me.username && !major.approvedAt) tasks.push({ kind: 'major', item, since: major.submittedAt ?? item.registeredAt });
    const inCharge = !item.assignment?.leaderInCharge || item.assignment.leaderInCharge === me.username;
    if (!inCharge) continue;
    for (const reply of item.replies) {
      if (reply.status === 'in_review' && reply.currentStage === 'vice_mayor') tasks.push({ kind: 'review', item, reply, since: reply.draftedAt });
      const doc = reply.documents.at(-1);
      if (doc && doc.status === 'in_review' && doc.currentStage === 'vice_mayor_signature') tasks.push({ kind: 'sign', item, reply, since: doc.compiledAt });
      const fb = reply.feedback as Feedback;
      if (item.assignment?.leaderInCharge === me.username && fb && !fb.sendBack && fb.result !== 'dissatisfied' && !reply.reading && isDepartment(reply.unitId)) {
        tasks.push({ kind: 'read', item, reply, since: fb.at ?? reply.sentAt ?? reply.draftedAt });
      }
    }
  }
  return tasks.sort((a, b) => a.since.localeCompare(b.since));
}

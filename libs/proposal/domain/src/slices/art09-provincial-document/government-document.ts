/**
 * The reply path of items handed down by the provincial government office (省政府办公厅交办的省级、
 * 全国建议提案; Art. 9, 10, 11), as part of the item's decider:
 *
 * 1. the answering unit drafts its handling opinion (办理和答复意见) with DraftReply; its leader
 *    (and, for several units in lead mode, the vice mayor in charge) reviews it — no office
 *    quality check here, the office compiles the opinion itself in step 4;
 * 2. the unit sends the approved opinion to the proposer first (SendReply → OpinionSentToProposer),
 *    with the feedback form (征求意见表) and the feedback period;
 * 3. satisfied or basically satisfied (attitude and result), without a send-back → the opinion
 *    awaits the office; dissatisfied or sent back → the unit handles the item again and drafts a
 *    new opinion (a new round). No answer in time is recorded as "no feedback" (never satisfied)
 *    and the opinion then awaits the office as well: the item must still be answered, the proposer's
 *    silence cannot hold it up for ever, and the office's compilation, review and signature still
 *    check it — the KPIs count it as no feedback, not as satisfied;
 * 4. the office compiles a municipal government document (整理形成政府正式文件,
 *    CompileGovernmentDocument); an office division (办公厅相关处室, `office_reviewer`) reviews it and
 *    the vice mayor in charge signs it (审核签发) — ReviewReply with the stages 'office_reviewer' and
 *    'vice_mayor_signature'; either may send it back to the office, which compiles again (every
 *    round kept in `Reply.documents`);
 * 5. the office sends the signed document to the proposer, cc 省人大选任联工委、省政府办公厅、省政协提案委
 *    (SendGovernmentDocument); the unit is then done, and the item is archived once every
 *    answering unit is (Art. 17). No second feedback form: the proposer was asked on the opinion
 *    (Art. 11), and the document may only be compiled from an accepted (or unanswered) one.
 */
import type { CompileGovernmentDocument, ReviewReply, SendGovernmentDocument } from '../../commands';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import type { DecidedEvent } from '../../events';
import { isProvincialItem, latestDocument } from '../../shared/queries';
import { DOCUMENT_STAGES, PROVINCIAL_CC, type GovernmentDocument } from './types';
import type { ProposalState, Reply, ReplyReview, UnitAssignment } from '../../shared/model';

const replyOf = (s: ProposalState, replyId: string) => (s.replies ?? []).find((r) => r.replyId === replyId);

function requireProvincialReply(state: ProposalState, replyId: string): Reply {
  const r = replyOf(state, replyId);
  if (!r) throw new DomainError(ErrorCodes.REPLY_NOT_FOUND, '没有这份答复', 404, { replyId });
  if (!isProvincialItem(state)) {
    throw new DomainError(ErrorCodes.NOT_PROVINCIAL, '本级建议提案由承办单位直接函复，不形成市政府正式文件（第十条）', 409);
  }
  return r;
}

/** Why the office may not compile now, by the reply's status. */
const NOT_AWAITING: Partial<Record<Reply['status'], string>> = {
  in_review: '办理和答复意见仍在单位审查中，须先送代表委员征求意见',
  returned_for_revision: '该办理和答复意见已退回修改，不再整理',
  approved: '办理和答复意见尚未送代表委员征求意见',
  sent: '代表委员尚未反馈，满意后方可整理成正式文件（第九条）',
  closed: '代表委员不满意或已退回，承办单位须重新办理（第十条）',
  document_in_review: '正式文件正在审查、签发中',
  document_signed: '正式文件已签发，待发出',
};

export function assertDocumentAllowed(command: CompileGovernmentDocument | SendGovernmentDocument, state: ProposalState): void {
  const r = requireProvincialReply(state, command.data.replyId);
  switch (command.type) {
    case 'CompileGovernmentDocument': {
      const d = command.data;
      if (r.status !== 'awaiting_document') {
        const closedAfterDocument = r.status === 'closed' && latestDocument(r)?.status === 'sent';
        throw new DomainError(
          ErrorCodes.NOT_AWAITING_DOCUMENT,
          closedAfterDocument ? '正式文件已发出' : (NOT_AWAITING[r.status] ?? '该答复不在待整理正式文件状态'),
          409,
          { status: r.status },
        );
      }
      if (typeof d.body !== 'string' || !d.body.trim()) throw invalid('body', '正式文件正文不能为空');
      if (d.title !== undefined && (typeof d.title !== 'string' || !d.title.trim())) throw invalid('title', '文件标题不能为空');
      if (d.documentNumber !== undefined && (typeof d.documentNumber !== 'string' || !d.documentNumber.trim())) {
        throw invalid('documentNumber', '文号不能为空');
      }
      return;
    }
    case 'SendGovernmentDocument': {
      if (r.status !== 'document_signed') {
        throw new DomainError(ErrorCodes.DOCUMENT_NOT_SIGNED, '正式文件须经办公厅相关处室审查、分管副市长签发后方可发出（第九、十条）', 409, {
          status: r.status,
        });
      }
      const number = command.data.documentNumber ?? latestDocument(r)?.documentNumber;
      if (typeof number !== 'string' || !number.trim()) throw invalid('documentNumber', '正式文件须有文号');
      return;
    }
  }
}

/** A review of the document (ReviewReply at a document stage); the stage was checked by assertReplyAllowed. */
export function decideDocumentReview(command: ReviewReply, r: Reply, state: ProposalState, at: string): DecidedEvent[] {
  const doc = latestDocument(r)!;
  const { replyId, stage, approve } = command.data;
  const comment = command.data.comment?.trim() ?? '';
  const base = { replyId, unitId: r.unitId, round: doc.round };
  if (approve && stage === 'vice_mayor_signature') {
    return [{ type: 'GovernmentDocumentSigned', occurredAt: at, data: { ...base, comment } }];
  }
  const leader = state.assignment?.leaderInCharge;
  return [
    {
      type: 'GovernmentDocumentReviewed',
      occurredAt: at,
      // Who signs next, so that the notice reaches that vice mayor.
      data: { ...base, stage, approve, comment, ...(approve && leader ? { leaderInCharge: leader } : {}) },
    },
  ];
}

export function decideDocument(command: CompileGovernmentDocument | SendGovernmentDocument, state: ProposalState, at: string): DecidedEvent[] {
  const r = replyOf(state, command.data.replyId)!;
  switch (command.type) {
    case 'CompileGovernmentDocument': {
      const d = command.data;
      const number = d.documentNumber?.trim();
      return [
        {
          type: 'GovernmentDocumentCompiled',
          occurredAt: at,
          data: {
            replyId: r.replyId,
            unitId: r.unitId,
            round: (r.documents?.length ?? 0) + 1,
            ...(number ? { documentNumber: number } : {}),
            title: d.title?.trim() || `市人民政府关于《${state.details!.title}》的答复`,
            body: d.body,
            stages: [...DOCUMENT_STAGES],
          },
        },
      ];
    }
    case 'SendGovernmentDocument': {
      const doc = latestDocument(r)!;
      const number = (command.data.documentNumber ?? doc.documentNumber)!.trim();
      return [
        {
          type: 'GovernmentDocumentSent',
          occurredAt: at,
          data: { replyId: r.replyId, unitId: r.unitId, round: doc.round, documentNumber: number, title: doc.title, cc: [...PROVINCIAL_CC] },
        },
      ];
    }
  }
}

/** evolve for the document events; returns undefined for other events. */
export function evolveDocument(state: ProposalState, event: DecidedEvent): ProposalState | undefined {
  const update = (replyId: string, f: (r: Reply) => Reply): ProposalState => ({
    ...state,
    replies: (state.replies ?? []).map((r) => (r.replyId === replyId ? f(r) : r)),
  });
  const updateLatest = (r: Reply, f: (d: GovernmentDocument) => GovernmentDocument): GovernmentDocument[] =>
    (r.documents ?? []).map((d, i, all) => (i === all.length - 1 ? f(d) : d));
  switch (event.type) {
    case 'GovernmentDocumentCompiled': {
      const { replyId, unitId: _unitId, ...d } = event.data;
      const doc: GovernmentDocument = { ...d, reviews: [], status: 'in_review', compiledAt: event.occurredAt };
      return update(replyId, (r) => ({ ...r, status: 'document_in_review', documents: [...(r.documents ?? []), doc] }));
    }
    case 'GovernmentDocumentReviewed': {
      const d = event.data;
      const review: ReplyReview = { stage: d.stage, approve: d.approve, comment: d.comment, at: event.occurredAt };
      return update(d.replyId, (r) => ({
        ...r,
        // Sent back: the opinion waits for the office to compile it again.
        status: d.approve ? 'document_in_review' : 'awaiting_document',
        documents: updateLatest(r, (doc) => ({ ...doc, reviews: [...doc.reviews, review], status: d.approve ? 'in_review' : 'returned' })),
      }));
    }
    case 'GovernmentDocumentSigned': {
      const d = event.data;
      const review: ReplyReview = { stage: 'vice_mayor_signature', approve: true, comment: d.comment, at: event.occurredAt };
      return update(d.replyId, (r) => ({
        ...r,
        status: 'document_signed',
        documents: updateLatest(r, (doc) => ({ ...doc, reviews: [...doc.reviews, review], status: 'signed', signedAt: event.occurredAt })),
      }));
    }
    case 'GovernmentDocumentSent': {
      const d = event.data;
      const s = update(d.replyId, (r) => ({
        ...r,
        status: 'closed',
        documents: updateLatest(r, (doc) => ({ ...doc, documentNumber: d.documentNumber, cc: d.cc, status: 'sent', sentAt: event.occurredAt })),
      }));
      // The unit's part is answered (Art. 10).
      return {
        ...s,
        units: s.units.map((u): UnitAssignment => (u.unitId === d.unitId && u.status !== 'returned' ? { ...u, status: 'done' } : u)),
      };
    }
    default:
      return undefined;
  }
}

/**
 * Notices of the provincial/national reply path (Art. 9, 10, 11): who must act next hears of it —
 * the proposer when the unit's opinion reaches them (with the feedback form, as for a reply), the
 * office when an accepted opinion awaits its government document or a document comes back to it,
 * the office division when a document awaits review, the vice mayor in charge when it awaits
 * signature, the proposer again when the document is sent. Pure, like every rule (rules.ts).
 */
import type { Audience, NoticeEvent, NoticeRule } from './rules';

/** The path's events someone is told of, else false. */
function relevant({ type, data: d }: NoticeEvent): boolean {
  if (typeof d.replyId !== 'string' || typeof d.unitId !== 'string') return false;
  // Only a provincial/national opinion's feedback (awaitingDocument true) concerns the office;
  // other feedback is for other rules (阅示, leadership-messages.ts) or nobody.
  return !((type === 'FeedbackReceived' || type === 'FeedbackMissing') && d.awaitingDocument !== true);
}

export const provincialRule: NoticeRule = {
  types: [
    'OpinionSentToProposer',
    'FeedbackReceived',
    'FeedbackMissing',
    'GovernmentDocumentCompiled',
    'GovernmentDocumentReviewed',
    'GovernmentDocumentSigned',
    'GovernmentDocumentSent',
  ],

  audience(e): Audience | undefined {
    if (!relevant(e)) return undefined;
    const d = e.data;
    switch (e.type) {
      case 'OpinionSentToProposer':
      case 'GovernmentDocumentSent':
        return { proposers: true };
      case 'GovernmentDocumentCompiled':
        return { roles: ['office_reviewer'] };
      case 'GovernmentDocumentReviewed':
        if (d.approve !== true) return { roles: ['office'] };
        return typeof d.leaderInCharge === 'string' && d.leaderInCharge ? { roles: ['vice_mayor'], username: d.leaderInCharge } : { roles: ['vice_mayor'] };
      default:
        return { roles: ['office'] };
    }
  },

  /** `kind` 'reply_sent' for the opinion, so the proposer's inbox carries the form's token. */
  message(e, { item, shortTitle, unitName, formatDueAt }) {
    if (!relevant(e)) return undefined;
    const d = e.data;
    const unit = unitName(d.unitId as string);
    const comment = typeof d.comment === 'string' && d.comment ? `意见：${d.comment}` : '';
    const number = typeof d.documentNumber === 'string' ? d.documentNumber : '';
    switch (e.type) {
      case 'OpinionSentToProposer':
        return {
          kind: 'reply_sent',
          title: `办理和答复意见已送达：${shortTitle}`,
          body:
            `${unit}已就您提出的${item}提出办理和答复意见，请登录系统查看，并填写征求意见表` +
            `${typeof d.feedbackDueAt === 'string' ? `（请于 ${formatDueAt(d.feedbackDueAt)} 前反馈）` : ''}。` +
            '您满意后，将由市政府整理形成正式文件答复；如不满意，可退回重新办理。',
        };
      case 'FeedbackReceived':
        return {
          kind: 'document_to_compile',
          title: `待整理正式文件：${shortTitle}`,
          body: `代表委员对${unit}就${item}提出的办理和答复意见表示满意（或基本满意），请整理形成市政府正式文件，送办公厅相关处室审查。`,
        };
      case 'FeedbackMissing':
        return {
          kind: 'document_to_compile',
          title: `待整理正式文件（逾期未反馈）：${shortTitle}`,
          body: `代表委员在反馈期限内未对${unit}就${item}提出的办理和答复意见作出反馈（记为未反馈），该件仍须答复，请整理形成市政府正式文件。`,
        };
      case 'GovernmentDocumentCompiled':
        return {
          kind: 'document_to_review',
          title: `正式文件待审查：${shortTitle}`,
          body: `建议提案处已将${unit}就${item}的办理和答复意见整理成市政府正式文件（第 ${d.round} 稿），请审查。`,
        };
      case 'GovernmentDocumentReviewed':
        if (d.approve === true) {
          return {
            kind: 'document_to_sign',
            title: `正式文件待签发：${shortTitle}`,
            body: `${item}的市政府正式文件已经办公厅相关处室审查，请审核签发。`,
          };
        }
        return {
          kind: 'document_returned',
          title: `正式文件被退回：${shortTitle}`,
          body: `${item}的市政府正式文件（第 ${d.round} 稿）被${d.stage === 'vice_mayor_signature' ? '分管副市长' : '办公厅相关处室'}退回，请重新整理。${comment}`,
        };
      case 'GovernmentDocumentSigned':
        return {
          kind: 'document_signed',
          title: `正式文件已签发，待发出：${shortTitle}`,
          body: `${item}的市政府正式文件已由分管副市长签发，请以市政府正式文件答复代表委员，并抄报省人大选任联工委、省政府办公厅、省政协提案委。${comment}`,
        };
      case 'GovernmentDocumentSent':
        return {
          kind: 'document_sent',
          title: `市政府正式文件答复：${shortTitle}`,
          body: `市人民政府已就您提出的${item}以正式文件${number ? `（${number}）` : ''}作出答复，请登录系统查看。`,
        };
      default:
        return undefined;
    }
  },
};

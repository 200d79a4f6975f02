import type { ReplyReview, ReviewStage } from '../../shared/values';

/** Art. 9: the office division reviews, then the vice mayor in charge signs. */
export const DOCUMENT_STAGES: readonly ReviewStage[] = ['office_reviewer', 'vice_mayor_signature'];

/** Art. 10: a provincial or national item's answer is copied to these. */
export const PROVINCIAL_CC: readonly string[] = ['省人大选任联工委', '省政府办公厅', '省政协提案委'];

export type GovernmentDocumentStatus =
  | 'in_review' // 审查、签发中
  | 'returned' // 退回建议提案处重新整理（保留本轮）
  | 'signed' // 已签发，待发出
  | 'sent'; // 已以市政府正式文件答复

/** 市政府正式文件: one round of the office's compilation of a unit's opinion. */
export interface GovernmentDocument {
  /** 1 for the first compilation of this opinion, +1 after each send-back. */
  round: number;
  /** 文号, e.g. 郑政文〔2026〕12号; may be given when compiling or when sending. */
  documentNumber?: string;
  title: string;
  body: string;
  stages: ReviewStage[];
  reviews: ReplyReview[];
  status: GovernmentDocumentStatus;
  compiledAt: string;
  signedAt?: string;
  sentAt?: string;
  cc?: string[];
}

/** Response shapes, for the OpenAPI document (SPEC §10 detail / events / list). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UnitSupervisionViewDto } from './handling.dto';
import { ProposerDto } from './register.dto';
import { MergedIntoViewDto, MergedItemViewDto, ReplyMergingViewDto } from './merging.dto';

export class ReturnDecisionViewDto {
  @ApiProperty() approve: boolean;
  @ApiProperty() comment: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
}

export class ReturnRequestViewDto {
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiPropertyOptional({ type: ReturnDecisionViewDto }) decision?: ReturnDecisionViewDto;
}

/** 市政府正式文件 of a provincial/national item (Art. 9, 10): one round of the office's compilation. */
export class GovernmentDocumentViewDto {
  @ApiProperty({ description: '第几次整理（退回后重新整理 +1）' }) round: number;
  @ApiPropertyOptional({ type: String, nullable: true, example: '郑政文〔2026〕12号', description: '文号' }) documentNumber: string | null;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ enum: ['in_review', 'returned', 'signed', 'sent'] }) status: string;
  @ApiProperty({ type: [String], description: 'office_reviewer 办公厅相关处室审查 → vice_mayor_signature 分管副市长审核签发' }) stages: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) currentStage: string | null;
  @ApiProperty({ type: Object, isArray: true, description: '审查、签发意见：stage，approve，comment，at' }) reviews: unknown[];
  @ApiProperty({ format: 'date-time' }) compiledAt: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: '签发时间' }) signedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: '发出时间' }) sentAt: string | null;
  @ApiProperty({ type: [String], description: '抄报：省人大选任联工委、省政府办公厅、省政协提案委（第十条）' }) cc: string[];
}

/** To whom a reply's feedback form went (Art. 11): never the token, a phone number or an address. */
export class FeedbackRecipientViewDto {
  @ApiProperty({ enum: ['account', 'sms', 'email', 'none'], description: 'account 提出人账号 / sms 短信 / email 电子邮件 / none 无法送达' }) channel: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '收件的提出人姓名' }) name: string | null;
  @ApiPropertyOptional({ description: '收件账号（channel 为 account 时）' }) username?: string;
  @ApiPropertyOptional({ description: '收件人在提出人名单中的序号（0 为领衔人）' }) proposerIndex?: number;
  @ApiProperty({ description: '经办公室指定后重新发放' }) reissued: boolean;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class ReplyViewDto {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() round: number;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D'] }) category: string;
  @ApiProperty({ enum: ['in_review', 'returned_for_revision', 'approved', 'sent', 'closed', 'awaiting_document', 'document_in_review', 'document_signed'] }) status: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: [String] }) cc: string[];
  @ApiProperty({ type: [String] }) stages: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) currentStage: string | null;
  @ApiProperty({ type: Object, isArray: true }) reviews: unknown[];
  @ApiProperty() draftedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) sentAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) feedbackDueAt: string | null;
  @ApiPropertyOptional({ type: Object, nullable: true }) feedback: unknown;
  @ApiPropertyOptional({ type: String, nullable: true }) feedbackMissingAt: string | null;
  @ApiProperty() sentBack: boolean;
  @ApiPropertyOptional({ type: Object, nullable: true, description: '公开方式（第二十条）：mode full/summary/withheld，summary，reason，chosenAt' }) disclosure: unknown;
  @ApiPropertyOptional({ type: Object, nullable: true, description: '分管副市长阅示（第九条）：by，comment，at' }) reading: unknown;
  @ApiPropertyOptional({
    type: Object,
    nullable: true,
    description: 'B类答复的承诺事项跟踪：followUps [{round, requestedAt, dueAt}]，reports [{text, done, at}]，fulfilledAt，open（其他类别为 null）',
  })
  promise: unknown;
  @ApiProperty({ type: GovernmentDocumentViewDto, isArray: true, description: '省级、全国件：由本办理和答复意见整理的市政府正式文件，每轮均保留（本级件为空）' })
  documents: GovernmentDocumentViewDto[];
  @ApiPropertyOptional({ type: ReplyMergingViewDto, nullable: true, description: '并案办理：主件答复的副本，或已送达的并案件' }) merging: ReplyMergingViewDto | null;
  @ApiPropertyOptional({ type: FeedbackRecipientViewDto, nullable: true, description: '征求意见表发给了谁（渠道与姓名，不含令牌）；提出人视图中为空' })
  feedbackRecipient: FeedbackRecipientViewDto | null;
  @ApiPropertyOptional({ description: '仅提出人本人可见：征求意见表链接的令牌' }) feedbackToken?: string;
}

export class ContactViewDto {
  @ApiProperty({ enum: ['face_to_face', 'phone', 'letter', 'visit'] }) method: string;
  @ApiProperty() on: string;
  @ApiProperty() summary: string;
  @ApiProperty() recordedAt: string;
}

export class ExplanationViewDto {
  @ApiProperty() reasons: string;
  @ApiProperty() measures: string;
  @ApiProperty() expectedOn: string;
  @ApiProperty() filedAt: string;
}

/** One handling round of a unit (重新办理, SPEC §5): each with its own reply deadline. */
export class HandlingRoundDto {
  @ApiProperty({ example: 1, description: '办理轮次：1 为交办后的首轮，每次代表委员退回后 +1' }) round: number;
  @ApiProperty({ format: 'date-time', description: '本轮开始：首轮为交办，其后为代表委员退回之时' }) startedAt: string;
  @ApiProperty({ format: 'date-time', description: '本轮答复期限届满时刻' }) replyDueAt: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-06-01' }) replyDueLastDay: string | null;
  @ApiProperty({ description: '本轮答复期限的计算说明' }) replyDueExplanation: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '本轮答复发出时间' }) repliedAt: string | null;
  @ApiProperty({ description: '本轮在期限内答复' }) repliedInTime: boolean;
  @ApiPropertyOptional({ type: ExplanationViewDto, nullable: true, description: '本轮的延期说明（第十九条）' }) explanation: ExplanationViewDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '本轮答复期限届满而未答复的时间' }) replyDeadlinePassedAt: string | null;
  @ApiProperty({ description: '本轮超期未答复且未说明' }) overdue: boolean;
  @ApiProperty({ description: '本轮追究责任' }) accountabilityFlagged: boolean;
}

export class UnitAssignmentDto extends UnitSupervisionViewDto {
  @ApiProperty({ example: 'cjj' }) unitId: string;
  @ApiProperty({ example: '市城建局' }) unitName: string;
  @ApiProperty({ enum: ['lead', 'co', 'separate'] }) role: string;
  @ApiProperty({ enum: ['assigned', 'handling', 'returned'], description: '待签收 / 办理中 / 已退转' }) status: string;
  @ApiPropertyOptional({ type: String }) responsiblePerson?: string;
  @ApiProperty({ nullable: true, type: String, example: 'cjj', description: '改派（分别办理）：本单位接手的是哪个已退转单位的部分' }) reassignedFrom: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'sjj', description: '改派（分别办理）：已退转单位的部分改派给了哪个单位' }) reassignedTo: string | null;
  @ApiProperty({ example: '2026-03-01', description: '接办之日' }) assignedOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '签收时间（不影响期限）' }) signedAt: string | null;
  @ApiProperty({ format: 'date-time', description: '退转期限届满时刻（最后一日 24:00，上海时间）' }) returnWindowClosesAt: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-03-16' }) returnWindowLastDay: string | null;
  @ApiProperty({ description: '退转期限是否已届满' }) returnWindowClosed: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) returnWindowClosedAt: string | null;
  @ApiProperty({ description: '期限计算说明（民法典第二百零一条至第二百零三条）' }) returnWindowExplanation: string;
  @ApiProperty({ format: 'date-time', description: '本轮答复期限（退回重新办理后为重新办理的期限）' }) replyDueAt: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-06-01' }) replyDueLastDay: string | null;
  @ApiProperty() replyDueExplanation: string;
  @ApiProperty({ description: '答复期限涉及尚未录入节假日安排的年份，暂按普通周计算' }) replyDueProvisional: boolean;
  @ApiProperty({ example: 1, description: '当前办理轮次（重新办理，第十条）' }) round: number;
  @ApiProperty({ type: HandlingRoundDto, isArray: true, description: '各轮办理及其答复期限，当前一轮在最后' }) rounds: HandlingRoundDto[];
  @ApiProperty({ type: ReturnRequestViewDto, isArray: true }) returnRequests: ReturnRequestViewDto[];
  @ApiProperty({ type: ContactViewDto, isArray: true, description: '与代表委员的沟通（第十四条）' }) contacts: ContactViewDto[];
  @ApiPropertyOptional({ type: ExplanationViewDto, nullable: true, description: '延期说明（第十九条）' })
  explanation: ExplanationViewDto | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '答复期限届满而未答复的时间' }) replyDeadlinePassedAt: string | null;
  @ApiProperty({ description: '已说明延期' }) delayedWithExplanation: boolean;
  @ApiProperty({ description: '超期未答复且未说明（第十九条）' }) overdue: boolean;
  @ApiProperty({ description: '追究分管领导和承办人员责任' }) accountabilityFlagged: boolean;
}

/** 分别办理: a returned unit's part waiting for the office to re-assign it (改派). */
export class PartAwaitingReassignmentDto {
  @ApiProperty({ example: 'cjj', description: '已退转的单位' }) unitId: string;
  @ApiProperty({ example: '市城建局' }) unitName: string;
  @ApiProperty({ format: 'date-time', description: '同意退转的时间（自此待改派）' }) since: string;
}

export class AssignmentInfoDto {
  @ApiProperty({ enum: ['single', 'lead', 'separate'] }) mode: string;
  @ApiPropertyOptional({ type: String }) leaderInCharge?: string;
  @ApiPropertyOptional({ type: String }) division?: string;
}

export class ProposalDetailDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-建议-0001' }) number: string;
  @ApiProperty({ enum: ['npc_suggestion', 'cppcc_proposal', 'cppcc_recommendation'] }) kind: string;
  @ApiProperty({ enum: ['municipal', 'provincial', 'national'] }) level: string;
  @ApiProperty({ example: 'assigned', description: 'registered 待交办 / assigned 已交办 / awaiting_reassignment 待重新交办 / merged 已并入主件办理（并案办理） / archived 已归档' }) status: string;
  @ApiProperty() title: string;
  @ApiProperty() content: string;
  @ApiPropertyOptional({ type: String }) topic?: string;
  @ApiProperty({ type: ProposerDto, isArray: true }) proposers: ProposerDto[];
  @ApiPropertyOptional({ type: Object, nullable: true, description: '办公室指定的征求意见表填写人：proposerIndex，name，at（第十一、十四条）' })
  feedbackDesignee: { proposerIndex: number; name: string | null; at: string } | null;
  @ApiProperty() key: boolean;
  @ApiProperty() major: boolean;
  @ApiProperty() urgent: boolean;
  @ApiProperty({ example: 2026 }) sessionYear: number;
  @ApiProperty({ enum: ['plenary', 'interim'] }) period: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ nullable: true, type: Number }) policyVersion: number | null;
  @ApiProperty({ nullable: true, type: AssignmentInfoDto }) assignment: AssignmentInfoDto | null;
  @ApiProperty({ type: UnitAssignmentDto, isArray: true }) assignments: UnitAssignmentDto[];
  @ApiProperty({ type: PartAwaitingReassignmentDto, isArray: true, description: '分别办理中退转已同意、待改派的部分（POST /api/proposals/{id}/units/{unitId}/reassignment）' })
  partsAwaitingReassignment: PartAwaitingReassignmentDto[];
  @ApiProperty({ type: ReplyViewDto, isArray: true, description: '答复（每轮、每次审查均保留）' }) replies: ReplyViewDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: '归档时间（第十七条）' }) archivedAt: string | null;
  @ApiPropertyOptional({ type: Object, nullable: true, description: '重大事项阅批（第六条）：viceMayor，submittedAt，note，approvedAt，instructions' }) majorApproval: unknown;
  @ApiProperty({ type: MergedItemViewDto, isArray: true, description: '并案办理：并入本件（主件）办理的件' }) mergedItems: MergedItemViewDto[];
  @ApiPropertyOptional({ type: MergedIntoViewDto, nullable: true, description: '并案办理：本件已并入的主件' }) mergedInto: MergedIntoViewDto | null;
  @ApiProperty({ description: '事件流版本' }) version: number;
}

export class EventActorDto {
  @ApiProperty() userId: string;
  @ApiPropertyOptional() username?: string;
  @ApiProperty({ example: 'office' }) role: string;
  @ApiPropertyOptional({ nullable: true, type: String }) unitId?: string | null;
}

export class ProposalEventDto {
  @ApiProperty() version: number;
  @ApiProperty({ example: 'ProposalAssigned' }) type: string;
  @ApiProperty({ format: 'date-time', description: '业务发生时间' }) occurredAt: string;
  @ApiProperty({ format: 'date-time', description: '记录时间' }) recordedAt: string;
  @ApiProperty({ type: EventActorDto, nullable: true }) actor: EventActorDto | null;
  @ApiProperty({ type: Object }) data: unknown;
  @ApiProperty() correlationId: string;
}

export class ProposalListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
  @ApiProperty() kind: string;
  @ApiProperty() level: string;
  @ApiProperty() sessionYear: number;
  @ApiProperty() period: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) topic: string | null;
  @ApiProperty() status: string;
  @ApiProperty() key: boolean;
  @ApiProperty() major: boolean;
  @ApiProperty() urgent: boolean;
  @ApiProperty({ type: String, isArray: true }) proposerNames: string[];
  @ApiProperty({ type: String, isArray: true, description: '曾交办的单位' }) unitIds: string[];
  @ApiProperty({ type: String, isArray: true, description: '当前承办的单位' }) activeUnitIds: string[];
  @ApiProperty({ type: String, isArray: true, description: '当前主办（单一 / 分别办理）单位' }) leadUnitIds: string[];
  @ApiProperty({ nullable: true, type: String }) leaderInCharge: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ nullable: true, type: String }) assignedOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) replyDueAt: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

export class ProposalListPageDto {
  @ApiProperty({ type: ProposalListItemDto, isArray: true }) items: ProposalListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class UnitFiguresDto {
  @ApiProperty({ example: 'rsj' }) unitId: string;
  @ApiProperty({ example: 12, description: '曾交办本单位的件数' }) assigned: number;
  @ApiProperty({ example: 5, description: '本单位仍在办理的件数' }) active: number;
  @ApiProperty({ example: 1, description: '本单位负责答复而超期的件数（第十九条）' }) overdue: number;
}

export class ProposalFiguresDto {
  @ApiProperty({ example: 154 }) total: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { registered: 120, assigned: 33, archived: 1 }, description: '按办理阶段计数' })
  byStatus: Record<string, number>;
  @ApiProperty({ example: 1, description: '超期件数（第十九条）' }) overdue: number;
  @ApiProperty({ example: 1, description: '7 日内届满的答复期限' }) due7: number;
  @ApiProperty({ example: 2, description: '30 日内届满的答复期限' }) due30: number;
  @ApiProperty({ type: UnitFiguresDto, isArray: true }) units: UnitFiguresDto[];
}

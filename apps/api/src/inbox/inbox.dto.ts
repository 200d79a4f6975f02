import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '../common/page-query.dto';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

export class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true：只看未读' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'unread 须为 true 或 false' })
  unread?: boolean;

}

export class InboxItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: '相关的建议提案' }) proposalId: string | null;
  @ApiProperty({ format: 'uuid', description: '引起此消息的事件' }) eventId: string;
  @ApiProperty({ nullable: true, type: String, description: '答复送达通知（reply_sent）所涉的答复 id' }) replyId: string | null;
  @ApiProperty({
    example: 'assigned',
    description:
      'assigned 交办 / return_requested 退转申请 / return_approved 退转同意 / return_rejected 退转未同意 / ' +
      'return_window_closed 退转期限届满 / reply_overdue 答复超期 / reply_delayed 已说明延期 / reminder 催办 / reply_sent 答复已送达（代表委员） / ' +
      'co_opinion_received 会办意见送达 / co_opinion_overdue 会办意见逾期 / progress_report_missed 办理进度未报送 / merged 并案办理 / ' +
      'deadline_changed 期限调整 / document_to_compile 待整理正式文件 / document_to_review 正式文件待审查 / document_to_sign 正式文件待签发 / ' +
      'document_returned 正式文件被退回 / document_signed 正式文件已签发 / document_sent 正式文件答复 / ' +
      'major_approval_requested 重大事项待阅批（分管副市长） / major_item_approved 已阅批可交办（办公厅） / reading_requested 满意件待阅示（分管副市长） / ' +
      'reminder_escalated 催办升级（分管领导、联络机构和建议提案处） / promise_follow_up 请报告B类答复承诺事项进展 / ' +
      'unit_summary_owed 应报送年度办理工作总结 / unit_summary_reminder 办理工作总结到期提醒 / unit_summary_overdue 办理工作总结逾期',
  })
  kind: string;
  @ApiProperty({ example: '新交办：《关于加强职业技能培训的建议》，答复期限 2026-06-02' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: '已读时间；未读为 null' }) readAt: string | null;
  @ApiPropertyOptional({ description: '仅提出人本人可见：该答复征求意见表的令牌（GET/POST /api/feedback/{token}）' }) feedbackToken?: string;
}

export class InboxPageDto {
  @ApiProperty({ type: InboxItemDto, isArray: true }) items: InboxItemDto[];
  @ApiProperty({ description: '符合筛选条件的条数' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: '本人未读消息总数（不受筛选影响）' }) unreadCount: number;
}

export class MarkAllReadDto {
  @ApiProperty({ description: '本次标为已读的条数' }) marked: number;
}

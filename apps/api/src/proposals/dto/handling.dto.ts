/** 会办意见 (SPEC §4.2), 请示 (Art. 5) and 督办台账 (SPEC §4.3): request bodies and the detail's per-unit view. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 会办意见: a co-unit's opinion to the lead unit. */
export class CoUnitOpinionDto {
  @ApiProperty({ example: '建议将加装电梯纳入老旧小区改造统筹考虑，住房保障部门可提供补贴政策依据。', description: '会办意见（送主办单位）' })
  @IsDefined({ message: '会办意见为必填项' })
  @IsString({ message: 'opinion 须为字符串' })
  @Matches(/\S/, { message: '会办意见不能为空' })
  @MaxLength(20_000, { message: '会办意见不能超过 20000 字' })
  opinion: string;
}

/** 请示 (Art. 5): a matter within a higher government's or department's authority. */
export class InstructionsRequestDto {
  @ApiProperty({ example: '省住房和城乡建设厅', description: '请示的上级政府或部门' })
  @IsDefined({ message: 'authority 为必填项' })
  @IsString({ message: 'authority 须为字符串' })
  @Matches(/\S/, { message: '请写明请示的上级政府或部门' })
  @MaxLength(200, { message: 'authority 不能超过 200 字' })
  authority: string;

  @ApiProperty({ example: '既有住宅加装电梯是否适用省级补贴资金', description: '请示事项' })
  @IsDefined({ message: 'matter 为必填项' })
  @IsString({ message: 'matter 须为字符串' })
  @Matches(/\S/, { message: '请写明请示事项' })
  @MaxLength(5000, { message: 'matter 不能超过 5000 字' })
  matter: string;
}

/** The higher authority's answer (批复) to a request for instructions. */
export class InstructionsAnswerDto {
  @ApiProperty({ example: '可按省级既有住宅加装电梯补贴办法执行。', description: '上级的答复（批复）意见' })
  @IsDefined({ message: 'answer 为必填项' })
  @IsString({ message: 'answer 须为字符串' })
  @Matches(/\S/, { message: '请填写上级的答复意见' })
  @MaxLength(20_000, { message: 'answer 不能超过 20000 字' })
  answer: string;

  @ApiProperty({ example: '2026-11-23', description: '收到答复的日期 YYYY-MM-DD' })
  @IsDefined({ message: 'on 为必填项' })
  @IsString({ message: 'on 须为 YYYY-MM-DD 日期' })
  @Matches(DATE, { message: 'on 须为 YYYY-MM-DD 日期' })
  on: string;
}

/** 督办台账: one month's progress report. */
export class ProgressReportDto {
  @ApiProperty({ example: '2026-12', description: '报送月份 YYYY-MM（当月 22 日前会办单位报主办单位、25 日前主办单位报建议提案处，日期为政策）' })
  @IsDefined({ message: 'month 为必填项' })
  @IsString({ message: 'month 须为 YYYY-MM 月份' })
  @Matches(MONTH, { message: 'month 须为 YYYY-MM 月份' })
  month: string;

  @ApiProperty({ example: '已完成现场踏勘，正在会同街道制定加装方案。', description: '办理进展' })
  @IsDefined({ message: 'progress 为必填项' })
  @IsString({ message: 'progress 须为字符串' })
  @Matches(/\S/, { message: '请填写办理进展' })
  @MaxLength(20_000, { message: 'progress 不能超过 20000 字' })
  progress: string;
}

// ---- views --------------------------------------------------------------------------------------

export class CoUnitOpinionViewDto {
  @ApiProperty() opinion: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ description: '逾期提交' }) late: boolean;
}

export class InstructionsAnswerViewDto {
  @ApiProperty() answer: string;
  @ApiProperty({ example: '2026-11-23' }) on: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class InstructionRequestViewDto {
  @ApiProperty() requestId: string;
  @ApiProperty({ example: '省住房和城乡建设厅' }) authority: string;
  @ApiProperty() matter: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiPropertyOptional({ type: InstructionsAnswerViewDto, nullable: true, description: '上级答复；为空表示尚未答复，本单位不能起草或发出答复（第五条）' })
  answer: InstructionsAnswerViewDto | null;
}

export class ProgressReportViewDto {
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty() progress: string;
  @ApiProperty({ format: 'date-time', description: '应报时间（当月报送日 24:00，上海时间）' }) dueAt: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ description: '逾期报送' }) late: boolean;
}

export class MissedProgressReportViewDto {
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
}

export class NextProgressReportViewDto {
  @ApiProperty({ example: '2027-01' }) month: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
}

/** The per-unit part of the detail for these steps (UnitAssignmentDto extends it). */
export class UnitSupervisionViewDto {
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '会办单位：会办意见期限（主办单位答复期限前 30 日，政策可调）' })
  opinionDueAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2027-01-25' }) opinionDueLastDay: string | null;
  @ApiProperty({ description: '会办意见期限计算说明（非会办单位为空）' }) opinionDueExplanation: string;
  @ApiProperty({ type: CoUnitOpinionViewDto, isArray: true, description: '会办单位送主办单位的会办意见' }) coUnitOpinions: CoUnitOpinionViewDto[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '会办意见期限届满而未提交：届满时刻' }) opinionOverdueAt: string | null;
  @ApiProperty({ type: InstructionRequestViewDto, isArray: true, description: '请示（第五条）' }) instructionRequests: InstructionRequestViewDto[];
  @ApiProperty({ description: '有尚未答复的请示（第五条：请示答复前不得答复代表委员）' }) instructionsPending: boolean;
  @ApiProperty({ type: ProgressReportViewDto, isArray: true, description: '督办台账：按月报送的办理进度' }) progressReports: ProgressReportViewDto[];
  @ApiProperty({ type: MissedProgressReportViewDto, isArray: true, description: '督办台账：未按时报送的月份（督办发现的问题，不影响办理）' })
  progressReportsMissed: MissedProgressReportViewDto[];
  @ApiProperty({ nullable: true, type: NextProgressReportViewDto, description: '下一次应报送的月份与时间；已答复、办结或退转的单位为空' })
  nextProgressReport: NextProgressReportViewDto | null;
}

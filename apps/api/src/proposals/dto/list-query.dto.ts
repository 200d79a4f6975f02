import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '../../common/page-query.dto';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PROPOSAL_KINDS, PROPOSAL_LEVELS } from '@jyta/proposal-domain';
import { UNIT_CODE } from '../../common/validators';
import { AWAITING } from '@jyta/proposal-read-models';

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

export class ListProposalsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026, description: '届次年份' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year 须为整数年份' })
  @Min(2000, { message: 'year 不能早于 2000' })
  @Max(2100, { message: 'year 不能晚于 2100' })
  year?: number;

  @ApiPropertyOptional({ enum: PROPOSAL_KINDS })
  @IsOptional()
  @IsIn(PROPOSAL_KINDS as string[], { message: `kind 须为 ${PROPOSAL_KINDS.join(' / ')}` })
  kind?: string;

  @ApiPropertyOptional({ enum: PROPOSAL_LEVELS })
  @IsOptional()
  @IsIn(PROPOSAL_LEVELS as string[], { message: `level 须为 ${PROPOSAL_LEVELS.join(' / ')}` })
  level?: string;

  @ApiPropertyOptional({ example: 'assigned', description: 'registered 待交办 / assigned 已交办 / awaiting_reassignment 待重新交办 …' })
  @IsOptional()
  @IsString({ message: 'status 须为字符串' })
  @Matches(/^[a-z_]{1,40}$/, { message: 'status 格式无效' })
  status?: string;

  @ApiPropertyOptional({ example: 'rsj', description: '曾交办给该单位的件' })
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unitId 须为单位代码' })
  unitId?: string;

  @ApiPropertyOptional({ description: '超期（第十九条）：主办、单独或分别办理单位已过答复期限，既未答复也未提交延期说明' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'overdue 须为 true 或 false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: '重点建议 / 提案' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'key 须为 true 或 false' })
  key?: boolean;

  @ApiPropertyOptional({ description: '按标题或编号模糊查询' })
  @IsOptional()
  @IsString({ message: 'q 须为字符串' })
  @MaxLength(100, { message: 'q 不能超过 100 字' })
  q?: string;

  @ApiPropertyOptional({ description: '重大建议 / 提案（第六条，须阅批）' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'major 须为 true 或 false' })
  major?: boolean;

  @ApiPropertyOptional({ description: '急需办理' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'urgent 须为 true 或 false' })
  urgent?: boolean;

  @ApiPropertyOptional({ example: '教育', description: '按主题（所属领域）模糊查询' })
  @IsOptional()
  @IsString({ message: 'topic 须为字符串' })
  @MaxLength(50, { message: 'topic 不能超过 50 字' })
  topic?: string;

  @ApiPropertyOptional({ example: '张三', description: '按提出人（领衔人或联名人）姓名模糊查询' })
  @IsOptional()
  @IsString({ message: 'proposer 须为字符串' })
  @MaxLength(50, { message: 'proposer 不能超过 50 字' })
  proposer?: string;

  @ApiPropertyOptional({
    enum: AWAITING,
    description:
      '建议提案处的待办队列：return-decision 待决定退转申请 / reassignment 退转后待重新交办（含分别办理待改派的部分）/ ' +
      'major-approval 重大件待提请或待阅批（未交办）/ quality-check 答复待质量审查（第十八条）/ ' +
      'government-document 省级、全国件待整理或待发出正式文件 / merged 已并入主件的件（可拆分）；' +
      '分管副市长本人的待办（只对本人，他人的看不到）：vice-mayor-major 提请本人阅批的重大件 / vice-mayor-review 待本人审查的多单位答复 / ' +
      'vice-mayor-signing 待本人审核签发的正式文件 / vice-mayor-reading 本人分管、政府组成部门答复满意待阅示 / vice-mayor 以上全部',
  })
  @IsOptional()
  @IsIn(AWAITING as readonly string[] as string[], { message: `awaiting 须为 ${AWAITING.join(' / ')}` })
  awaiting?: string;
}

import { Body, Controller, Get, HttpCode, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { ErrorDto } from '../common/error.dto';
import { PolicyAdminService } from './admin.service';
import { PolicyDto, UpdatePolicyDto } from './dto/policy.dto';

@ApiTags('admin 系统管理')
@ApiBearerAuth()
@Roles('admin')
@ApiForbiddenResponse({ type: ErrorDto, description: 'FORBIDDEN_ROLE：仅系统管理员（admin）可用' })
@Controller('admin/policy')
export class PolicyAdminController {
  constructor(private readonly policies: PolicyAdminService) {}

  @Get()
  @ApiOperation({
    summary: '当前办理政策（期限）',
    description:
      '尚未发布过任何版本时为内置默认值（版本 1：退转 15 日，答复 3 个月，紧急件 1 个月，反馈 30 日；' +
      '答复期限前 30 日、7 日和退转期限前 3 日催办，超期后每 7 日催办；会办意见在主办单位期限前 30 日；每月 22 日、25 日报送进展）。',
  })
  @ApiOkResponse({ type: PolicyDto })
  current(): Promise<PolicyDto> {
    return this.policies.current();
  }

  @Get('versions')
  @ApiOperation({ summary: '办理政策全部版本（新的在前）' })
  @ApiOkResponse({ type: PolicyDto, isArray: true })
  versions(): Promise<PolicyDto[]> {
    return this.policies.versions();
  }

  @Put()
  @HttpCode(201)
  @ApiOperation({
    summary: '发布新的办理政策版本',
    description:
      '提交任意几项期间（未提交的保持不变），发布为新版本（版本号 +1）并返回。' +
      '新版本只适用于此后登记的件：在办件在登记时已复制当时的政策版本，继续按原版本计算期限。' +
      '可设：退转期限、答复期限、紧急件答复期限、征求意见表反馈期限（feedbackPeriod）、重新办理答复期限（rehandlingPeriod）、催办（replyReminders、returnWindowReminders、' +
      'overdueReminderEvery，只能以日或秒计）、会办意见期限（coUnitOpinionLeadTime）、督办台账报送日（progressReportDays）。' +
      '期间写法：P15D（日）、P3M（月）、P10WD（工作日）；PT30S（秒）仅在非生产环境可用，供测试。每项最长约一年。',
  })
  @ApiCreatedResponse({ type: PolicyDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'VALIDATION_FAILED：details.fields 指明无效的字段' })
  publish(@Body() dto: UpdatePolicyDto, @CurrentUser() user: AuthUser): Promise<PolicyDto> {
    return this.policies.publish(dto, user);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DirectoryDb } from './directory-db';
import { DirectoryService } from './directory.service';

class UnitDto {
  @ApiProperty({ example: 'rsj', description: '单位代码（API 中的 unitId）' })
  code: string;
  @ApiProperty({ example: '市人社局' })
  name: string;
  @ApiProperty({ example: 'department', description: 'department 政府部门 / organization 人民团体' })
  kind: string;
}

@ApiTags('directory 单位')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @ApiOperation({ summary: '承办单位列表' })
  @ApiOkResponse({ type: UnitDto, isArray: true })
  list(): Promise<UnitDto[]> {
    return this.directory.allUnits();
  }
}

class LeaderDto {
  @ApiProperty({ example: 'vice-mayor-1', description: '账号（交办时的分管市领导 leaderInCharge）' })
  username: string;
  @ApiProperty({ example: '周慕远', description: '姓名' })
  name: string;
}

/** 分管副市长: the accounts an item's leader in charge names, so pages show a person, not an account code. */
@ApiTags('directory 单位')
@ApiBearerAuth()
@Controller('leaders')
export class LeadersController {
  constructor(private readonly db: DirectoryDb) {}

  @Get()
  @ApiOperation({ summary: '分管市领导（副市长）列表' })
  @ApiOkResponse({ type: LeaderDto, isArray: true })
  async list(): Promise<LeaderDto[]> {
    const rows: { username: string; display_name: string }[] = await this.db.ds.query(
      `SELECT username, display_name FROM users WHERE role = 'vice_mayor' ORDER BY username`,
    );
    return rows.map((r) => ({ username: r.username, name: r.display_name }));
  }
}

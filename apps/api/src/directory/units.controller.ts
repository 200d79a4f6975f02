import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
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

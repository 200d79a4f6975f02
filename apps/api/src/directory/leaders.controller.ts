import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DirectoryDb } from './directory-db';

class LeaderDto {
  @ApiProperty({ example: 'vice-mayor-1', description: '账号（交办时的 leaderInCharge）' })
  username: string;
  @ApiProperty({ example: '王副市长' })
  name: string;
}

/**
 * 分管市领导: the vice mayors an item can be put before. The item records the account name; the
 * pages show the person's name from here (never the account code). Any logged-in user may read it:
 * the names of the city's leaders are public, and every list of items shows them.
 */
@ApiTags('directory 单位')
@ApiBearerAuth()
@Controller('leaders')
export class LeadersController {
  constructor(private readonly db: DirectoryDb) {}

  @Get()
  @ApiOperation({ summary: '分管市领导（副市长）名单' })
  @ApiOkResponse({ type: LeaderDto, isArray: true })
  async list(): Promise<LeaderDto[]> {
    const rows: { username: string; name: string }[] = await this.db.ds.query(
      `SELECT username, display_name AS name FROM users WHERE role = 'vice_mayor' ORDER BY username`,
    );
    return rows;
  }
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Paging of every list endpoint: page from 1, up to 100 rows a page. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page 须为正整数' })
  @Min(1, { message: 'page 须为正整数' })
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize 须为 1–100 的整数' })
  @Min(1, { message: 'pageSize 须为 1–100 的整数' })
  @Max(100, { message: 'pageSize 须为 1–100 的整数' })
  pageSize?: number;
}

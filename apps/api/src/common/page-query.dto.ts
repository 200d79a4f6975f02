import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * Highest page a list may be asked for: with at most 100 rows a page the offset stays below 10^7,
 * far inside PostgreSQL's bigint and JavaScript's safe integers (page=1e21 used to reach the
 * database as an offset it could not take, a 500).
 */
export const MAX_PAGE = 100_000;
export const MAX_PAGE_SIZE = 100;

/**
 * A query parameter that must be written as a plain decimal integer: "1e2", "0x10", "1.0" and
 * " 1" stay strings and fail @IsInt, instead of Number() quietly accepting them.
 */
export const StrictInt = () =>
  Transform(({ value }) => (typeof value === 'string' && /^[0-9]{1,15}$/.test(value) ? Number(value) : value));

/** Paging of every list endpoint: page from 1, up to 100 rows a page. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: MAX_PAGE, type: 'integer' })
  @IsOptional()
  @StrictInt()
  @IsInt({ message: `page 须为 1–${MAX_PAGE} 的整数` })
  @Min(1, { message: `page 须为 1–${MAX_PAGE} 的整数` })
  @Max(MAX_PAGE, { message: `page 须为 1–${MAX_PAGE} 的整数` })
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: MAX_PAGE_SIZE, type: 'integer' })
  @IsOptional()
  @StrictInt()
  @IsInt({ message: 'pageSize 须为 1–100 的整数' })
  @Min(1, { message: 'pageSize 须为 1–100 的整数' })
  @Max(MAX_PAGE_SIZE, { message: 'pageSize 须为 1–100 的整数' })
  pageSize?: number;
}

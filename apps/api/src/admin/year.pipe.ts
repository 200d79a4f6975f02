import { Injectable, type PipeTransform } from '@nestjs/common';
import { invalidField } from '../common/app-exception';

/**
 * `:year` must be a four-digit year (400 naming the parameter otherwise). The global
 * ValidationPipe (transform: true) runs first and may already have turned it into a number.
 */
@Injectable()
export class YearPipe implements PipeTransform<string | number, number> {
  transform(value: string | number): number {
    const s = typeof value === 'number' ? String(value) : value;
    if (typeof s !== 'string' || !/^\d{4}$/.test(s) || Number(s) < 1900) throw invalidField('year', 'year 须为四位年份，如 2027');
    return Number(s);
  }
}

import { Injectable, type PipeTransform } from '@nestjs/common';
import { invalidField } from './app-exception';
import { UNIT_CODE, UUID } from './validators';

/** `:id` must be a uuid (400 naming the parameter otherwise); answered lower-case. */
@Injectable()
export class ProposalIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value)) throw invalidField('id', 'id 须为 UUID');
    return value.toLowerCase();
  }
}

/** `:unitId` must look like a unit code. */
@Injectable()
export class UnitIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UNIT_CODE.test(value)) throw invalidField('unitId', 'unitId 须为单位代码，如 rsj');
    return value;
  }
}

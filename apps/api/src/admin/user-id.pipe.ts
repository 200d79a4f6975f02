import { Injectable, type PipeTransform } from '@nestjs/common';
import { invalidField } from '../common/app-exception';
import { UUID } from '../common/validators';

/** `:id` of an account must be a uuid (400 naming the parameter otherwise); answered lower-case. */
@Injectable()
export class UserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value)) throw invalidField('id', 'id 须为 UUID');
    return value.toLowerCase();
  }
}

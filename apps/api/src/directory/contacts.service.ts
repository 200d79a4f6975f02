import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError, type StoredEvent } from '@jyta/event-store';
import {
  CONTACT_KINDS,
  CONTACT_KIND_LABELS,
  contactRows,
  UnitContactEntity,
  UnitEntity,
  unitStream,
  type ContactEntry,
  type UnitContactsChanged,
  type UnitRow,
} from '@jyta/directory';
import { AppException, validationFailed, type FieldError } from '../common/app-exception';
import { Infrastructure } from '../infrastructure/infrastructure';
import type { ChangeContext } from './accounts.service';
import { DirectoryDb } from './directory-db';
import type { UnitContactsDto } from './contacts.dto';

export const unitNotFound = (code: string) => new AppException(404, 'UNIT_NOT_FOUND', `单位 ${code} 不存在`);

const SINGLE_KINDS = ['main_leader', 'leader_in_charge', 'office_head'] as const;
const MAX_HANDLERS = 20;

/** The rule of the list as a whole: one person at most for each leading post, a bounded team of handlers. */
export function contactsProblems(contacts: ContactEntry[]): FieldError[] {
  const problems: FieldError[] = [];
  for (const kind of SINGLE_KINDS) {
    const at = contacts.flatMap((c, i) => (c.kind === kind ? [i] : []));
    if (at.length > 1) problems.push({ field: `contacts.${at[1]}.kind`, errors: [`${CONTACT_KIND_LABELS[kind]}只能有一位`] });
  }
  if (contacts.filter((c) => c.kind === 'handler').length > MAX_HANDLERS) {
    problems.push({ field: 'contacts', errors: [`承办人员不能超过 ${MAX_HANDLERS} 位`] });
  }
  return problems;
}

const kindOrder = (k: string) => CONTACT_KINDS.indexOf(k as (typeof CONTACT_KINDS)[number]);

/**
 * The contacts directory of Art. 14 (通信录): per unit the stream `unit-<code>` of
 * UnitContactsChanged events (each the whole list after the change), folded into `unit_contacts`.
 */
@Injectable()
export class ContactsService implements OnApplicationBootstrap {
  constructor(
    private readonly infra: Infrastructure,
    private readonly db: DirectoryDb,
  ) {}

  /** Finishes, at start, the folds a crash cut short (see AccountsService.onApplicationBootstrap). */
  async onApplicationBootstrap(): Promise<void> {
    const behind: { code: string }[] = await this.db.ds.query(
      `SELECT u.code FROM units u
        WHERE u.contacts_version < COALESCE((SELECT max(e.version) FROM events e WHERE e.stream_id = 'unit-' || u.code), 0)`,
    );
    for (const { code } of behind) await this.sync(code);
  }

  async get(code: string): Promise<UnitContactsDto> {
    const unit = await this.sync(code);
    const rows = await this.db.ds.getRepository(UnitContactEntity).find({ where: { unitCode: code } });
    rows.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.seq - b.seq);
    const events = (await this.infra.store.readStream(unitStream(code))).filter((e) => e.type === 'UnitContactsChanged') as StoredEvent<
      UnitContactsChanged['data']
    >[];
    return {
      unitId: unit.code,
      unitName: unit.name,
      contacts: rows.map((r) => ({ kind: r.kind, name: r.name, phone: r.phone, position: r.position })),
      history: events.map((e) => ({
        version: e.version,
        at: e.metadata.occurredAt,
        by: e.metadata.actor?.username ?? null,
        contacts: e.data.contacts,
      })),
    };
  }

  async replace(code: string, contacts: ContactEntry[], ctx: ChangeContext): Promise<UnitContactsDto> {
    const problems = contactsProblems(contacts);
    if (problems.length) throw validationFailed(problems);
    const unit = await this.sync(code);
    const clean = contacts.map((c) => ({ kind: c.kind, name: c.name.trim(), phone: c.phone.trim(), position: c.position.trim() }));
    try {
      await this.infra.store.append(
        unitStream(code),
        [
          {
            eventId: randomUUID(),
            type: 'UnitContactsChanged',
            data: { contacts: clean } satisfies UnitContactsChanged['data'],
            metadata: { actor: ctx.actor, occurredAt: new Date().toISOString(), correlationId: ctx.correlationId },
          },
        ],
        { expectedVersion: unit.contactsVersion },
      );
    } catch (err) {
      if (err instanceof WrongExpectedVersionError) throw new AppException(409, 'CONCURRENT_CHANGE', '该单位通信录刚被其他人修改，请刷新后重试');
      throw err;
    }
    return this.get(code);
  }

  /** Folds the unit's stream into `unit_contacts` up to its end; 404 when the unit does not exist. */
  private sync(code: string): Promise<UnitRow> {
    return this.db.ds.transaction(async (em) => {
      const units = em.getRepository(UnitEntity);
      const unit = await units.findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw unitNotFound(code);
      const events = await this.infra.store.readStream(unitStream(code), { fromVersion: unit.contactsVersion + 1 });
      if (events.length === 0) return unit;
      // Each change carries the whole list: only the last one matters for the rows.
      const last = [...events].reverse().find((e) => e.type === 'UnitContactsChanged') as StoredEvent<UnitContactsChanged['data']> | undefined;
      if (last) {
        await em.getRepository(UnitContactEntity).delete({ unitCode: code });
        const rows = contactRows(code, last.data.contacts);
        if (rows.length) await em.getRepository(UnitContactEntity).insert(rows);
      }
      const version = events[events.length - 1].version;
      await units.update({ code }, { contactsVersion: version });
      return { ...unit, contactsVersion: version };
    });
  }
}

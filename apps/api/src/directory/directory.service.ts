import { Injectable } from '@nestjs/common';
import { findUserByUsername, listUnits, unknownUnits, type Unit } from '@jyta/directory';
import { validationFailed, type FieldError } from '../common/app-exception';
import { DirectoryDb } from './directory-db';

/** Units (cached; they change rarely) and unit checks. */
@Injectable()
export class DirectoryService {
  private units?: Map<string, Unit>;
  private loadedAt = 0;

  constructor(private readonly db: DirectoryDb) {}

  async allUnits(): Promise<Unit[]> {
    return [...(await this.unitMap()).values()];
  }

  /** The unit's name, or the code itself when unknown. */
  async unitName(code: string): Promise<string> {
    let u = (await this.unitMap()).get(code);
    if (!u) u = (await this.unitMap(true)).get(code);
    return u?.name ?? code;
  }

  async unitNames(): Promise<Map<string, string>> {
    const m = await this.unitMap();
    return new Map([...m.values()].map((u) => [u.code, u.name]));
  }

  /** 'department' (政府组成部门), 'organization', …; undefined when unknown. */
  async unitKind(code: string): Promise<string | undefined> {
    let u = (await this.unitMap()).get(code);
    if (!u) u = (await this.unitMap(true)).get(code);
    return u?.kind;
  }

  /** Is `username` an account of a vice mayor (分管副市长)? */
  async isViceMayor(username: string): Promise<boolean> {
    const u = await findUserByUsername(this.db.ds, username);
    return u?.role === 'vice_mayor' && !u.disabled;
  }

  /**
   * The field errors of a command's unit references and leader in charge: every unit must be in the
   * directory, and the leader in charge must be the account of a vice mayor (分管副市长).
   */
  async referenceProblems(refs: { units: { field: string; code: string }[]; leaderInCharge?: { field: string; username: string } }): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    const unknown = new Set(await this.unknownUnits(refs.units.map((u) => u.code)));
    for (const u of refs.units) if (unknown.has(u.code)) problems.push({ field: u.field, errors: [`未知单位 ${u.code}`] });
    const l = refs.leaderInCharge;
    if (l && !(await this.isViceMayor(l.username))) {
      problems.push({ field: l.field, errors: [`${l.username} 不是分管副市长的账号`] });
    }
    return problems;
  }

  /** Throws 400 VALIDATION_FAILED naming each bad field (see referenceProblems). */
  async checkReferences(refs: Parameters<DirectoryService['referenceProblems']>[0]): Promise<void> {
    const problems = await this.referenceProblems(refs);
    if (problems.length) throw validationFailed(problems, `引用无效：${problems.map((p) => `${p.field}（${p.errors.join('；')}）`).join('、')}`);
  }

  /** Codes that are not units (checked against the database, not the cache). */
  unknownUnits(codes: string[]): Promise<string[]> {
    return unknownUnits(this.db.ds, codes);
  }

  private async unitMap(refresh = false): Promise<Map<string, Unit>> {
    if (refresh || !this.units || Date.now() - this.loadedAt > 60_000) {
      const list = await listUnits(this.db.ds);
      this.units = new Map(list.map((u) => [u.code, u]));
      this.loadedAt = Date.now();
    }
    return this.units;
  }
}

import { Injectable } from '@nestjs/common';
import { findUserByUsername, listUnits, unknownUnits, type Unit } from '@jyta/directory';
import { Infrastructure } from '../infrastructure/infrastructure';

/** Units (cached; they change rarely) and unit checks. */
@Injectable()
export class DirectoryService {
  private units?: Map<string, Unit>;
  private loadedAt = 0;

  constructor(private readonly infra: Infrastructure) {}

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
    const u = await findUserByUsername(this.infra.pool, username);
    return u?.role === 'vice_mayor';
  }

  /** Codes that are not units (checked against the database, not the cache). */
  unknownUnits(codes: string[]): Promise<string[]> {
    return unknownUnits(this.infra.pool, codes);
  }

  private async unitMap(refresh = false): Promise<Map<string, Unit>> {
    if (refresh || !this.units || Date.now() - this.loadedAt > 60_000) {
      const list = await listUnits(this.infra.pool);
      this.units = new Map(list.map((u) => [u.code, u]));
      this.loadedAt = Date.now();
    }
    return this.units;
  }
}

import { Injectable } from '@nestjs/common';
import { listUnits, unknownUnits, type Unit } from '@jyta/directory';
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

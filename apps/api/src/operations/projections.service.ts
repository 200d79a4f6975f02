import { Injectable, Logger } from '@nestjs/common';
import type { ProjectionRunner } from '@jyta/event-store';
import { AppException } from '../common/app-exception';
import { NotificationsRunner } from '../inbox/inbox.service';
import { Infrastructure } from '../infrastructure/infrastructure';
import type { ProjectionStatusDto, ProjectionsDto } from './dto/projection.dto';

const PARKED_SHOWN = 20;

/** The read models this API runs: their status (lag, parked events) and their rebuild. */
@Injectable()
export class ProjectionsService {
  private readonly logger = new Logger('Projections');

  constructor(
    private readonly infra: Infrastructure,
    private readonly notifications: NotificationsRunner,
  ) {}

  private runners(): ProjectionRunner[] {
    return [this.infra.runner, this.notifications.runner];
  }

  private async statusOf(runner: ProjectionRunner): Promise<ProjectionStatusDto> {
    return { ...(await runner.status()), parkedEvents: await runner.parkedEvents(PARKED_SHOWN) };
  }

  async list(): Promise<ProjectionsDto> {
    return { projections: await Promise.all(this.runners().map((r) => this.statusOf(r))) };
  }

  /** Resets the read model and its checkpoint atomically; the running loops replay it from the store. */
  async rebuild(name: string): Promise<ProjectionStatusDto> {
    const runner = this.runners().find((r) => r.name === name);
    if (!runner) throw new AppException(404, 'PROJECTION_NOT_FOUND', `投影 ${name} 不存在（可用：${this.runners().map((r) => r.name).join('、')}）`);
    await runner.reset();
    this.logger.warn(`projection ${name} reset for a rebuild; replaying from the event store`);
    return this.statusOf(runner);
  }
}

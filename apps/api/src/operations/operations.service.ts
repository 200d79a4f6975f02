import { Injectable, Logger } from '@nestjs/common';
import { isGrpcServiceError, ServiceError, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import {
  operationId,
  operationKindOf,
  operationProgressQuery,
  type OperationKind,
  type OperationProgress,
} from '@jyta/workflows';
import type { AuthUser } from '../auth/auth-user';
import { AppException } from '../common/app-exception';
import type { CommandMeta } from '../common/command-meta';
import { Infrastructure, withTimeout } from '../infrastructure/infrastructure';

/** Namespace of the uuid v5 that turns an operation's Idempotency-Key into its id. */
export const OPERATION_ID_NAMESPACE = '2d0f4a4e-1c1b-4f7e-9a55-7f3f9f6b1a20';

export const operationNotFound = (id: string) => new AppException(404, 'OPERATION_NOT_FOUND', `操作 ${id} 不存在`);

/** A progress query answers within this time, or the operation is reported as it last was known (running). */
const QUERY_TIMEOUT_MS = 5000;

export interface OperationView extends OperationProgress {
  id: string;
}

/**
 * Starts and reads the durable admin operations (workflows/src/operations.ts). The operation id is
 * its workflow id; with an Idempotency-Key it is derived from the key (same key → the same
 * operation, answered again, never run twice), else new.
 */
/** How long a request that started an operation waits for it before answering 202 (OPERATION_WAIT_MS, default 15 s). */
export function operationWaitMsFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.OPERATION_WAIT_MS;
  if (raw === undefined || raw === '') return 15_000;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`OPERATION_WAIT_MS=${raw}: expected a whole number of milliseconds`);
  return ms;
}

@Injectable()
export class OperationsService {
  private readonly logger = new Logger('Operations');
  readonly waitMs = operationWaitMsFromEnv(process.env);

  constructor(private readonly infra: Infrastructure) {}

  /** `<kind>-<uuid>`; scoped by user and `scope` (e.g. the year, the main item) so a key reused elsewhere is another operation. */
  idFor(kind: OperationKind, user: AuthUser, meta: CommandMeta, scope: string): string {
    const uuid = meta.idempotencyKey ? uuidv5(`${kind}:${scope}:${user.id}:${meta.idempotencyKey}`, OPERATION_ID_NAMESPACE) : randomUUID();
    return operationId(kind, uuid);
  }

  /** Starts the operation's workflow, or finds the one already started under that id (a retry). */
  async start(id: string, workflowType: string, args: unknown[]): Promise<string> {
    const { client, config } = this.infra;
    try {
      await this.infra.withCommandDeadline(() =>
        client.workflow.start(workflowType, {
          workflowId: id,
          taskQueue: config.temporalTaskQueue,
          args,
          // A retry while it runs attaches to it; after it finished, the id is not run again.
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      );
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    }
    this.logger.log(`operation ${id} started`);
    return id;
  }

  /**
   * The operation's final progress when it finishes within `waitMs` (the read model then has its
   * events), else undefined: the caller answers 202 with the id.
   */
  async waitBriefly(id: string, waitMs: number): Promise<OperationView | undefined> {
    const handle = this.infra.client.workflow.getHandle<(...a: unknown[]) => Promise<OperationProgress>>(id);
    // The long poll behind result() ends with the wait (its deadline), not when the operation does.
    const result = this.infra.connection.withDeadline(Date.now() + waitMs + 500, () => handle.result());
    result.catch(() => undefined);
    let progress: OperationProgress;
    try {
      progress = await withTimeout(result, waitMs);
    } catch (e) {
      if (e instanceof Error && /^timed out after/.test(e.message)) return undefined;
      if (e instanceof ServiceError || isGrpcServiceError(e)) return undefined; // the deadline, a moment late
      throw e;
    }
    await this.infra.waitForReadModel(progress.position);
    return { id, ...progress };
  }

  /** GET /api/operations/{id}: the running operation's progress query, or its final result. */
  async read(id: string): Promise<OperationView> {
    if (!operationKindOf(id)) throw operationNotFound(id);
    const handle = this.infra.client.workflow.getHandle<(...a: unknown[]) => Promise<OperationProgress>>(id);
    let status: string;
    try {
      status = (await this.infra.withCommandDeadline(() => handle.describe())).status.name;
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) throw operationNotFound(id);
      throw e;
    }
    if (status === 'COMPLETED') return { id, ...(await this.infra.withCommandDeadline(() => handle.result())) };
    if (status === 'RUNNING' || status === 'CONTINUED_AS_NEW') {
      const progress = await withTimeout(handle.query(operationProgressQuery), QUERY_TIMEOUT_MS).catch((err) => {
        // No worker at the moment (e.g. restarting): the operation resumes when one polls again.
        this.logger.warn({ err, id }, 'operation progress query failed');
        throw new AppException(503, 'OPERATION_PROGRESS_UNAVAILABLE', '暂时无法读取该操作的进度（工作进程可能正在重启），操作会在恢复后继续；请稍后再试');
      });
      return { id, ...progress };
    }
    // Terminated, cancelled, timed out or failed by a bug: reported, never hidden.
    throw new AppException(409, 'OPERATION_ABORTED', `操作 ${id} 未能完成（${status}）`, { status });
  }
}

import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client';

export type JobHandler = (
  payload: Record<string, unknown>,
  job: { id: string; orgId: string | null; attempts: number },
) => Promise<void>;

/** In-process runner of the persistent `jobs` table. (Implementation in progress.) */
export class JobRunner {
  readonly handlers = new Map<string, JobHandler>();
  constructor(
    readonly db: Db,
    readonly log: FastifyBaseLogger,
  ) {}
  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }
  start(): void {}
  async stop(): Promise<void> {}
}

import type { Queryable } from '../db/client';
import { newId } from '../db/columns';
import { auditLog } from './audit.schema';

export interface AuditEntry {
  action: string;
  recordType: string;
  recordId?: string | null;
  /** What changed: `{ before, after }` of the fields touched, or a short description. */
  summary?: Record<string, unknown>;
}

/**
 * Writes one audit row and returns its id (an undo names the row it reverts). Call it with
 * the transaction of the change itself, so the change and its trace commit or roll back
 * together (ARCHITECTURE rule 4).
 */
export async function recordAudit(
  tx: Queryable,
  actor: { userId: string; orgId: string; ip: string | null } | null,
  entry: AuditEntry,
  orgId: string | null = actor?.orgId ?? null,
): Promise<string> {
  const id = newId();
  await tx.insert(auditLog).values({
    id,
    orgId,
    actorId: actor?.userId ?? null,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId ?? null,
    summary: entry.summary ?? {},
    ip: actor?.ip ?? null,
  });
  return id;
}

/** Before/after of the fields that changed, for the audit summary. */
export function diffSummary<T extends object, C extends { [K in keyof C]: K extends keyof T ? unknown : never }>(
  before: T,
  after: C,
): { before: Partial<Record<keyof C, unknown>>; after: Partial<C> } {
  const b: Partial<Record<keyof C, unknown>> = {};
  const a: Partial<C> = {};
  for (const key of Object.keys(after) as (keyof C & keyof T)[]) {
    if (after[key] !== undefined && after[key] !== before[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

import type { TConfidentiality, TRole } from '@dircab/contracts';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Actor } from './actor';

/** Roles of the cabinet itself: they see `restricted` records (DOMAIN.md). */
export const CABINET_ROLES: readonly TRole[] = [
  'executive',
  'chief_of_staff',
  'cabinet_head',
  'advisor',
  'secretariat',
  'communication',
];

/** Roles that see `confidential` records without being named on them. */
export const CONFIDENTIAL_ROLES: readonly TRole[] = ['executive', 'chief_of_staff'];

/**
 * Roles that never see the organisation's content through the kernel: the admin manages
 * users and settings only, and a group's staff only their group's space (seed 002).
 */
export const NO_CONTENT_ROLES: readonly TRole[] = ['admin', 'group_staff'];

export interface ScopedRecord {
  orgId: string;
  confidentiality: TConfidentiality;
  /** People named on a confidential record. */
  members?: readonly string[] | null;
}

/** The in-memory twin of `visibleTo`, for a record already loaded. */
export function canSee(actor: Actor, record: ScopedRecord): boolean {
  if (record.orgId !== actor.orgId) return false;
  if (NO_CONTENT_ROLES.includes(actor.role)) return false;
  switch (record.confidentiality) {
    case 'normal':
      return true;
    case 'restricted':
      return CABINET_ROLES.includes(actor.role) || (record.members ?? []).includes(actor.userId);
    case 'confidential':
      return CONFIDENTIAL_ROLES.includes(actor.role) || (record.members ?? []).includes(actor.userId);
  }
}

export interface ScopeColumns {
  orgId: SQLWrapper;
  confidentiality: SQLWrapper;
  members: SQLWrapper;
}

/**
 * SQL condition a query adds so the database returns only what the actor may see:
 * same organisation, and the confidentiality rules of `canSee`.
 */
export function visibleTo(actor: Actor, c: ScopeColumns): SQL {
  if (NO_CONTENT_ROLES.includes(actor.role)) return sql`false`;
  const named = sql`${actor.userId}::uuid = any(${c.members})`;
  const levels: SQL[] = [sql`${c.confidentiality} = 'normal'`];
  levels.push(
    CABINET_ROLES.includes(actor.role)
      ? sql`${c.confidentiality} = 'restricted'`
      : sql`(${c.confidentiality} = 'restricted' and ${named})`,
  );
  levels.push(
    CONFIDENTIAL_ROLES.includes(actor.role)
      ? sql`${c.confidentiality} = 'confidential'`
      : sql`(${c.confidentiality} = 'confidential' and ${named})`,
  );
  return sql`(${c.orgId} = ${actor.orgId} and (${sql.join(levels, sql` or `)}))`;
}

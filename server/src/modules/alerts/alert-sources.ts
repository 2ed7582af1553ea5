import type { TAlert, TRole } from '@dircab/contracts';
import type { Queryable } from '../../platform/db/client';
import type { Actor } from '../../platform/policy/actor';

/**
 * A module's contribution to the alert feed (escalated cases, overdue tasks; items to sign and
 * notes to read plug in the same way). `find` returns at most `limit` alerts about records the
 * actor may see (filtered in SQL like every query), most urgent first.
 */
export interface AlertSource {
  kind: string;
  find(db: Queryable, actor: Actor, limit: number): Promise<TAlert[]>;
}

/**
 * Who reads the feed: the executive and the chief of staff (issue 6), and the cabinet head, who
 * organises the cabinet's work (DOMAIN.md: routing, agendas) and follows what is late; the
 * sources' confidentiality filter keeps confidential cases from them unless they are named.
 */
export const ALERT_ROLES: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head'];

const sources = new Map<string, AlertSource>();

/** Modules call it when loaded; registering a kind again replaces it (several apps per test process). */
export function registerAlertSource(source: AlertSource): void {
  sources.set(source.kind, source);
}

export function alertSources(): AlertSource[] {
  return [...sources.values()];
}

import type { TCase, TCaseQuery } from '@dircab/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { casePolicy, seesOnlyNamedCases, visibleCases } from '../cases.policy';
import { cases } from '../cases.schema';

export type CaseRow = typeof cases.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const caseScope = { orgId: cases.orgId, confidentiality: cases.confidentiality, members: cases.viewers };

export function presentCase(actor: Actor, row: CaseRow): TCase {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    status: row.status,
    ownerId: row.ownerId,
    team: row.team,
    confidentiality: row.confidentiality,
    members: row.members,
    territoryId: row.territoryId,
    topics: row.topics,
    riskLevel: row.riskLevel,
    dueDate: row.dueDate,
    escalation: row.escalatedAt
      ? { at: row.escalatedAt.toISOString(), byId: row.escalatedBy, note: row.escalationNote ?? '' }
      : null,
    intervention:
      row.kind === 'intervention'
        ? {
            officialId: row.interventionOfficialId,
            institutionContactId: row.interventionInstitutionContactId,
            institutionName: row.interventionInstitutionName,
            date: row.interventionDate,
            object: row.interventionObject,
            answer: row.interventionAnswer,
            outcome: row.interventionOutcome ?? 'pending',
          }
        : null,
    createdById: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    policies: casePolicy.policiesFor(actor, row),
  };
}

/** One case the actor may see, or null (the route answers 404). `forUpdate` locks it for a change. */
export async function findCase(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<CaseRow | null> {
  const query = db
    .select()
    .from(cases)
    .where(and(eq(cases.orgId, actor.orgId), eq(cases.id, id), visibleCases(actor, caseScope)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The list's filters as SQL (the list and the CSV export share them). */
export function caseFilters(actor: Actor, query: Omit<TCaseQuery, 'limit' | 'cursor'>): SQL[] {
  const t = cases;
  const where: SQL[] = [eq(t.orgId, actor.orgId), visibleCases(actor, caseScope)];
  if (query.status) where.push(eq(t.status, query.status));
  if (query.kind) where.push(eq(t.kind, query.kind));
  if (query.ownerId) where.push(eq(t.ownerId, query.ownerId));
  if (query.territoryId) where.push(eq(t.territoryId, query.territoryId));
  if (query.riskLevel) where.push(eq(t.riskLevel, query.riskLevel));
  // cases_topics_idx (GIN).
  if (query.topic) where.push(sql`${t.topics} @> array[${query.topic}]::text[]`);
  return where;
}

/**
 * Cases as the actor may see them, newest first (keyset on id, a UUIDv7: cases_org_id_idx, or
 * the filter's own index).
 */
export async function findCases(
  db: Queryable,
  actor: Actor,
  query: TCaseQuery,
): Promise<{ data: TCase[]; nextCursor: string | null }> {
  const where = caseFilters(actor, query);
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['id']);
    if (!UUID.test(c.id)) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    where.push(sql`${cases.id} < ${c.id}::uuid`);
  }
  const rows = await db
    .select()
    .from(cases)
    .where(and(...where))
    // NULLS LAST as the indexes are built (ORDER BY … DESC alone means NULLS FIRST: the planner
    // then walked the primary key across every organisation). Officials and services: their few
    // cases through the viewers index, then sorted (NULLS FIRST keeps the id indexes out, or the
    // planner walks the organisation's cases testing each, as correspondence found).
    .orderBy(seesOnlyNamedCases(actor) ? sql`${cases.id} desc nulls first` : sql`${cases.id} desc nulls last`)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => presentCase(actor, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}

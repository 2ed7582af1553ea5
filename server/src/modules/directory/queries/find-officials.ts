import type { TMandate, TOfficial, TOfficialQuery } from '@dircab/contracts';
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { CABINET_ROLES } from '../../../platform/policy/confidentiality';
import { contacts } from '../directory.schema';
import { OFFICIAL_ROLES, officialPolicy } from '../officials.policy';
import { mandates, officials, politicalGroups } from '../officials.schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface OfficialRow {
  id: string;
  orgId: string;
  contactId: string;
  userId: string | null;
  portfolios: string[];
  displayName: string;
  sortName: string;
  groupStaff: string[];
  /** Null unless the actor may see the affiliation: decided in SQL. */
  group: { id: string; name: string; side: 'majority' | 'opposition' } | null;
  createdAt: Date;
  updatedAt: Date;
}

export type MandateRow = typeof mandates.$inferSelect;

export function presentMandate(m: MandateRow): TMandate {
  return {
    id: m.id,
    function: m.function,
    rank: m.rank,
    label: m.label,
    body: m.body,
    bodyName: m.bodyName,
    collectivityCode: m.collectivityCode,
    collectivityName: m.collectivityName,
    startDate: m.startDate,
    endDate: m.endDate,
    isOwnOrganisation: m.isOwnOrganisation,
    source: m.source,
  };
}

export function presentOfficial(actor: Actor, row: OfficialRow, rowMandates: MandateRow[]): TOfficial {
  return {
    id: row.id,
    contactId: row.contactId,
    userId: row.userId,
    displayName: row.displayName,
    sortName: row.sortName,
    mandates: rowMandates.map(presentMandate),
    portfolios: row.portfolios,
    politicalGroup: row.group,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    policies: officialPolicy.policiesFor(actor, row),
  };
}

/**
 * The scope in SQL: the organisation, a reading role, and for group staff the groups naming
 * them. Affiliation columns are selected only for the actors who may see them.
 */
function scope(actor: Actor): SQL {
  if (!OFFICIAL_ROLES.read.includes(actor.role)) return sql`false`;
  const own = eq(officials.orgId, actor.orgId);
  if (actor.role !== 'group_staff') return own;
  return sql`(${own} and ${actor.userId}::uuid = any(${politicalGroups.staff}))`;
}

function affiliationVisible(actor: Actor): boolean {
  return CABINET_ROLES.includes(actor.role) || actor.role === 'group_staff';
}

/**
 * The council's order (the order of the tableau du conseil): the maire or the président,
 * then adjoints or vice-présidents by rank, conseillers délégués, then the other councillors;
 * by each official's highest mandate in force, unranked after ranked. Officials with no
 * mandate in force come last.
 */
const precedence = sql<number>`coalesce((select min(case m.function
    when 'maire' then 100 when 'president' then 100
    when 'adjoint' then 200 when 'vice_president' then 200
    when 'conseiller_delegue' then 300
    when 'conseiller_municipal' then 400 when 'conseiller_departemental' then 400
    else 500 end + coalesce(least(m.rank, 98), 99))
  from ${mandates} m
  where m.org_id = ${officials.orgId} and m.official_id = ${officials.id}
    and (m.end_date is null or m.end_date >= current_date)), 999)`;

function selection(actor: Actor) {
  const visible = affiliationVisible(actor);
  return {
    id: officials.id,
    orgId: officials.orgId,
    contactId: officials.contactId,
    userId: officials.userId,
    portfolios: officials.portfolios,
    displayName: contacts.displayName,
    sortName: contacts.sortName,
    groupStaff: sql<string[]>`coalesce(${politicalGroups.staff}, '{}'::uuid[])`,
    groupId: visible ? politicalGroups.id : sql<string | null>`null::uuid`,
    groupName: visible ? politicalGroups.name : sql<string | null>`null::text`,
    groupSide: visible ? politicalGroups.side : sql<'majority' | 'opposition' | null>`null::text`,
    createdAt: officials.createdAt,
    updatedAt: officials.updatedAt,
    precedence,
  };
}

type Selected = {
  groupId: string | null;
  groupName: string | null;
  groupSide: 'majority' | 'opposition' | null;
  precedence: number;
} & Omit<OfficialRow, 'group'>;

function toRow({ groupId, groupName, groupSide, precedence: _, ...rest }: Selected): OfficialRow {
  return {
    ...rest,
    group: groupId && groupName && groupSide ? { id: groupId, name: groupName, side: groupSide } : null,
  };
}

export async function mandatesOf(
  db: Queryable,
  orgId: string,
  officialIds: string[],
): Promise<Map<string, MandateRow[]>> {
  const out = new Map<string, MandateRow[]>();
  if (officialIds.length === 0) return out;
  const rows = await db
    .select()
    .from(mandates)
    .where(and(eq(mandates.orgId, orgId), inArray(mandates.officialId, officialIds)))
    .orderBy(asc(mandates.startDate), asc(mandates.id));
  for (const m of rows) {
    const list = out.get(m.officialId as string) ?? [];
    list.push(m);
    out.set(m.officialId as string, list);
  }
  return out;
}

/** Officials the actor may see, in the council's order (keyset on precedence, sort_name, id). */
export async function findOfficials(
  db: Queryable,
  actor: Actor,
  query: TOfficialQuery,
): Promise<{ data: TOfficial[]; nextCursor: string | null }> {
  const where: SQL[] = [scope(actor), isNull(contacts.deletedAt)];
  if (query.group) {
    // Filtering by group would reveal affiliations: only for those who may see them.
    where.push(affiliationVisible(actor) ? sql`lower(${politicalGroups.name}) = lower(${query.group})` : sql`false`);
  }
  if (query.function) {
    where.push(
      sql`exists (select 1 from ${mandates} m where m.org_id = ${officials.orgId} and m.official_id = ${officials.id} and m.function = ${query.function})`,
    );
  }
  if (query.active) {
    const inForce = sql`exists (select 1 from ${mandates} m where m.org_id = ${officials.orgId} and m.official_id = ${officials.id} and (m.start_date is null or m.start_date <= current_date) and (m.end_date is null or m.end_date >= current_date))`;
    where.push(query.active === 'true' ? inForce : sql`not ${inForce}`);
  }
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['p', 's', 'id']);
    if (!UUID.test(c.id) || !/^\d{1,4}$/.test(c.p)) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    where.push(
      sql`(${precedence}, ${contacts.sortName}, ${officials.id}) > (${Number(c.p)}::int, ${c.s}, ${c.id}::uuid)`,
    );
  }
  const selected = (await db
    .select(selection(actor))
    .from(officials)
    .innerJoin(contacts, eq(contacts.id, officials.contactId))
    .leftJoin(politicalGroups, eq(politicalGroups.id, officials.politicalGroupId))
    .where(and(...where))
    .orderBy(precedence, asc(contacts.sortName), asc(officials.id))
    .limit(query.limit + 1)) as Selected[];
  const rows = selected.map(toRow);
  const lastSelected = selected[query.limit - 1];
  const page = rows.slice(0, query.limit);
  const byOfficial = await mandatesOf(
    db,
    actor.orgId,
    page.map((r) => r.id),
  );
  const last = page.at(-1);
  return {
    data: page.map((r) => presentOfficial(actor, r, byOfficial.get(r.id) ?? [])),
    nextCursor:
      rows.length > query.limit && last && lastSelected
        ? encodeCursor({ p: Number(lastSelected.precedence), s: last.sortName, id: last.id })
        : null,
  };
}

/** One official the actor may see, or null: the route answers 404. */
export async function findOfficial(db: Queryable, actor: Actor, id: string): Promise<OfficialRow | null> {
  const [row] = await db
    .select(selection(actor))
    .from(officials)
    .innerJoin(contacts, eq(contacts.id, officials.contactId))
    .leftJoin(politicalGroups, eq(politicalGroups.id, officials.politicalGroupId))
    .where(and(scope(actor), eq(officials.id, id), isNull(contacts.deletedAt)));
  if (!row) return null;
  const official = toRow(row as Selected);
  return officialPolicy.can(actor, 'read', official) ? official : null;
}

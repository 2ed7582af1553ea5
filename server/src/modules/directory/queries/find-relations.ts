import type { TRelation } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { visibleTo } from '../../../platform/policy/confidentiality';
import { contactPolicy } from '../directory.policy';
import type { ContactRow } from './find-contacts';

interface RelationRow {
  id: string;
  kind: TRelation['kind'];
  direction: TRelation['direction'];
  label: string | null;
  start_date: string | null;
  end_date: string | null;
  other_id: string;
  other_name: string;
  other_kind: 'person' | 'organisation';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A contact's relations, both sides (outgoing: it is the subject; incoming: the object), only
 * those whose other contact the actor may see and is not deleted; keyset on the relation id.
 * Each side is served by its own index (contact_relations_org_from_idx / _to_idx).
 */
export async function findRelations(
  db: Queryable,
  actor: Actor,
  contact: ContactRow,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TRelation[]; nextCursor: string | null }> {
  let after = sql`true`;
  if (query.cursor) {
    const { id } = decodeCursor(query.cursor, ['id']);
    if (!UUID.test(id)) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    after = sql`r.id > ${id}::uuid`;
  }
  const o = { orgId: sql`o.org_id`, confidentiality: sql`o.confidentiality`, members: sql`o.members` };
  const side = (mine: string, theirs: string, direction: TRelation['direction']) => sql`
    select r.id::text as id, r.kind, ${direction}::text as direction, r.label,
           r.start_date::text as start_date, r.end_date::text as end_date,
           o.id::text as other_id, o.display_name as other_name, o.kind as other_kind
    from contact_relations r
    join contacts o on o.id = r.${sql.raw(theirs)}
    where r.org_id = ${actor.orgId} and r.${sql.raw(mine)} = ${contact.id} and ${after}
      and o.deleted_at is null and ${visibleTo(actor, o)}
    order by r.id limit ${query.limit + 1}`;
  const rows = await queryRows<RelationRow>(
    db,
    sql`(${side('from_contact_id', 'to_contact_id', 'outgoing')})
        union all
        (${side('to_contact_id', 'from_contact_id', 'incoming')})
        order by id limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const policies = {
    update: contactPolicy.can(actor, 'update', contact),
    delete: contactPolicy.can(actor, 'update', contact),
  };
  return {
    data: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      direction: r.direction,
      other: { id: r.other_id, displayName: r.other_name, kind: r.other_kind },
      label: r.label,
      startDate: r.start_date,
      endDate: r.end_date,
      policies,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}

/** A relation just written, read from the page's contact (the route answers with it). */
export function presentRelation(
  actor: Actor,
  contact: ContactRow,
  row: {
    id: string;
    fromContactId: string;
    kind: TRelation['kind'];
    label: string | null;
    startDate: string | null;
    endDate: string | null;
  },
  other: { id: string; displayName: string; kind: 'person' | 'organisation' },
): TRelation {
  return {
    id: row.id,
    kind: row.kind,
    direction: row.fromContactId === contact.id ? 'outgoing' : 'incoming',
    other: { id: other.id, displayName: other.displayName, kind: other.kind },
    label: row.label,
    startDate: row.startDate,
    endDate: row.endDate,
    policies: {
      update: contactPolicy.can(actor, 'update', contact),
      delete: contactPolicy.can(actor, 'update', contact),
    },
  };
}

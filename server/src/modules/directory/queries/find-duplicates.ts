import type { TContactRef, TDuplicatePair, TDuplicateReason } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { visibleTo } from '../../../platform/policy/confidentiality';
import { contactPolicy } from '../directory.policy';
import { contacts } from '../directory.schema';
import { findMatches } from '../duplicates/find-matches';
import { matchKeysOf } from '../duplicates/match-keys';
import type { ContactRow } from './find-contacts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface PairRow {
  a_id: string;
  a_name: string;
  a_kind: 'person' | 'organisation';
  a_conf: ContactRow['confidentiality'];
  a_members: string[];
  b_id: string;
  b_name: string;
  b_kind: 'person' | 'organisation';
  b_conf: ContactRow['confidentiality'];
  b_members: string[];
  score: number;
  reasons: TDuplicateReason[];
}

/** Merging needs the delete right on both contacts; dismissing, the update right. */
function pairPolicies(actor: Actor, a: ContactRow | PolicyRecord, b: ContactRow | PolicyRecord) {
  return {
    merge: contactPolicy.can(actor, 'delete', a) && contactPolicy.can(actor, 'delete', b),
    dismiss: contactPolicy.can(actor, 'update', a) && contactPolicy.can(actor, 'update', b),
  };
}
type PolicyRecord = { orgId: string; confidentiality: ContactRow['confidentiality']; members: string[] };

const ref = (id: string, displayName: string, kind: 'person' | 'organisation'): TContactRef => ({
  id,
  displayName,
  kind,
});

/**
 * The organisation's likely duplicate pairs, best score first (keyset on score desc, a, b),
 * from the candidates table: both contacts visible to the actor and not deleted, dismissed
 * pairs left out. The list index serves the order; nothing compares pairs here.
 */
export async function findDuplicates(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TDuplicatePair[]; nextCursor: string | null }> {
  let after = sql`true`;
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['s', 'a', 'b']);
    if (!UUID.test(c.a) || !UUID.test(c.b) || !/^\d+$/.test(c.s)) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    after = sql`(d.score < ${Number(c.s)} or (d.score = ${Number(c.s)} and (d.contact_a, d.contact_b) > (${c.a}::uuid, ${c.b}::uuid)))`;
  }
  const a = { orgId: sql`a.org_id`, confidentiality: sql`a.confidentiality`, members: sql`a.members` };
  const b = { orgId: sql`b.org_id`, confidentiality: sql`b.confidentiality`, members: sql`b.members` };
  const rows = await queryRows<PairRow>(
    db,
    sql`select a.id::text as a_id, a.display_name as a_name, a.kind as a_kind, a.confidentiality as a_conf,
               a.members::text[] as a_members,
               b.id::text as b_id, b.display_name as b_name, b.kind as b_kind, b.confidentiality as b_conf,
               b.members::text[] as b_members,
               d.score, d.reasons
        from contact_duplicate_candidates d
        join contacts a on a.id = d.contact_a
        join contacts b on b.id = d.contact_b
        where d.org_id = ${actor.orgId} and ${after}
          and a.deleted_at is null and b.deleted_at is null
          and ${visibleTo(actor, a)} and ${visibleTo(actor, b)}
          and not exists (select 1 from contact_duplicate_dismissals x
                          where x.org_id = d.org_id and x.contact_a = d.contact_a and x.contact_b = d.contact_b)
        order by d.score desc, d.contact_a, d.contact_b
        limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => ({
      contact: ref(r.a_id, r.a_name, r.a_kind),
      duplicate: ref(r.b_id, r.b_name, r.b_kind),
      score: r.score,
      reasons: r.reasons,
      policies: pairPolicies(
        actor,
        { orgId: actor.orgId, confidentiality: r.a_conf, members: r.a_members },
        { orgId: actor.orgId, confidentiality: r.b_conf, members: r.b_members },
      ),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ s: last.score, a: last.a_id, b: last.b_id }) : null,
  };
}

/**
 * One contact's likely duplicates, computed now from its current values (index-backed, so
 * fresh even before the candidates table caught up), only those the actor may see.
 */
export async function findContactDuplicates(
  tx: Queryable,
  actor: Actor,
  contact: ContactRow,
): Promise<{ data: TDuplicatePair[]; nextCursor: null }> {
  const matches =
    (
      await findMatches(tx, actor.orgId, [
        { id: contact.id, kind: contact.kind, displayName: contact.displayName, keys: matchKeysOf(contact) },
      ])
    ).get(contact.id) ?? [];
  if (matches.length === 0) return { data: [], nextCursor: null };
  const others = await tx
    .select()
    .from(contacts)
    .where(
      sql`${contacts.id} = any(${`{${matches.map((m) => m.otherId).join(',')}}`}::uuid[])
          and ${contacts.deletedAt} is null
          and ${visibleTo(actor, { orgId: contacts.orgId, confidentiality: contacts.confidentiality, members: contacts.members })}`,
    );
  const byId = new Map(others.map((o) => [o.id, o]));
  const data: TDuplicatePair[] = [];
  for (const m of matches) {
    const other = byId.get(m.otherId);
    if (!other) continue;
    data.push({
      contact: ref(contact.id, contact.displayName, contact.kind),
      duplicate: ref(other.id, other.displayName, other.kind),
      score: m.score,
      reasons: m.reasons,
      policies: pairPolicies(actor, contact, other),
    });
  }
  return { data, nextCursor: null };
}

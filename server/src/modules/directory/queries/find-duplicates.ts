import type { TContactRef, TDuplicatePair, TDuplicateReason } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { visibleTo } from '../../../platform/policy/confidentiality';
import { contactPolicy } from '../directory.policy';
import { contacts } from '../directory.schema';
import { findMatches, uuidArray } from '../duplicates/find-matches';
import { keysOf } from '../duplicates/refresh-duplicate-candidates';
import type { ContactRow } from './find-contacts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pairs read per slice, and slices per page at most (a page reads at most 5,000 pairs). */
const SLICE = 250;
const MAX_SLICES = 20;

interface PairKey {
  score: number;
  a: string;
  b: string;
}

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
 * from the candidates table: both contacts visible to the actor, not deleted nor anonymised, dismissed
 * pairs left out. The list index serves the order; nothing compares pairs here.
 */
export async function findDuplicates(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TDuplicatePair[]; nextCursor: string | null }> {
  let from: PairKey | null = null;
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['s', 'a', 'b']);
    if (!UUID.test(c.a) || !UUID.test(c.b) || !/^\d+$/.test(c.s)) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    from = { score: Number(c.s), a: c.a, b: c.b };
  }
  const a = { orgId: sql`a.org_id`, confidentiality: sql`a.confidentiality`, members: sql`a.members` };
  const b = { orgId: sql`b.org_id`, confidentiality: sql`b.confidentiality`, members: sql`b.members` };
  // `nulls last` as in the index (drizzle's .desc()), or the planner sorts the whole table.
  // Candidates are read in the list index's order, a slice at a time, and only that slice is
  // joined to the contacts for the visibility filter: one query over the whole table (472,000
  // pairs among 50,000 contacts) hashed every pair and took 1.1 s for a page.
  const kept: PairRow[] = [];
  let next: PairKey | null = null;
  for (let round = 0; round < MAX_SLICES; round++) {
    const after = from
      ? // `score <=` first: the index starts there instead of filtering every earlier pair.
        sql`(d.score <= ${from.score} and (d.score < ${from.score} or (d.contact_a, d.contact_b) > (${from.a}::uuid, ${from.b}::uuid)))`
      : sql`true`;
    const slice = await queryRows<{ score: number; a: string; b: string }>(
      db,
      sql`select d.score, d.contact_a::text as a, d.contact_b::text as b
          from contact_duplicate_candidates d
          where d.org_id = ${actor.orgId} and ${after}
          order by d.score desc nulls last, d.contact_a, d.contact_b
          limit ${SLICE}`,
    );
    if (slice.length > 0) {
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
            where d.org_id = ${actor.orgId}
              and (d.contact_a, d.contact_b) in (select * from unnest(${uuidArray(slice.map((p) => p.a))},
                                                                   ${uuidArray(slice.map((p) => p.b))}))
              and a.deleted_at is null and b.deleted_at is null
              -- A pair computed before one side was anonymised is stale: never shown.
              and a.anonymised_at is null and b.anonymised_at is null
              and ${visibleTo(actor, a)} and ${visibleTo(actor, b)}
              and not exists (select 1 from contact_duplicate_dismissals x
                              where x.org_id = d.org_id and x.contact_a = d.contact_a and x.contact_b = d.contact_b)
            order by d.score desc nulls last, d.contact_a, d.contact_b`,
      );
      for (const r of rows) if (kept.length <= query.limit) kept.push(r);
    }
    const edge = slice.length === SLICE ? slice.at(-1) : undefined;
    if (kept.length > query.limit) break;
    // The slice was the end of the table: nothing after it.
    if (!edge) break;
    from = { score: edge.score, a: edge.a, b: edge.b };
    // A page still short after MAX_SLICES slices (most pairs hidden from this actor) ends at
    // the last pair read: the next page goes on from there.
    if (round === MAX_SLICES - 1) next = from;
  }
  const page = kept.slice(0, query.limit);
  const last = page.at(-1);
  const nextKey = kept.length > query.limit && last ? { score: last.score, a: last.a_id, b: last.b_id } : next;
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
    nextCursor: nextKey ? encodeCursor({ s: nextKey.score, a: nextKey.a, b: nextKey.b }) : null,
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
  // An anonymised contact's shell is nobody's duplicate, and has none.
  if (contact.anonymisedAt || contact.deletedAt) return { data: [], nextCursor: null };
  const matches =
    (
      await findMatches(tx, actor.orgId, [
        { id: contact.id, kind: contact.kind, displayName: contact.displayName, keys: keysOf(contact) },
      ])
    ).get(contact.id) ?? [];
  if (matches.length === 0) return { data: [], nextCursor: null };
  const others = await tx
    .select()
    .from(contacts)
    .where(
      sql`${contacts.id} = any(${`{${matches.map((m) => m.otherId).join(',')}}`}::uuid[])
          and ${contacts.deletedAt} is null and ${contacts.anonymisedAt} is null
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

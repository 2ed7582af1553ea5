import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../platform/db/client';
import { MAX_CANDIDATES_PER_CONTACT } from './duplicate-score';
import { uuidArray } from './find-matches';
import { keysOf } from './refresh-duplicate-candidates';

const textArray = (values: readonly string[]) =>
  sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;

/**
 * The set-based refresh for bulk writes (imports, the rebuild of contacts without keys): the
 * keys of these contacts are rewritten, then their pairs are found by exact keys only (email,
 * phone, address and the normalised name, `name:person|dupont julie`) in one join on
 * contact_match_keys (org_id, key), scored and upserted in the same statement. A handful of
 * statements per batch instead of one trigram lookup per contact (14.5 s per 1,000 contacts
 * at 50,000), so a job's transaction stays short and users are not kept waiting on PGlite.
 *
 * What it does not find: names that differ by a typo (« Dupont »/« Dupond »). Those are found
 * by the trigram lookup of refreshDuplicateCandidates when either contact is created or
 * edited, and on the contact's page (findContactDuplicates), which always compares names.
 *
 * The score is the one scorePair gives: an equal normalised name counts as similarity 1 (60),
 * email 35, phone 30, address 20, at most 100; an address alone is not a pair.
 */
export async function refreshCandidatesByKeys(tx: Queryable, orgId: string, ids: readonly string[]): Promise<number> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return 0;
  const rows = await queryRows<{
    id: string;
    kind: string;
    displayName: string;
    emails: never[];
    phones: never[];
    addresses: never[];
  }>(
    tx,
    sql`select id::text as id, kind, display_name as "displayName", emails, phones, addresses
        from contacts
        where org_id::text = ${orgId} and id = any(${uuidArray(unique)})
          and deleted_at is null and anonymised_at is null`,
  );

  // The organisation compared as text where it leads an index: the batch's ids must drive
  // (the primary keys), never the organisation's index (stale statistics chose it: a delete
  // of 100 contacts' pairs read 1.3 million rows, 540 ms). The pairs go in two statements,
  // one per index; an `or` made the planner fall back on the organisation's.
  await tx.execute(
    sql`delete from contact_match_keys where org_id::text = ${orgId} and contact_id = any(${uuidArray(unique)})`,
  );
  await tx.execute(
    sql`delete from contact_duplicate_candidates where org_id = ${orgId} and contact_a = any(${uuidArray(unique)})`,
  );
  await tx.execute(
    sql`delete from contact_duplicate_candidates where org_id = ${orgId} and contact_b = any(${uuidArray(unique)})`,
  );
  const owners: string[] = [];
  const keys: string[] = [];
  for (const r of rows) {
    for (const key of keysOf(r)) {
      owners.push(r.id);
      keys.push(key);
    }
  }
  if (keys.length === 0) return 0;
  await tx.execute(
    sql`insert into contact_match_keys (org_id, contact_id, key)
        select ${orgId}, o, k from unnest(${uuidArray(owners)}, ${textArray(keys)}) as t(o, k)
        on conflict do nothing`,
  );

  // Every (source, other) sharing a key, of the same kind, the other neither deleted nor
  // anonymised; the evidence per pair, its score, the best MAX_CANDIDATES_PER_CONTACT per
  // source; then one row per unordered pair (contact_a < contact_b), dismissed pairs left out.
  const [inserted] = await queryRows<{ n: number }>(
    tx,
    sql`with hits as (
          select s.contact_id as x, o.contact_id as y, split_part(s.key, ':', 1) as reason
          -- The batch's keys from the parameters, not the table (fresh rows, no statistics).
          -- Lateral: one (org_id, key) index lookup per key of the batch (offset 0 keeps the subquery from being flattened), whatever the
          -- estimates (with stale ones the planner walked the organisation's keys instead).
          from unnest(${uuidArray(owners)}, ${textArray(keys)}) as s(contact_id, key)
          cross join lateral (
            select o.contact_id from contact_match_keys o
            where o.org_id = ${orgId} and o.key = s.key and o.contact_id <> s.contact_id
            offset 0
          ) o
        ), evidence as (
          select h.x, h.y,
                 bool_or(h.reason = 'name') as name, bool_or(h.reason = 'email') as email,
                 bool_or(h.reason = 'phone') as phone, bool_or(h.reason = 'address') as address
          from hits h
          join contacts cx on cx.id = h.x
          join contacts cy on cy.id = h.y and cy.org_id = ${orgId} and cy.kind = cx.kind
                          and cy.deleted_at is null and cy.anonymised_at is null
          group by h.x, h.y
        ), scored as (
          select x, y,
                 least(100, case when name then 60 else 0 end + case when email then 35 else 0 end
                          + case when phone then 30 else 0 end + case when address then 20 else 0 end) as score,
                 to_jsonb(array_remove(array[case when name then 'name' end, case when email then 'email' end,
                                             case when phone then 'phone' end, case when address then 'address' end],
                                       null)) as reasons
          from evidence
          where name or email or phone
        ), ranked as (
          select x, y, score, reasons,
                 row_number() over (partition by x order by score desc, y) as rank
          from scored
        ), pairs as (
          select distinct on (least(x, y), greatest(x, y))
                 least(x, y) as a, greatest(x, y) as b, score, reasons
          from ranked
          where rank <= ${MAX_CANDIDATES_PER_CONTACT}
          order by least(x, y), greatest(x, y), score desc
        ), written as (
          insert into contact_duplicate_candidates (org_id, contact_a, contact_b, score, reasons)
          select ${orgId}, p.a, p.b, p.score, p.reasons
          from pairs p
          where not exists (select 1 from contact_duplicate_dismissals d
                            where d.org_id = ${orgId} and d.contact_a = p.a and d.contact_b = p.b)
          on conflict (org_id, contact_a, contact_b)
            do update set score = excluded.score, reasons = excluded.reasons
          returning 1
        )
        select count(*)::int as n from written`,
  );
  return inserted?.n ?? 0;
}

import type { TDuplicateReason } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../platform/db/client';
import { MAX_CANDIDATES_PER_CONTACT, NAME_SIMILARITY_THRESHOLD, scorePair } from './duplicate-score';

export interface MatchSource {
  id: string;
  kind: string;
  displayName: string;
  keys: readonly string[];
}

export interface Match {
  otherId: string;
  score: number;
  reasons: TDuplicateReason[];
}

/** One text parameter cast to uuid[]: a batch of ids in a single bind value. */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const textArray = (values: readonly string[]) =>
  sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;

type KeyKind = Exclude<TDuplicateReason, 'name'>;

/**
 * The likely duplicates of a batch of contacts, best first, at most MAX_CANDIDATES_PER_CONTACT
 * each. Index-backed: names through the trigram GIN index (`%` with the threshold set for this
 * transaction), keys through contact_match_keys (org_id, key). Dismissed pairs are left out,
 * and so are deleted (merged) and anonymised contacts: an erased person's shell is no one.
 * Must run inside a transaction (the threshold is set locally).
 */
export async function findMatches(
  tx: Queryable,
  orgId: string,
  sources: readonly MatchSource[],
): Promise<Map<string, Match[]>> {
  const out = new Map<string, Match[]>();
  if (sources.length === 0) return out;
  await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(NAME_SIMILARITY_THRESHOLD)}, true)`);

  const ids = sources.map((s) => s.id);
  // One index lookup per contact: a single join over the whole batch was planned as a scan
  // comparing every pair (34 s for 1,000 contacts among 5,000, against 1.7 ms per lookup).
  const names: { x: string; y: string; sim: number }[] = [];
  // Contacts written earlier in this very transaction (a batch being created) have no
  // statistics yet, and the planner then walked the organisation's btree index comparing
  // every name (7 s per 1,000 lookups instead of 1.6 s): the organisation and the kind are
  // compared as text so that the trigram index is the only index that applies, and
  // sequential scans are off.
  const [setting] = await queryRows<{ v: string }>(tx, sql`select current_setting('enable_seqscan') as v`);
  await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
  for (const s of sources) {
    const found = await queryRows<{ y: string; sim: number }>(
      tx,
      sql`select c.id::text as y, similarity(c.name_key, k.name_key) as sim
          from (select dircab_unaccent(lower(${s.displayName})) as name_key) k
          join contacts c
            on c.name_key % k.name_key
           and c.org_id::text = ${orgId}
           and (c.kind || '') = ${s.kind} and c.id <> ${s.id}
           and c.deleted_at is null and c.anonymised_at is null`,
    );
    for (const f of found) names.push({ x: s.id, y: f.y, sim: f.sim });
  }
  await tx.execute(sql`select set_config('enable_seqscan', ${setting?.v ?? 'on'}, true)`);

  const keyOwners = new Map<string, string[]>();
  for (const s of sources) {
    for (const key of s.keys) keyOwners.set(key, [...(keyOwners.get(key) ?? []), s.id]);
  }
  const kindOf = new Map(sources.map((s) => [s.id, s.kind]));
  const keyRows =
    keyOwners.size === 0
      ? []
      : await queryRows<{ y: string; kind: string; key: string }>(
          tx,
          sql`select k.contact_id::text as y, c.kind, k.key
              from contact_match_keys k
              join contacts c on c.id = k.contact_id and c.deleted_at is null and c.anonymised_at is null
              where k.org_id = ${orgId} and k.key = any(${textArray([...keyOwners.keys()])})`,
        );

  // Evidence per ordered pair (source, other).
  const evidence = new Map<string, { sim: number; keys: Set<KeyKind> }>();
  const at = (x: string, y: string) => {
    const id = `${x} ${y}`;
    let e = evidence.get(id);
    if (!e) {
      e = { sim: 0, keys: new Set() };
      evidence.set(id, e);
    }
    return e;
  };
  for (const n of names) at(n.x, n.y).sim = Math.max(at(n.x, n.y).sim, Number(n.sim));
  for (const k of keyRows) {
    for (const x of keyOwners.get(k.key) ?? []) {
      if (x === k.y || kindOf.get(x) !== k.kind) continue;
      const kind = k.key.slice(0, k.key.indexOf(':'));
      // The same words in any order and any accents: as similar as names get.
      if (kind === 'name') at(x, k.y).sim = 1;
      else at(x, k.y).keys.add(kind as KeyKind);
    }
  }

  const dismissed = await dismissedPairs(tx, orgId, ids);
  for (const [pair, e] of evidence) {
    const [x, y] = pair.split(' ') as [string, string];
    if (dismissed.has(pairKey(x, y))) continue;
    const scored = scorePair({ nameSimilarity: e.sim, keys: e.keys });
    if (!scored) continue;
    out.set(x, [...(out.get(x) ?? []), { otherId: y, ...scored }]);
  }
  for (const [x, list] of out) {
    list.sort((a, b) => b.score - a.score || (a.otherId < b.otherId ? -1 : 1));
    out.set(x, list.slice(0, MAX_CANDIDATES_PER_CONTACT));
  }
  return out;
}

/** A pair is stored once, smaller id first. */
export const orderedPair = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);
const pairKey = (x: string, y: string) => orderedPair(x, y).join(' ');

async function dismissedPairs(tx: Queryable, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  const rows = await queryRows<{ a: string; b: string }>(
    tx,
    sql`select contact_a::text as a, contact_b::text as b from contact_duplicate_dismissals
        where org_id = ${orgId} and (contact_a = any(${uuidArray(ids)}) or contact_b = any(${uuidArray(ids)}))`,
  );
  return new Set(rows.map((r) => `${r.a} ${r.b}`));
}

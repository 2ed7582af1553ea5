import type { TSearchResult } from '@dircab/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../db/client';
import type { Actor } from '../policy/actor';
import { visibleTo } from '../policy/confidentiality';
import { searchIndex as s } from './search.schema';
import { prefixQueryText, searchWords } from './search-terms';

// Plain text, no highlight markers: the web escapes it like any other text.
const HEADLINE_OPTIONS = 'StartSel="", StopSel="", MaxWords=30, MinWords=12, ShortWord=2, HighlightAll=false';

interface HitRow {
  kind: string;
  record_id: string;
  title: string;
  url: string;
  snippet: string;
  score: number;
}

/**
 * How many matching records the search ranks at most: five per hit asked for each kind (the
 * palette's 8: 40; the search page's 20: 100; the bench's 10: 50). The index finds the
 * matches; ranking them reads each one (its text, its score: 15 to 40 µs each, and a sort),
 * so without a bound a common word costs more the more the organisation holds (« boulari » in
 * 7,000 letters of 100,000: 50 ms; in 72,000 of 1,000,000: half a second). Past this many, the
 * ranked ones are the first found, not the best of all: another word narrows the search. A
 * fixed 200 was too many for the usual page: the bench's « nid-de-poule boulari » matches
 * about 100 records at 10,000 and 1,083 at 1,000,000, and ranking 200 made the statement 2.3
 * times slower at L than at S (12.2 against 5.4 ms); with 50, 1.5 times (7.1 against 4.6 ms).
 */
export function searchCandidates(limit: number): number {
  return limit * 5;
}

/**
 * The search as one SQL statement, or null when the text has nothing to look for.
 * Exported for the EXPLAIN test: the `where` must stay usable by the two GIN indexes
 * (`document @@ …` → search_document_idx, `dircab_unaccent(lower(title)) %> …` → search_title_trgm_idx).
 *
 * Three ways to match, each tried only when the ones before fall short, every condition on them
 * a one-time filter (`(select count(*) from …) < n`), so an index the search does not need is
 * not even read:
 * 1. the words as typed (French stems, accents removed on both sides);
 * 2. the last word as the start of a longer one (« mair » → « maire »), when the words fill no
 *    page: a prefix makes the index gather every record holding any word it starts, the exact
 *    word's own included (« boulari: » 80 ms at 1,000,000 records, the word alone 5 ms);
 * 3. trigram word similarity of the titles, a typo (« Dupond » → « Dupont »), when neither
 *    finds anything: a sentence shares most of its trigrams with every title holding two of
 *    its words (« nid-de-poule boulari » matched every pothole of the commune).
 */
export function buildSearchQuery(actor: Actor, query: { q: string; limit: number }): SQL | null {
  const words = searchWords(query.q);
  if (words.length === 0) return null;
  const candidates = searchCandidates(query.limit);
  const typed = sql`websearch_to_tsquery('french', dircab_unaccent(${query.q}))`;
  const prefixed = sql`to_tsquery('french', dircab_unaccent(${prefixQueryText(words)}))`;
  // Ranks and snippets read both forms, whichever found the record.
  const tsq = sql`(${typed} || ${prefixed})`;
  // Same expression as search_title_trgm_idx.
  const name = sql`dircab_unaccent(${words.join(' ')})`;
  const titleKey = sql`dircab_unaccent(lower(${s.title}))`;
  const visible = visibleTo(actor, { orgId: s.orgId, confidentiality: s.confidentiality, members: s.members });
  const columns = sql`${s.kind} as kind, ${s.recordId} as record_id, ${s.title} as title, ${s.body} as body, ${s.url} as url`;
  return sql`
    with exact as (
      select ${columns}, ${s.document} as document
      from ${s}
      where ${visible} and ${s.document} @@ ${typed}
      limit ${candidates}
    ),
    started as (
      select ${columns}, ${s.document} as document
      from ${s}
      where (select count(*) from exact) < ${query.limit}
        and ${visible} and ${s.document} @@ ${prefixed} and not (${s.document} @@ ${typed})
      limit ${candidates}
    ),
    typo as (
      select ${columns}, word_similarity(${name}, ${titleKey})::float8 as score
      from ${s}
      where not exists (select 1 from exact) and not exists (select 1 from started)
        and ${visible} and ${titleKey} %> ${name}
      limit ${candidates}
    ),
    matched as (
      select kind, record_id, title, body, url, ts_rank_cd(document, ${tsq}, 32)::float8 as score from exact
      union all
      select kind, record_id, title, body, url, ts_rank_cd(document, ${tsq}, 32)::float8 as score from started
      union all
      select kind, record_id, title, body, url, score from typo
    ),
    ranked as (
      select *, row_number() over (partition by kind order by score desc, title) as rank_in_kind,
        max(score) over (partition by kind) as best_of_kind
      from matched
    )
    select kind, record_id, title, url, score,
      -- Computed for the hits returned only: ts_headline reads the whole body.
      case when body = '' then '' else ts_headline('french', body, ${tsq}, ${HEADLINE_OPTIONS}) end as snippet
    from ranked
    where rank_in_kind <= ${query.limit}
    order by best_of_kind desc, kind, score desc, title`;
}

/**
 * Global search over what the actor may see (visibility applied in SQL): French full text,
 * the last word as a prefix, else name similarity (a typo), grouped by kind of record, best
 * group first, `limit` hits per kind.
 */
export async function searchRecords(
  db: Queryable,
  actor: Actor,
  query: { q: string; limit: number },
): Promise<TSearchResult> {
  const statement = buildSearchQuery(actor, query);
  if (!statement) return { q: query.q, groups: [] };
  const rows = await queryRows<HitRow>(db, statement);
  const groups: TSearchResult['groups'] = [];
  for (const row of rows) {
    let group = groups.at(-1);
    if (!group || group.kind !== row.kind) {
      group = { kind: row.kind, hits: [] };
      groups.push(group);
    }
    group.hits.push({
      kind: row.kind,
      recordId: row.record_id,
      title: row.title,
      snippet: row.snippet,
      url: row.url,
      score: Number(row.score),
    });
  }
  return { q: query.q, groups };
}

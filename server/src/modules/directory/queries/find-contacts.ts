import type { TContact, TContactQuery } from '@dircab/contracts';
import { and, asc, eq, isNull, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { CABINET_ROLES, visibleTo } from '../../../platform/policy/confidentiality';
import { sortKey } from '../contact-names';
import { contactPolicy } from '../directory.policy';
import { contacts } from '../directory.schema';
import { mandates, officials, politicalGroups } from '../officials.schema';

export type ContactRow = typeof contacts.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function presentContact(actor: Actor, row: ContactRow): TContact {
  return {
    id: row.id,
    kind: row.kind,
    civility: row.civility,
    firstName: row.firstName,
    lastName: row.lastName,
    name: row.name,
    orgType: row.orgType,
    formOfAddress: row.formOfAddress,
    jobTitle: row.jobTitle,
    employer: row.employer,
    addresses: row.addresses,
    emails: row.emails,
    phones: row.phones,
    territoryId: row.territoryId,
    tags: row.tags,
    notes: row.notes,
    source: row.source,
    consent: row.consent,
    consentDate: row.consentDate,
    confidentiality: row.confidentiality,
    members: row.members,
    displayName: row.displayName,
    sortName: row.sortName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    policies: contactPolicy.policiesFor(actor, row),
  };
}

/** `%` and `_` typed by the user are letters, not wildcards. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The officials of one political group. Affiliation is sensitive (RGPD): a reader outside the
 * cabinet may not filter by it at all, or the list would answer « who belongs to this group »
 * (403, whatever the group). A group the organisation does not have is a bad filter (400),
 * so another organisation's group reveals nothing either.
 */
async function groupFilter(db: Queryable, actor: Actor, groupId: string): Promise<SQL> {
  if (!CABINET_ROLES.includes(actor.role)) {
    throw problems.forbidden(
      'Le filtre par groupe politique est réservé au cabinet : l’appartenance politique est une donnée sensible.',
    );
  }
  const [group] = await db
    .select({ id: politicalGroups.id })
    .from(politicalGroups)
    .where(and(eq(politicalGroups.orgId, actor.orgId), eq(politicalGroups.id, groupId)));
  if (!group) {
    throw problems.badRequest('Le filtre est invalide.', [
      { path: 'groupId', message: 'Ce groupe politique n’existe pas dans l’organisation.', code: 'unknown_group' },
    ]);
  }
  // Served by officials_org_group_idx (org_id, political_group_id).
  return sql`${contacts.id} in (select o.contact_id from ${officials} o where o.org_id = ${actor.orgId} and o.political_group_id = ${groupId})`;
}

/**
 * Contacts the actor may see, by sort name (keyset on sort_name, id), with the list filters.
 * The name search forgives accents, case and a typo: a substring, or trigram word similarity.
 */
export async function findContacts(
  db: Queryable,
  actor: Actor,
  query: TContactQuery,
): Promise<{ data: TContact[]; nextCursor: string | null }> {
  const { probe, statement, startsWith } = await contactsStatement(db, actor, query);
  const probed = probe ? await probe : [];
  const rows = probed.length > query.limit ? probed : await statement;
  const page = rows.slice(0, query.limit);
  const last = rows.length > query.limit ? page.at(-1) : undefined;
  // Past the names that start with the search, the cursor says so: the other matches follow.
  const pastStart: Record<string, string> =
    last && startsWith !== null && !last.sortName.startsWith(startsWith) ? { p: OTHER_NAMES } : {};
  return {
    data: page.map((r) => presentContact(actor, r)),
    nextCursor: last ? encodeCursor({ s: last.sortName, id: last.id, ...pastStart }) : null,
  };
}

/** The cursor's mark of a page past the names that start with the search (see contactsStatement). */
const OTHER_NAMES = 'o';

/**
 * The list's statement (one page and one row more), also what bench/src/contact-search.ts explains.
 * A name search of three letters or more lists first the names that start with what was typed
 * (`startsWith`, the sort key: last name first), then the other matches, each part by name.
 */
export async function contactsStatement(db: Queryable, actor: Actor, query: TContactQuery) {
  const where: SQL[] = [
    visibleTo(actor, { orgId: contacts.orgId, confidentiality: contacts.confidentiality, members: contacts.members }),
    isNull(contacts.deletedAt),
    // « Contact anonymisé » shells stay only so other records' links hold (privacy/): not a contact to list or find.
    isNull(contacts.anonymisedAt),
  ];
  if (query.kind) where.push(eq(contacts.kind, query.kind));
  if (query.territoryId) where.push(eq(contacts.territoryId, query.territoryId));
  if (query.tag) where.push(sql`${contacts.tags} @> array[${query.tag}]::text[]`);
  if (query.groupId) where.push(await groupFilter(db, actor, query.groupId));
  if (query.mandate) {
    // Served by mandates_org_function_idx (org_id, function, contact_id).
    where.push(
      sql`${contacts.id} in (select m.contact_id from ${mandates} m where m.org_id = ${actor.orgId} and m.function = ${query.mandate} and (m.end_date is null or m.end_date >= current_date))`,
    );
  }
  const search = query.q ? nameSearch(query.q) : null;
  const cursor = query.cursor ? listCursor(query.cursor) : null;
  const after = (sortName: SQLWrapper, id: SQLWrapper) =>
    cursor ? sql`(${sortName}, ${id}) > (${cursor.s}, ${cursor.id}::uuid)` : undefined;
  // The statements are returned wrapped: a query builder is a thenable, which an async function
  // would run on return.
  if (search?.trigram) {
    // Every match gathered through the trigram index, then the page: first the names that start
    // with the search, then the others, each part by name. Without the fence (OFFSET 0 keeps the
    // planner from flattening the subquery) the planner walks contacts_org_sort_idx and checks
    // the name on every row, expecting matches spread evenly along the sort order: « wahetra »
    // read 225,000 rows of 250,000 for its first page (1.4 s).
    const matches = db
      .select()
      .from(contacts)
      .where(and(...where, search.matches(contacts.nameKey)))
      .offset(OFFSET_ZERO)
      .as('matches');
    const other = sql`not starts_with(${matches.sortName}, ${search.key})`;
    const statement = db
      .select()
      .from(matches)
      .where(
        cursor
          ? sql`(${other}, ${matches.sortName}, ${matches.id}) > (${cursor.p === OTHER_NAMES}::boolean, ${cursor.s}, ${cursor.id}::uuid)`
          : undefined,
      )
      .orderBy(other, asc(matches.sortName), asc(matches.id))
      .limit(query.limit + 1);
    // But first a few pages' worth of the names that start with the search, a range of
    // contacts_org_sort_idx read in the list's order: a last name typed (the usual search)
    // fills the page there, whatever the size of the book (« wahetra » at 250,000 contacts: its
    // 6,000 matches gathered and sorted took 70 ms, the probe reads 204 rows). These are the
    // range's first rows, so the first matches among them are the page. Not with the territory,
    // tag, mandate or group filters, which the sort index does not serve: the stretch would be long.
    const filtered = query.territoryId || query.tag || query.mandate || query.groupId;
    if (filtered || cursor?.p === OTHER_NAMES) return { probe: null, statement, startsWith: search.key };
    const stretch = db
      .select()
      .from(contacts)
      .where(and(...where, sortNamePrefix(search.key), after(contacts.sortName, contacts.id)))
      .orderBy(asc(contacts.sortName), asc(contacts.id))
      .limit(PROBE_PAGES * (query.limit + 1))
      .as('stretch');
    const probe = db
      .select()
      .from(stretch)
      .where(search.matches(stretch.nameKey))
      .orderBy(asc(stretch.sortName), asc(stretch.id))
      .limit(query.limit + 1);
    return { probe, statement, startsWith: search.key };
  }
  const afterCursor = after(contacts.sortName, contacts.id);
  if (afterCursor) where.push(afterCursor);
  if (search) where.push(search.prefix);
  if (query.mandate || query.groupId) {
    // The holders of a mandate or a group's officials are a few hundred contacts: read them
    // through their index, then sort. Walking the sort index instead tested 25,000 contacts for
    // the 51 of a page (100 ms at 250,000 contacts, one in 200 holding a mandate).
    const holders = db
      .select()
      .from(contacts)
      .where(and(...where))
      .offset(OFFSET_ZERO)
      .as('holders');
    const statement = db
      .select()
      .from(holders)
      .orderBy(asc(holders.sortName), asc(holders.id))
      .limit(query.limit + 1);
    return { probe: null, statement, startsWith: null };
  }
  const statement = db
    .select()
    .from(contacts)
    .where(and(...where))
    .orderBy(asc(contacts.sortName), asc(contacts.id))
    .limit(query.limit + 1);
  return { probe: null, statement, startsWith: null };
}

/**
 * How many pages' worth of names starting with the search the probe reads before the trigram
 * index takes over. Each row read costs a similarity check, paid in vain by a rare name.
 */
const PROBE_PAGES = 4;

/** `offset 0` written out: drizzle leaves out an offset of the number 0 (falsy), and the fence with it. */
const OFFSET_ZERO = sql`0` as unknown as number;

/** Below this many letters the trigram index has nothing to look up: the search is a prefix. */
const TRIGRAM_MIN_LENGTH = 3;

/**
 * The name search. From three letters: a substring of the name or trigram word similarity (a
 * typo), accents and case forgiven, through contacts_name_key_trgm_idx. One or two letters: the
 * names that start with them in the list's order (last name first), a range of
 * contacts_org_sort_idx; as a substring they would match most of the book through no index.
 */
function nameSearch(
  q: string,
): { trigram: false; prefix: SQL } | { trigram: true; key: string; matches: (nameKey: SQLWrapper) => SQL } {
  const key = sortKey(q);
  if (key.length < TRIGRAM_MIN_LENGTH) return { trigram: false, prefix: sortNamePrefix(key) };
  const typed = sql`dircab_unaccent(lower(${q}))`;
  const substring = sql`'%' || dircab_unaccent(lower(${likeEscape(q)})) || '%'`;
  return {
    trigram: true,
    key,
    matches: (nameKey) => sql`(${nameKey} like ${substring} or ${nameKey} %> ${typed})`,
  };
}

/** The keyset of the list: last row's sort name and id, and `p` once past the names that start with the search. */
function listCursor(raw: string): { s: string; id: string; p: string | null } {
  const c = decodeCursor(raw, ['s', 'id']);
  if (!UUID.test(c.id)) {
    throw problems.badRequest('Le curseur de pagination est invalide.', [
      { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
    ]);
  }
  let p: string | null = null;
  try {
    p = decodeCursor(raw, ['p']).p;
  } catch {
    // A cursor without `p`: still among the names that start with the search, or no search.
  }
  return { ...c, p };
}

/**
 * sort_name starts with `key`: the range [key, key with its last letter or digit moved one up)
 * lets the sort index find the first one and stop after the last (in C and in language
 * collations alike, for these lower-case unaccented keys); starts_with() is the exact test.
 */
function sortNamePrefix(key: string): SQL {
  const exact = sql`starts_with(${contacts.sortName}, ${key})`;
  const from = sql`${contacts.sortName} >= ${key}`;
  const last = key.at(-1) ?? '';
  if (!/[a-y0-8]/.test(last)) return sql`(${from} and ${exact})`;
  const upTo = key.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) + 1);
  return sql`(${from} and ${contacts.sortName} < ${upTo} and ${exact})`;
}

/** One contact the actor may see (not deleted), or null: the route answers 404. */
export async function findContact(db: Queryable, actor: Actor, id: string): Promise<ContactRow | null> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, actor.orgId), eq(contacts.id, id), isNull(contacts.deletedAt)));
  if (!row || !contactPolicy.can(actor, 'read', row)) return null;
  return row;
}

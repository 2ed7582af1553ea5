import type { TConfidentiality, TPostalAddress } from '@dircab/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { newId } from '../../../platform/db/columns';
import type { Actor } from '../../../platform/policy/actor';
import type { ContactEmail, ContactPhone } from '../directory.schema';

// The one write path of the imports (RNE, CSV, vCard): a batch of contacts, their identities,
// their search entries and their audit rows in a handful of statements. Every statement
// passes one array per column and expands it with unnest(), so a batch of any size costs the
// same few parameters and one round trip per table, instead of one parameter per cell
// (a multi-row VALUES) or one statement per row.

/** Everything an import sets on a contact (the rest keeps the table's defaults). */
export interface ContactValues {
  kind: 'person' | 'organisation';
  civility: 'M.' | 'Mme' | null;
  firstName: string | null;
  lastName: string | null;
  name: string | null;
  orgType: 'association' | 'company' | 'institution' | 'media' | 'other' | null;
  formOfAddress: string | null;
  jobTitle: string | null;
  employer: string | null;
  addresses: TPostalAddress[];
  emails: ContactEmail[];
  phones: ContactPhone[];
  territoryId: string | null;
  tags: string[];
  notes: string | null;
  source: string | null;
  consent: boolean;
  consentDate: string | null;
  displayName: string;
  sortName: string;
}

export interface ContactWrite extends ContactValues {
  id: string;
}

/** What the search entry of a contact needs beyond its values (kept from the stored row on update). */
export interface ContactVisibility {
  confidentiality: TConfidentiality;
  members: string[];
}

export interface AuditRow {
  action: string;
  recordType: string;
  recordId: string;
  summary: Record<string, unknown>;
}

/** A PostgreSQL array literal of text, for a text[] cell inside an unnest() of text. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/** One bound parameter holding a whole array (drizzle would otherwise spread it into a tuple). */
const arr = (values: readonly unknown[], type: string): SQL => sql`${sql.param(values)}::${sql.raw(type)}`;

/** `unnest($1::t1, $2::t2, …)`: one bound array per column, expanded into rows by PostgreSQL. */
const unnestOf = (columns: [values: readonly unknown[], type: string][]): SQL =>
  sql`unnest(${sql.join(
    columns.map(([values, type]) => arr(values, type)),
    sql`, `,
  )})`;

interface Column {
  name: string;
  /** The type of the unnest() argument. */
  type: string;
  /** How the unnested value becomes the column's (tags travel as array literals). */
  cast?: string;
  value: (c: ContactWrite) => unknown;
}

const json = (v: unknown) => JSON.stringify(v);

/** The contact columns an import writes, in one place for insert and update. */
const COLUMNS: Column[] = [
  { name: 'kind', type: 'text[]', value: (c) => c.kind },
  { name: 'civility', type: 'text[]', value: (c) => c.civility },
  { name: 'first_name', type: 'text[]', value: (c) => c.firstName },
  { name: 'last_name', type: 'text[]', value: (c) => c.lastName },
  { name: 'name', type: 'text[]', value: (c) => c.name },
  { name: 'org_type', type: 'text[]', value: (c) => c.orgType },
  { name: 'form_of_address', type: 'text[]', value: (c) => c.formOfAddress },
  { name: 'job_title', type: 'text[]', value: (c) => c.jobTitle },
  { name: 'employer', type: 'text[]', value: (c) => c.employer },
  { name: 'addresses', type: 'jsonb[]', value: (c) => json(c.addresses) },
  { name: 'emails', type: 'jsonb[]', value: (c) => json(c.emails) },
  { name: 'phones', type: 'jsonb[]', value: (c) => json(c.phones) },
  { name: 'territory_id', type: 'uuid[]', value: (c) => c.territoryId },
  { name: 'tags', type: 'text[]', cast: 'text[]', value: (c) => textArrayLiteral(c.tags) },
  { name: 'notes', type: 'text[]', value: (c) => c.notes },
  { name: 'source', type: 'text[]', value: (c) => c.source },
  { name: 'consent', type: 'boolean[]', value: (c) => c.consent },
  { name: 'consent_date', type: 'date[]', value: (c) => c.consentDate },
  { name: 'display_name', type: 'text[]', value: (c) => c.displayName },
  { name: 'sort_name', type: 'text[]', value: (c) => c.sortName },
];

const list = (parts: string[]) => sql.raw(parts.join(', '));
const contactsUnnest = (rows: ContactWrite[]) =>
  unnestOf([
    [rows.map((c) => c.id), 'uuid[]'],
    ...COLUMNS.map((col): [unknown[], string] => [rows.map(col.value), col.type]),
  ]);
const aliases = ['id', ...COLUMNS.map((c) => c.name)];
const selected = COLUMNS.map((c) => (c.cast ? `u.${c.name}::${c.cast}` : `u.${c.name}`));

/** Inserts new contacts (confidentiality `normal`, nobody named). */
export async function insertContacts(tx: Queryable, orgId: string, rows: ContactWrite[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into contacts (id, org_id, confidentiality, members, ${list(COLUMNS.map((c) => c.name))})
    select u.id, ${orgId}::uuid, 'normal', '{}'::uuid[], ${list(selected)}
    from ${contactsUnnest(rows)} as u(${list(aliases)})`);
}

/**
 * Overwrites the imported columns of existing contacts of the organisation. An imported update
 * is activity: it restarts the retention clock (privacy/touch-contact-activity.ts), in the same
 * statement, never moving it back.
 */
export async function updateContacts(tx: Queryable, orgId: string, rows: ContactWrite[]): Promise<void> {
  if (rows.length === 0) return;
  const set = COLUMNS.map((c, i) => `${c.name} = ${selected[i]}`);
  await tx.execute(sql`
    update contacts c set ${list(set)}, updated_at = now(), last_activity_at = greatest(c.last_activity_at, now())
    from ${contactsUnnest(rows)} as u(${list(aliases)})
    where c.org_id = ${orgId}::uuid and c.id = u.id`);
}

/** The natural keys of imported contacts, so the next import of the same file recognises them. */
export async function insertIdentities(
  tx: Queryable,
  orgId: string,
  source: string,
  rows: { key: string; contactId: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into contact_identities (org_id, source, key, contact_id)
    select ${orgId}::uuid, ${source}, u.key, u.contact_id
    from ${unnestOf([
      [rows.map((r) => r.key), 'text[]'],
      [rows.map((r) => r.contactId), 'uuid[]'],
    ])} as u(key, contact_id)`);
}

/** The search body of a contact: the same as indexContact writes for one contact. */
export function contactSearchBody(c: ContactValues): string {
  return [c.formOfAddress, c.jobTitle, c.employer, ...c.emails.map((e) => e.email), ...c.tags]
    .filter(Boolean)
    .join(' · ');
}

/** Adds or refreshes the global search entries of contacts (kind `contact`). */
export async function indexContacts(
  tx: Queryable,
  orgId: string,
  rows: (ContactWrite & Partial<ContactVisibility>)[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into search_index (org_id, kind, record_id, title, body, url, confidentiality, members)
    select ${orgId}::uuid, 'contact', u.id, u.title, u.body, '/directory/contacts/' || u.id, u.confidentiality, u.members::uuid[]
    from ${unnestOf([
      [rows.map((r) => r.id), 'text[]'],
      [rows.map((r) => r.displayName), 'text[]'],
      [rows.map(contactSearchBody), 'text[]'],
      [rows.map((r) => r.confidentiality ?? 'normal'), 'text[]'],
      [rows.map((r) => textArrayLiteral(r.members ?? [])), 'text[]'],
    ])} as u(id, title, body, confidentiality, members)
    on conflict (org_id, kind, record_id) do update set
      title = excluded.title, body = excluded.body, url = excluded.url,
      confidentiality = excluded.confidentiality, members = excluded.members, updated_at = now()`);
}

/**
 * Audit rows of a batch, one per record, in one statement: a contact's history panel reads
 * audit_log by record id, so an imported contact must have its own row there.
 */
export async function insertAuditRows(tx: Queryable, actor: Actor, rows: AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into audit_log (id, org_id, actor_id, action, record_type, record_id, summary, ip)
    select u.id, ${actor.orgId}::uuid, ${actor.userId}::uuid, u.action, u.record_type, u.record_id, u.summary, ${actor.ip}
    from ${unnestOf([
      [rows.map(() => newId()), 'uuid[]'],
      [rows.map((r) => r.action), 'text[]'],
      [rows.map((r) => r.recordType), 'text[]'],
      [rows.map((r) => r.recordId), 'text[]'],
      [rows.map((r) => JSON.stringify(r.summary)), 'jsonb[]'],
    ])} as u(id, action, record_type, record_id, summary)`);
}

/**
 * One import at a time per organisation: two imports of the same file running side by side
 * on PostgreSQL would both find no identity and both create the contacts. Held until the
 * import's transaction ends.
 */
export async function lockImports(tx: Queryable, orgId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`dircab.import:${orgId}`}, 0))`);
}

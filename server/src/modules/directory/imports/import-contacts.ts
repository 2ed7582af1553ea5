import type { TImportFormat, TImportResult, TImportRowError } from '@dircab/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { CountryCode } from 'libphonenumber-js/max';
import { recordAudit } from '../../../platform/audit/record-audit';
import { type DbDriver, type Queryable, queryRows } from '../../../platform/db/client';
import { newId } from '../../../platform/db/columns';
import type { Actor } from '../../../platform/policy/actor';
import { canSee } from '../../../platform/policy/confidentiality';
import { contactNames } from '../contact-names';
import { enqueueDuplicateRefresh } from '../duplicates/duplicate-refresh-job';
import { findSuppressedRows, nameKeys, SUPPRESSED_ROW_MESSAGE } from '../privacy/erasure-suppression';
import {
  type AuditRow,
  type ContactValues,
  type ContactVisibility,
  type ContactWrite,
  indexContacts,
  insertAuditRows,
  insertContacts,
  insertIdentities,
  lockImports,
  updateContacts,
} from './bulk-write';
import { type CheckedContact, type ContactDraft, checkDraft } from './contact-draft';
import { DeferredGin } from './deferred-gin';

/** Contacts written per batch: a few statements each, whatever the batch size (bulk-write.ts). */
const BATCH = 2_000;
/** The report keeps the first errors; the counts keep them all. */
const MAX_ERRORS = 1_000;

export interface ImportContactsOptions {
  format: Exclude<TImportFormat, 'rne'>;
  /** Where the contacts came from, when the file does not say (`contacts.source`). */
  source: string;
  region: CountryCode;
  driver: DbDriver;
  /** Draft field → the name a user knows it by in this format (vCard: `N`, `ORG`…). */
  fieldNames?: Record<string, string>;
}

export function emptyResult(format: TImportFormat): TImportResult {
  return { format, dryRun: false, rows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, errors: [] };
}

/**
 * Imports contacts read from a CSV file or vCards: each draft is checked (rows in error are
 * skipped and reported with their line and field), recognised by its natural key in
 * contact_identities (source = the format) and created, updated or left unchanged, in batches
 * written by bulk-write.ts, in the caller's transaction. Audited: one row per contact written,
 * and one for the import with its counts.
 */
export async function importContacts(
  tx: Queryable,
  actor: Actor,
  drafts: Iterable<ContactDraft>,
  options: ImportContactsOptions,
): Promise<TImportResult> {
  await lockImports(tx, actor.orgId);
  const result = emptyResult(options.format);
  const importId = newId();
  const report = (errors: TImportRowError[]) => {
    for (const e of errors) {
      if (result.errors.length >= MAX_ERRORS) return;
      const field = e.field && (options.fieldNames?.[e.field] ?? e.field);
      result.errors.push(field ? { ...e, field } : e);
    }
  };
  const context: BatchContext = {
    tx,
    actor,
    source: options.format,
    defaultSource: options.source,
    importId,
    result,
    report,
    territories: new Map(),
  };
  const gin = new DeferredGin(tx, options.driver);
  const seen = new Map<string, number>();
  let batch: CheckedContact[] = [];
  for (const draft of drafts) {
    result.rows++;
    const checked = checkDraft(draft, options.region, { source: options.source });
    if (Array.isArray(checked)) {
      result.skipped++;
      report(checked);
      continue;
    }
    const first = seen.get(checked.key);
    if (first !== undefined) {
      result.skipped++;
      report([{ row: draft.line, message: `Même contact que la ligne ${first} : ligne ignorée.` }]);
      continue;
    }
    seen.set(checked.key, draft.line);
    batch.push(checked);
    if (batch.length >= BATCH) {
      await gin.grown(result.rows);
      await writeBatch(context, batch);
      batch = [];
    }
  }
  if (batch.length > 0) {
    await gin.grown(result.rows);
    await writeBatch(context, batch);
  }
  await gin.finish();
  // Territory errors are found when a batch is written, after the rows that followed: the
  // report reads in the file's order.
  result.errors.sort((a, b) => a.row - b.row);
  await recordAudit(tx, actor, {
    action: 'import.run',
    recordType: 'import',
    recordId: importId,
    summary: {
      format: options.format,
      rows: result.rows,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      skipped: result.skipped,
      errors: result.errors.length,
    },
  });
  return result;
}

interface BatchContext {
  tx: Queryable;
  actor: Actor;
  source: string;
  /** The origin written on a contact whose row gives none. */
  defaultSource: string;
  importId: string;
  result: TImportResult;
  report: (errors: TImportRowError[]) => void;
  /** Lower-cased territory name or code → id (null: none in this organisation). */
  territories: Map<string, string | null>;
}

interface StoredContact extends ContactValues, ContactVisibility {
  id: string;
  orgId: string;
  deleted: boolean;
  /** Found by its UUID, not by an identity: the import records no identity for it. */
  byId: boolean;
}

/** The territories named in a batch, by name or code, of the actor's organisation only. */
async function resolveTerritories(ctx: BatchContext, batch: CheckedContact[]): Promise<void> {
  const wanted = [...new Set(batch.flatMap((c) => (c.territory ? [c.territory.toLowerCase()] : [])))].filter(
    (n) => !ctx.territories.has(n),
  );
  if (wanted.length === 0) return;
  const rows = await queryRows<{ id: string; name: string; code: string | null }>(
    ctx.tx,
    sql`select id, lower(name) as name, lower(code) as code from territories
        where org_id = ${ctx.actor.orgId}
          and (lower(name) = any(${sql.param(wanted)}::text[]) or lower(code) = any(${sql.param(wanted)}::text[]))`,
  );
  for (const n of wanted) ctx.territories.set(n, null);
  for (const r of rows) {
    if (r.code) ctx.territories.set(r.code, r.id);
    ctx.territories.set(r.name, r.id);
  }
}

/** The stored columns an import compares with; a deleted or anonymised contact counts as deleted. */
const STORED_COLUMNS = sql`c.id, c.org_id, c.kind, c.civility, c.first_name, c.last_name, c.name, c.org_type,
  c.form_of_address, c.job_title, c.employer, c.addresses, c.emails, c.phones, c.territory_id,
  c.tags, c.notes, c.source, c.consent, c.consent_date::text as consent_date, c.display_name,
  c.sort_name, c.confidentiality, c.members, (c.deleted_at is not null or c.anonymised_at is not null) as deleted`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The stored contacts of natural keys of a source: per key, one probe of contact_identities_uq
 * then one of contacts_pkey, each in a LATERAL with LIMIT 1 (both keys are unique: it drops
 * nothing) so that the planner cannot reorder them. An import's statistics are older than its
 * own rows: with `key = any(…)` it read all the organisation's identities for each batch (300
 * ms a batch at 220,000 contacts), and with a plain join it looped over the organisation's
 * contacts, thinking them one, for each key: quadratic in the file's size either way. The
 * organisation is checked outside the LATERAL, where the planner cannot push it in and pick an
 * organisation index over the primary key. Exported for the EXPLAIN of contact-imports.test.ts.
 */
export function storedByIdentityStatement(orgId: string, source: string, keys: string[]): SQL {
  return sql`select k.key, ${STORED_COLUMNS}
    from unnest(${sql.param(keys)}::text[]) as k(key)
    cross join lateral (
      select i.contact_id from contact_identities i
      where i.org_id = ${orgId} and i.source = ${source} and i.key = k.key
      limit 1
    ) i
    cross join lateral (select * from contacts where contacts.id = i.contact_id limit 1) c
    where c.org_id = ${orgId}`;
}

/**
 * The contacts of a batch already in the organisation: by their natural key in
 * contact_identities, else, for a CSV row whose identifier is a contact's UUID, that contact
 * (the bulk export writes it in « Identifiant »: re-importing an edited export updates the
 * contacts instead of duplicating them). Keyed by the row's natural key.
 */
async function loadStored(ctx: BatchContext, keys: string[]): Promise<Map<string, StoredContact>> {
  const rows = await queryRows<Record<string, unknown>>(
    ctx.tx,
    storedByIdentityStatement(ctx.actor.orgId, ctx.source, keys),
  );
  const known = new Set(rows.map((r) => r.key as string));
  const ids = keys.filter((k) => !known.has(k) && k.startsWith('id:') && UUID.test(k.slice(3))).map((k) => k.slice(3));
  if (ids.length > 0) {
    const byId = await queryRows<Record<string, unknown>>(
      ctx.tx,
      sql`select 'id:' || c.id::text as key, ${STORED_COLUMNS} from contacts c
          where c.org_id = ${ctx.actor.orgId} and c.id = any(${sql.param(ids.map((i) => i.toLowerCase()))}::uuid[])`,
    );
    // The file may spell the UUID in capitals: key the match by the row's own spelling.
    const spelled = new Map(ids.map((i) => [`id:${i.toLowerCase()}`, `id:${i}`]));
    for (const r of byId) rows.push({ ...r, key: spelled.get(r.key as string) ?? r.key, byId: true });
  }
  const stored = new Map<string, StoredContact>();
  for (const r of rows) {
    stored.set(r.key as string, {
      id: r.id as string,
      orgId: r.org_id as string,
      kind: r.kind as ContactValues['kind'],
      civility: r.civility as ContactValues['civility'],
      firstName: r.first_name as string | null,
      lastName: r.last_name as string | null,
      name: r.name as string | null,
      orgType: r.org_type as ContactValues['orgType'],
      formOfAddress: r.form_of_address as string | null,
      jobTitle: r.job_title as string | null,
      employer: r.employer as string | null,
      addresses: r.addresses as ContactValues['addresses'],
      emails: r.emails as ContactValues['emails'],
      phones: r.phones as ContactValues['phones'],
      territoryId: r.territory_id as string | null,
      tags: r.tags as string[],
      notes: r.notes as string | null,
      source: r.source as string | null,
      consent: r.consent as boolean,
      consentDate: r.consent_date as string | null,
      displayName: r.display_name as string,
      sortName: r.sort_name as string,
      confidentiality: r.confidentiality as ContactVisibility['confidentiality'],
      members: r.members as string[],
      deleted: r.deleted as boolean,
      byId: r.byId === true,
    });
  }
  return stored;
}

/** JSON with sorted keys and null for absent values: jsonb hands keys back in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== null && x !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

function union<T>(stored: T[], imported: T[]): T[] {
  const seen = new Set(stored.map(canonical));
  return [...stored, ...imported.filter((x) => !seen.has(canonical(x)))];
}

const UNION_BY = {
  emails: (e: ContactValues['emails'][number]) => e.email,
  phones: (p: ContactValues['phones'][number]) => p.number,
  addresses: (a: ContactValues['addresses'][number]) => `${a.line1.toLowerCase()}|${a.postcode}`,
};
function unionBy<T>(stored: T[], imported: T[], key: (x: T) => string): T[] {
  const seen = new Set(stored.map(key));
  return [...stored, ...imported.filter((x) => !seen.has(key(x)))];
}

/**
 * What a re-import makes of a stored contact: the file's values where it has one (an empty
 * cell erases nothing), e-mails, phones, addresses and tags added to those kept, the origin
 * (`source`) and a consent already given kept.
 */
function merge(stored: StoredContact, imported: ContactValues): ContactValues {
  const pick = <K extends keyof ContactValues>(k: K) => imported[k] ?? stored[k];
  const kind = imported.kind;
  const merged = {
    kind,
    civility: pick('civility'),
    firstName: pick('firstName'),
    lastName: pick('lastName'),
    name: pick('name'),
    orgType: pick('orgType'),
    formOfAddress: pick('formOfAddress'),
    jobTitle: pick('jobTitle'),
    employer: pick('employer'),
    addresses: unionBy(stored.addresses, imported.addresses, UNION_BY.addresses),
    emails: unionBy(stored.emails, imported.emails, UNION_BY.emails),
    phones: unionBy(stored.phones, imported.phones, UNION_BY.phones),
    territoryId: pick('territoryId'),
    tags: union(stored.tags, imported.tags),
    notes: pick('notes'),
    source: stored.source ?? imported.source,
    consent: stored.consent || imported.consent,
    consentDate: stored.consentDate ?? imported.consentDate,
  };
  return { ...merged, ...contactNames(merged) };
}

/** The fields that differ, before and after, for the audit summary; empty when unchanged. */
function changes(stored: ContactValues, next: ContactValues) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of Object.keys(next) as (keyof ContactValues)[]) {
    if (canonical(stored[k] ?? null) !== canonical(next[k] ?? null)) {
      before[k] = stored[k];
      after[k] = next[k];
    }
  }
  return { before, after, changed: Object.keys(after).length > 0 };
}

async function writeBatch(ctx: BatchContext, batch: CheckedContact[]): Promise<void> {
  const { tx, actor, result } = ctx;
  await resolveTerritories(ctx, batch);
  const stored = await loadStored(
    ctx,
    batch.map((c) => c.key),
  );
  // Only a row that would create a contact is checked: the list is there so that imports do
  // not re-create someone erased on request; a contact in the directory today is updated.
  const suppressed = await findSuppressedRows(
    tx,
    actor.orgId,
    batch
      .filter((c) => !stored.has(c.key))
      .map((c) => ({
        row: c,
        keys: {
          identities: [`${ctx.source}:${c.key}`],
          emails: c.values.emails.map((e) => e.email),
          phones: c.values.phones.map((p) => p.number),
          names: nameKeys(c.values.kind, c.values.sortName, c.values.addresses),
        },
      })),
  );
  const created: ContactWrite[] = [];
  const identities: { key: string; contactId: string }[] = [];
  const updated: (ContactWrite & ContactVisibility)[] = [];
  const audits: AuditRow[] = [];
  const trace = { source: ctx.source, importId: ctx.importId };
  for (const c of batch) {
    let territoryId: string | null = null;
    if (c.territory) {
      territoryId = ctx.territories.get(c.territory.toLowerCase()) ?? null;
      if (!territoryId) {
        result.skipped++;
        ctx.report([{ row: c.line, field: 'territory', message: `Quartier inconnu : « ${c.territory} ».` }]);
        continue;
      }
    }
    const values: ContactValues = { ...c.values, territoryId };
    if (suppressed.has(c)) {
      result.skipped++;
      ctx.report([{ row: c.line, message: SUPPRESSED_ROW_MESSAGE }]);
      continue;
    }
    const before = stored.get(c.key);
    if (!before) {
      const id = newId();
      created.push({ id, ...values });
      identities.push({ key: c.key, contactId: id });
      audits.push({
        action: 'contact.create',
        recordType: 'contact',
        recordId: id,
        summary: { after: { kind: values.kind, displayName: values.displayName, confidentiality: 'normal' }, ...trace },
      });
      continue;
    }
    if (before.deleted || !canSee(actor, before)) {
      // A deleted (or erased) person is not brought back by an import, and a contact the
      // importer may not see is not changed through one.
      result.skipped++;
      ctx.report([
        { row: c.line, message: 'Ce contact a été supprimé ou ne vous est pas accessible : ligne ignorée.' },
      ]);
      continue;
    }
    // A contact found by its id came from elsewhere (the form, another file): the import's
    // default origin (« Import CSV ») is not its origin; a Source column the file fills is.
    const imported = before.byId && values.source === ctx.defaultSource ? { ...values, source: null } : values;
    const next = merge(before, imported);
    const diff = changes(before, next);
    if (!diff.changed) {
      result.unchanged++;
      continue;
    }
    updated.push({ id: before.id, ...next, confidentiality: before.confidentiality, members: before.members });
    audits.push({
      action: 'contact.update',
      recordType: 'contact',
      recordId: before.id,
      summary: { before: diff.before, after: diff.after, ...trace },
    });
  }
  await insertContacts(tx, actor.orgId, created);
  await insertIdentities(tx, actor.orgId, ctx.source, identities);
  await updateContacts(tx, actor.orgId, updated);
  await indexContacts(tx, actor.orgId, [...created, ...updated]);
  await insertAuditRows(tx, actor, audits);
  // Likely duplicates are looked for later by the job runner, not in the import's transaction.
  await enqueueDuplicateRefresh(
    tx,
    actor.orgId,
    [...created, ...updated].map((c) => c.id),
  );
  result.created += created.length;
  result.updated += updated.length;
}

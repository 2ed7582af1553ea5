import type { TImportResult } from '@dircab/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { DbDriver, Queryable } from '../../../platform/db/client';
import { newId } from '../../../platform/db/columns';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { searchIndex } from '../../../platform/search/search.schema';
import { organisations } from '../../org/org.schema';
import { officialIndexEntry } from '../commands/index-official';
import { contactNames } from '../contact-names';
import { enqueueDuplicateRefresh } from '../duplicates/duplicate-refresh-job';
import { contactIdentities, mandates, officials } from '../officials.schema';
import { findSuppressedRows, SUPPRESSED_ROW_MESSAGE } from '../privacy/erasure-suppression';
import {
  type AuditRow,
  type ContactWrite,
  indexContacts,
  insertAuditRows,
  insertContacts,
  insertIdentities,
  lockImports,
} from './bulk-write';
import { readCsv } from './csv';
import { DeferredGin } from './deferred-gin';
import { type RneMandate, readRneRow, rneLayout, sameCode } from './rne';

/** Rows written per statement: well under PostgreSQL's 65,535 parameters. */
const BATCH = 1000;
const SOURCE = 'rne';

/** A row of the register with its line in the file, for the report. */
type RneRow = RneMandate & { line: number };

const fileError = (message: string) =>
  problems.badRequest('Le fichier ne peut pas être importé.', [{ path: 'file', message, code: 'invalid_file' }]);

type MandateInsert = typeof mandates.$inferInsert;

/** The fields a re-import compares to decide between unchanged and updated. */
const COMPARED = [
  'contactId',
  'officialId',
  'isOwnOrganisation',
  'function',
  'rank',
  'label',
  'body',
  'bodyName',
  'collectivityCode',
  'collectivityName',
  'startDate',
] as const;

/**
 * Imports an RNE extract: rows of the organisation's own commune or collectivity become its
 * officials (contact + official + mandate), the others contacts carrying their mandate. Keys:
 * the person (names + birth date) → contact_identities, the mandate → mandates.external_key;
 * a re-import updates what changed and creates nothing twice. Works in batches of 1,000 rows
 * (a few statements each), in the caller's transaction.
 */
export async function importRne(
  tx: Queryable,
  actor: Actor,
  text: string,
  driver: DbDriver = 'pglite',
): Promise<TImportResult> {
  const records = readCsv(text);
  const first = records.next();
  if (first.done) throw fileError('Le fichier est vide.');
  const layout = rneLayout(first.value.fields);
  if ('missing' in layout) {
    throw fileError(
      `Ce n’est pas un fichier du Répertoire national des élus : colonnes manquantes ${layout.missing.join(', ')}.`,
    );
  }
  await lockImports(tx, actor.orgId);
  const [org] = await tx
    .select({ officialCode: organisations.officialCode })
    .from(organisations)
    .where(eq(organisations.id, actor.orgId));
  if (!org) throw problems.notFound();

  const result: TImportResult = {
    format: 'rne',
    dryRun: false,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    errors: [],
  };
  const seen = new Set<string>();
  const contactOf = new Map<string, string>();
  const officialOf = new Map<string, string>();
  let batch: RneRow[] = [];
  const gin = new DeferredGin(tx, driver);
  for (const record of records) {
    result.rows++;
    const row = readRneRow(layout, record);
    if ('error' in row) {
      result.skipped++;
      if (result.errors.length < 1000) result.errors.push({ row: record.line, message: row.error });
      continue;
    }
    if (seen.has(row.mandateKey)) {
      result.skipped++;
      continue;
    }
    seen.add(row.mandateKey);
    batch.push({ ...row, line: record.line });
    if (batch.length >= BATCH) {
      await gin.grown(result.rows);
      await writeBatch(tx, actor, org.officialCode, batch, result, contactOf, officialOf);
      batch = [];
    }
  }
  if (batch.length > 0) {
    await gin.grown(result.rows);
    await writeBatch(tx, actor, org.officialCode, batch, result, contactOf, officialOf);
  }
  await gin.finish();
  // Suppressed rows are found when a batch is written, after the rows that followed.
  result.errors.sort((a, b) => a.row - b.row);
  await recordAudit(tx, actor, {
    action: 'import.run',
    recordType: 'import',
    summary: {
      format: 'rne',
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

async function writeBatch(
  tx: Queryable,
  actor: Actor,
  officialCode: string,
  rows: RneRow[],
  result: TImportResult,
  contactOf: Map<string, string>,
  officialOf: Map<string, string>,
): Promise<void> {
  const audits: AuditRow[] = [];
  const audit = (action: string, recordType: string, recordId: string, summary: Record<string, unknown>) =>
    audits.push({ action, recordType, recordId, summary });

  // 1. Persons: known identities, then the new contacts (one insert each).
  const unknown = [...new Set(rows.map((r) => r.personKey))].filter((k) => !contactOf.has(k));
  if (unknown.length > 0) {
    const known = await tx
      .select({ key: contactIdentities.key, contactId: contactIdentities.contactId })
      .from(contactIdentities)
      .where(
        and(
          eq(contactIdentities.orgId, actor.orgId),
          eq(contactIdentities.source, SOURCE),
          inArray(contactIdentities.key, unknown),
        ),
      );
    for (const k of known) contactOf.set(k.key, k.contactId);
  }
  // A person erased on request is not created again (privacy/erasure-suppression.ts): each of
  // their rows is skipped and reported, without their name.
  const suppressed = await findSuppressedRows(
    tx,
    actor.orgId,
    rows
      .filter((r) => !contactOf.has(r.personKey))
      .map((r) => ({ row: r, keys: { identities: [`${SOURCE}:${r.personKey}`], emails: [], phones: [], names: [] } })),
  );
  for (const r of suppressed) {
    result.skipped++;
    if (result.errors.length < 1000) result.errors.push({ row: r.line, message: SUPPRESSED_ROW_MESSAGE });
  }
  const batch = suppressed.size > 0 ? rows.filter((r) => !suppressed.has(r)) : rows;
  const newContacts: ContactWrite[] = [];
  const newIdentities: { key: string; contactId: string }[] = [];
  for (const r of batch) {
    if (contactOf.has(r.personKey)) continue;
    const id = newId();
    contactOf.set(r.personKey, id);
    newIdentities.push({ key: r.personKey, contactId: id });
    newContacts.push({
      id,
      kind: 'person',
      civility: r.civility,
      firstName: r.firstName,
      lastName: r.lastName,
      name: null,
      orgType: null,
      formOfAddress: null,
      jobTitle: r.collectivityName ? `${r.label} — ${r.collectivityName}` : r.label,
      employer: null,
      addresses: [],
      emails: [],
      phones: [],
      territoryId: null,
      tags: ['élu'],
      notes: null,
      source: 'Répertoire national des élus',
      consent: false,
      consentDate: null,
      ...contactNames({ kind: 'person', firstName: r.firstName, lastName: r.lastName }),
    });
  }
  // The shared write path of the imports (bulk-write.ts): contacts, identities, search entries.
  await insertContacts(tx, actor.orgId, newContacts);
  await insertIdentities(tx, actor.orgId, SOURCE, newIdentities);
  await indexContacts(tx, actor.orgId, newContacts);
  // Likely duplicates are looked for later by the job runner, not in the import's transaction.
  await enqueueDuplicateRefresh(
    tx,
    actor.orgId,
    newContacts.map((c) => c.id),
  );
  for (const c of newContacts) {
    audit('contact.create', 'contact', c.id, {
      after: { kind: 'person', displayName: c.displayName, confidentiality: 'normal' },
      source: 'rne',
    });
  }

  // 2. The organisation's own officials.
  const own = batch.filter((r) => sameCode(r.collectivityCode, officialCode));
  const createdOfficials = new Set<string>();
  const ownContacts = [...new Set(own.map((r) => contactOf.get(r.personKey) as string))].filter(
    (id) => !officialOf.has(id),
  );
  if (ownContacts.length > 0) {
    const existing = await tx
      .select({ id: officials.id, contactId: officials.contactId })
      .from(officials)
      .where(and(eq(officials.orgId, actor.orgId), inArray(officials.contactId, ownContacts)));
    for (const o of existing) officialOf.set(o.contactId, o.id);
    const missing = ownContacts.filter((id) => !officialOf.has(id));
    if (missing.length > 0) {
      const rows = missing.map((contactId) => ({ id: newId(), orgId: actor.orgId, contactId }));
      await tx.insert(officials).values(rows);
      for (const o of rows) {
        officialOf.set(o.contactId, o.id);
        createdOfficials.add(o.id);
        audit('official.create', 'official', o.id, { after: { contactId: o.contactId }, source: 'rne' });
      }
    }
  }

  // 3. Mandates: insert the new ones, upsert the changed ones, count the rest unchanged.
  const existing = await tx
    .select()
    .from(mandates)
    .where(
      and(
        eq(mandates.orgId, actor.orgId),
        inArray(
          mandates.externalKey,
          batch.map((r) => r.mandateKey),
        ),
      ),
    );
  const byKey = new Map(existing.map((m) => [m.externalKey as string, m]));
  const writes: MandateInsert[] = [];
  for (const r of batch) {
    const contactId = contactOf.get(r.personKey) as string;
    const isOwn = sameCode(r.collectivityCode, officialCode);
    const values = {
      orgId: actor.orgId,
      contactId,
      officialId: isOwn ? (officialOf.get(contactId) ?? null) : null,
      isOwnOrganisation: isOwn,
      function: r.function,
      rank: r.rank,
      label: r.label,
      body: r.body,
      bodyName: r.bodyName,
      collectivityCode: r.collectivityCode,
      collectivityName: r.collectivityName,
      startDate: r.startDate,
      endDate: null,
      source: SOURCE,
      externalKey: r.mandateKey,
    } satisfies MandateInsert;
    const before = byKey.get(r.mandateKey);
    if (!before) {
      writes.push({ id: newId(), ...values });
      result.created++;
    } else if (COMPARED.some((k) => before[k] !== values[k])) {
      writes.push({ id: before.id, ...values });
      result.updated++;
    } else {
      result.unchanged++;
    }
  }
  if (writes.length > 0) {
    const excluded = (c: string) => sql.raw(`excluded.${c}`);
    await tx
      .insert(mandates)
      .values(writes)
      .onConflictDoUpdate({
        target: [mandates.orgId, mandates.externalKey],
        set: {
          contactId: excluded('contact_id'),
          officialId: excluded('official_id'),
          isOwnOrganisation: excluded('is_own_organisation'),
          function: excluded('function'),
          rank: excluded('rank'),
          label: excluded('label'),
          body: excluded('body'),
          bodyName: excluded('body_name'),
          collectivityCode: excluded('collectivity_code'),
          collectivityName: excluded('collectivity_name'),
          startDate: excluded('start_date'),
          updatedAt: sql`now()`,
        },
      });
  }

  // 4. Search: the officials this import made, with their function.
  if (createdOfficials.size > 0) {
    const entries = new Map<string, ReturnType<typeof officialIndexEntry>>();
    for (const r of own) {
      const contactId = contactOf.get(r.personKey) as string;
      const id = officialOf.get(contactId) as string;
      if (!createdOfficials.has(id)) continue;
      entries.set(
        id,
        officialIndexEntry({ id, orgId: actor.orgId, displayName: `${r.firstName} ${r.lastName}`, portfolios: [] }, [
          r,
        ]),
      );
    }
    await tx
      .insert(searchIndex)
      .values([...entries.values()])
      .onConflictDoNothing();
  }
  await insertAuditRows(tx, actor, audits);
}

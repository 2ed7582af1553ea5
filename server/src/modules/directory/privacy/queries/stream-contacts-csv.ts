import {
  CSV_EXPORT_FIELDS,
  CSV_EXPORT_HEADERS,
  type TContact,
  type TContactQuery,
  type TCsvTargetField,
} from '@dircab/contracts';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { contacts, territories } from '../../directory.schema';
import { findContacts } from '../../queries/find-contacts';
import { CSV_BOM, csvLine } from '../csv-format';

/** Rows read per keyset page: memory stays flat whatever the file's size. */
export const CSV_PAGE = 1000;

export type ContactExportFilters = Omit<TContactQuery, 'limit' | 'cursor'>;

/** Kinds and organisation types in French words, as a spreadsheet user types them (the import reads them). */
const KIND_WORDS = { person: 'personne', organisation: 'organisme' } as const;
const ORG_TYPE_WORDS = {
  association: 'association',
  company: 'entreprise',
  institution: 'institution',
  media: 'média',
  other: 'autre',
} as const;

/** The values the CSV import reads back. */
function cells(c: TContact, territoryName: Map<string, string>): Record<TCsvTargetField, string | null> {
  const address = c.addresses[0];
  return {
    externalId: c.id,
    kind: KIND_WORDS[c.kind],
    civility: c.civility,
    firstName: c.firstName,
    lastName: c.lastName,
    name: c.name,
    orgType: c.orgType ? ORG_TYPE_WORDS[c.orgType] : null,
    formOfAddress: c.formOfAddress,
    jobTitle: c.jobTitle,
    employer: c.employer,
    email: c.emails[0]?.email ?? null,
    email2: c.emails[1]?.email ?? null,
    phone: c.phones[0]?.number ?? null,
    phone2: c.phones[1]?.number ?? null,
    addressLine1: address?.line1 ?? null,
    addressLine2: address?.line2 ?? null,
    postcode: address?.postcode ?? null,
    city: address?.city ?? null,
    country: address?.country ?? null,
    territory: c.territoryId ? (territoryName.get(c.territoryId) ?? null) : null,
    tags: c.tags.join(', '),
    notes: c.notes,
    source: c.source,
    consent: c.consent ? 'oui' : 'non',
    consentDate: c.consentDate,
  };
}

/**
 * The contacts the actor may see with the list's filters, as CSV lines: the list's own query
 * (findContacts: visibility and filters in SQL) read page after page on its keyset. Anonymised
 * contacts carry nothing and are left out. Political affiliation is no column: it never leaves.
 */
export async function* streamContactsCsv(
  db: Queryable,
  actor: Actor,
  filters: ContactExportFilters,
  onRow: () => void,
): AsyncGenerator<string> {
  const names = await db
    .select({ id: territories.id, name: territories.name })
    .from(territories)
    .where(eq(territories.orgId, actor.orgId));
  const territoryName = new Map(names.map((t) => [t.id, t.name]));
  yield CSV_BOM + csvLine(CSV_EXPORT_FIELDS.map((f) => CSV_EXPORT_HEADERS[f]));
  let cursor: string | undefined;
  do {
    const page = await findContacts(db, actor, { ...filters, limit: CSV_PAGE, ...(cursor ? { cursor } : {}) });
    const anonymised = await anonymisedAmong(
      db,
      actor.orgId,
      page.data.map((c) => c.id),
    );
    let chunk = '';
    for (const c of page.data) {
      if (anonymised.has(c.id)) continue;
      const row = cells(c, territoryName);
      chunk += csvLine(CSV_EXPORT_FIELDS.map((f) => row[f]));
      onRow();
    }
    if (chunk) yield chunk;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** Which of a page's contacts are anonymised (the list does not say). */
async function anonymisedAmong(db: Queryable, orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids), isNotNull(contacts.anonymisedAt)));
  return new Set(rows.map((r) => r.id));
}

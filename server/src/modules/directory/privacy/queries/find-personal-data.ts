import type { TPersonalDataExport } from '@dircab/contracts';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../../../platform/audit/audit.schema';
import { users } from '../../../../platform/auth/auth.schema';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { organisations } from '../../../org/org.schema';
import { territories } from '../../directory.schema';
import { contactIdentities, mandates, officials, politicalGroups } from '../../officials.schema';
import { type ContactRow, presentContact } from '../../queries/find-contacts';
import { presentMandate } from '../../queries/find-officials';
import { personalDataSources } from '../personal-data-sources';
import { canSeeAffiliationInExport } from '../privacy.policy';

/** A person's audit history is short; a cap keeps a pathological one from filling memory. */
const AUDIT_CAP = 2000;

/**
 * Everything held on one contact the actor may see (the caller checked it): the card, its
 * mandates, the official record (political group only for roles that may see affiliation),
 * the identities imports recognise it by, its audit history and the registered sources.
 */
export async function findPersonalData(db: Queryable, actor: Actor, contact: ContactRow): Promise<TPersonalDataExport> {
  const id = contact.id;
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, actor.orgId));
  const [territory] = contact.territoryId
    ? await db
        .select({ name: territories.name })
        .from(territories)
        .where(and(eq(territories.orgId, actor.orgId), eq(territories.id, contact.territoryId)))
    : [];
  const mandateRows = await db
    .select()
    .from(mandates)
    .where(and(eq(mandates.orgId, actor.orgId), eq(mandates.contactId, id)))
    .orderBy(asc(mandates.startDate), asc(mandates.id));
  // Affiliation is selected only for the roles that may see it, as in find-officials.ts.
  const affiliation = canSeeAffiliationInExport(actor);
  const [official] = await db
    .select({
      portfolios: officials.portfolios,
      userId: officials.userId,
      groupName: affiliation ? politicalGroups.name : sql<string | null>`null::text`,
      groupSide: affiliation ? politicalGroups.side : sql<'majority' | 'opposition' | null>`null::text`,
    })
    .from(officials)
    .leftJoin(politicalGroups, eq(politicalGroups.id, officials.politicalGroupId))
    .where(and(eq(officials.orgId, actor.orgId), eq(officials.contactId, id)));
  const identities = await db
    .select({ source: contactIdentities.source, key: contactIdentities.key, createdAt: contactIdentities.createdAt })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.orgId, actor.orgId), eq(contactIdentities.contactId, id)));
  // Served by audit_org_record_idx (org_id, record_type, record_id, id desc).
  const audit = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorName: users.name,
      summary: auditLog.summary,
      at: auditLog.at,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.orgId, actor.orgId), eq(auditLog.recordType, 'contact'), eq(auditLog.recordId, id)))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_CAP + 1);
  const sources = [];
  for (const source of personalDataSources()) {
    sources.push({ key: source.key, data: await source.fetch(db, actor, id) });
  }
  return {
    generatedAt: new Date().toISOString(),
    organisation: { id: actor.orgId, name: org?.name ?? '' },
    contact: {
      ...presentContact(actor, contact),
      lastActivityAt: contact.lastActivityAt.toISOString(),
      anonymisedAt: contact.anonymisedAt?.toISOString() ?? null,
    },
    territory: territory?.name ?? null,
    mandates: mandateRows.map(presentMandate),
    official: official
      ? {
          portfolios: official.portfolios,
          politicalGroup:
            official.groupName && official.groupSide ? { name: official.groupName, side: official.groupSide } : null,
          linkedToUserAccount: official.userId !== null,
        }
      : null,
    identities: identities.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
    sources,
    audit: audit.slice(0, AUDIT_CAP).map((a) => ({ ...a, at: a.at.toISOString() })),
    auditTruncated: audit.length > AUDIT_CAP,
  };
}

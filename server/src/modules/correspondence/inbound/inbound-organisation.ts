import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { actorOf } from '../../../platform/http/context';
import type { Actor } from '../../../platform/policy/actor';
import { defaultRegionFor } from '../../directory/phone';
import { organisations } from '../../org/org.schema';
import type { OrganisationSetting } from '../commands/register-correspondence';

/** The current organisation's calendar and phone region, from the signed-in session. */
export function sessionOrganisation(request: FastifyRequest): OrganisationSetting {
  const actor = actorOf(request);
  const org = request.session?.memberships.find((m) => m.organisation.id === actor.orgId)?.organisation;
  if (!org) throw problems.notFound();
  return { timeZone: org.timeZone, officialCode: org.officialCode, region: defaultRegionFor(org.timeZone) };
}

export interface InboundOrganisation extends OrganisationSetting {
  id: string;
  slug: string;
}

function settingOf(row: typeof organisations.$inferSelect): InboundOrganisation {
  return {
    id: row.id,
    slug: row.slug,
    timeZone: row.timeZone,
    officialCode: row.officialCode,
    region: defaultRegionFor(row.timeZone),
  };
}

/** An organisation by its public slug (the public form's address), or null. */
export async function organisationBySlug(db: Queryable, slug: string): Promise<InboundOrganisation | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  return row ? settingOf(row) : null;
}

/** An organisation by id (a gateway token's), or null. */
export async function organisationById(db: Queryable, id: string): Promise<InboundOrganisation | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ? settingOf(row) : null;
}

/**
 * The actor of a registration no user makes (the public form, a mail gateway). It matches
 * writers among the contacts the secretariat sees, as a person registering would. Its user id
 * is null on purpose: the audit rows of what it does carry no actor (recordAudit writes
 * `actor.userId ?? null`), and it is named on nothing (items it registers are `normal`).
 */
export function systemActor(orgId: string, ip: string, name: string): Actor {
  return {
    userId: null as unknown as string,
    name,
    email: '',
    orgId,
    role: 'secretariat',
    sessionId: '',
    ip,
  };
}

import type { FastifyRequest } from 'fastify';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { defaultRegionFor } from '../directory/phone';
import type { OrganisationSetting } from './commands/register-correspondence';

/** The current organisation's time zone, official code and phone region, from the session. */
export function organisationOf(request: FastifyRequest): OrganisationSetting & { name: string } {
  const actor = actorOf(request);
  const org = request.session?.memberships.find((m) => m.organisation.id === actor.orgId)?.organisation;
  if (!org) throw problems.notFound();
  return {
    name: org.name,
    timeZone: org.timeZone,
    officialCode: org.officialCode,
    region: defaultRegionFor(org.timeZone),
  };
}

import type { FastifyRequest } from 'fastify';
import { problems } from '../../../platform/errors/problem';
import { actorOf } from '../../../platform/http/context';
import type { AckOrganisation } from './build-acknowledgement';

/** The current organisation's id, name and time zone, from the session. */
export function ackOrganisationOf(request: FastifyRequest): AckOrganisation {
  const actor = actorOf(request);
  const org = request.session?.memberships.find((m) => m.organisation.id === actor.orgId)?.organisation;
  if (!org) throw problems.notFound();
  return { id: org.id, name: org.name, timeZone: org.timeZone };
}

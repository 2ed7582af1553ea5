import { ZContactMandatePage, ZIdParams, ZPageQuery } from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { DIRECTORY_ROLES } from './directory.policy';
import { findContactMandates } from './queries/find-contact-mandates';
import { findContact } from './queries/find-contacts';

/**
 * A contact's mandates for its 360° page. A separate list rather than a field of the contact:
 * the contact's response stays what the forms edit, and an elected person of long standing
 * pages like any other list. Same access as the contact itself (404 when not visible).
 */
export function registerContactMandateRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;

  r.get(
    '/api/v1/contacts/:id/mandates',
    {
      config: { access: access.roles('contacts.read', DIRECTORY_ROLES.readContacts) },
      schema: {
        tags: ['directory'],
        summary: 'Mandats d’un contact (en cours d’abord, puis terminés)',
        params: ZIdParams,
        querystring: ZPageQuery,
        response: { 200: ZContactMandatePage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const contact = await findContact(db, actor, request.params.id);
      if (!contact) throw problems.notFound();
      return findContactMandates(db, contact, request.query);
    },
  );
}

import { rolesFor, ZAuditActors, ZAuditPage, ZAuditQuery } from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../http/context';
import { access } from '../policy/access';
import { findAudit } from './find-audit';
import { findAuditActors } from './find-audit-actors';

export function registerAuditRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/audit',
    {
      config: { access: access.roles('audit.read', rolesFor('audit')) },
      schema: {
        tags: ['audit'],
        summary: 'Journal d’audit, filtrable par enregistrement, auteur et période',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    async (request) => findAudit(app.ctx.db, actorOf(request), request.query),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/audit/actors',
    {
      config: { access: access.roles('audit.read', rolesFor('audit')) },
      schema: {
        tags: ['audit'],
        summary: 'Auteurs possibles, pour filtrer le journal',
        response: { 200: ZAuditActors },
      },
    },
    async (request) => findAuditActors(app.ctx.db, actorOf(request)),
  );
}

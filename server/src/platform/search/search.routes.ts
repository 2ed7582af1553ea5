import { rolesFor, ZSearchQuery, ZSearchResult } from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../http/context';
import { access } from '../policy/access';
import { searchRecords } from './search-records';

export function registerSearchRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/search',
    {
      config: { access: access.roles('search', rolesFor('search')) },
      schema: {
        tags: ['search'],
        summary: 'Recherche globale, limitée à ce que l’utilisateur peut voir',
        querystring: ZSearchQuery,
        response: { 200: ZSearchResult },
      },
    },
    async (request) => searchRecords(app.ctx.db, actorOf(request), request.query),
  );
}

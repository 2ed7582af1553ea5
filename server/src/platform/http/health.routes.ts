import { ZHealth } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../policy/access';

export function registerHealthRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { access: access.public('monitoring probes call it without a session') },
      schema: { tags: ['platform'], summary: 'État du service', response: { 200: ZHealth, 503: ZHealth } },
    },
    async (_request, reply) => {
      const { db, database, config } = app.ctx;
      let reachable = true;
      try {
        await db.execute(sql`select 1`);
      } catch {
        reachable = false;
      }
      return reply.code(reachable ? 200 : 503).send({
        status: reachable ? 'ok' : 'degraded',
        version: config.version,
        database: { driver: database.driver, reachable },
      });
    },
  );
}

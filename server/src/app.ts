import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { seedDemoIfEmpty } from './demo/seed-demo';
import { registerAgendaRoutes } from './modules/agenda/agenda.routes';
import { registerAlertRoutes } from './modules/alerts/alerts.routes';
import { registerCaseRoutes } from './modules/cases/cases.routes';
import { registerAcknowledgementRoutes } from './modules/correspondence/acknowledgement/acknowledgement.routes';
import { registerCorrespondenceRoutes } from './modules/correspondence/correspondence.routes';
import { registerFollowUpRoutes } from './modules/correspondence/follow-up/follow-up.routes';
import { registerInboundRoutes } from './modules/correspondence/inbound/inbound.routes';
import { registerDecisionRoutes } from './modules/decisions/decisions.routes';
import { registerContactLinkRoutes } from './modules/directory/contact-links.routes';
import { registerDirectoryRoutes } from './modules/directory/directory.routes';
import { registerImportRoutes } from './modules/directory/imports/imports.routes';
import { registerOfficialRoutes } from './modules/directory/officials.routes';
import { registerPrivacy } from './modules/directory/privacy/privacy.routes';
import { registerNoteRoutes } from './modules/notes/notes.routes';
import { registerOrgRoutes } from './modules/org/org.routes';
import { registerTaskRoutes } from './modules/tasks/tasks.routes';
import { registerAuditRoutes } from './platform/audit/audit.routes';
import { createAuth } from './platform/auth/auth';
import { mountAuth } from './platform/auth/mount-auth';
import { registerSessionCache } from './platform/auth/register-session-cache';
import type { AppConfig } from './platform/config/config';
import { type Database, openDatabase } from './platform/db/client';
import { loadInstanceSecret } from './platform/db/instance-secret';
import { registerDatabaseMaintenance } from './platform/db/maintenance';
import { applyMigrations } from './platform/db/migrate';
import { registerErrorHandling, sendProblem } from './platform/errors/error-handler';
import { HttpProblem } from './platform/errors/problem';
import { registerFileRoutes } from './platform/files/files.routes';
import { registerAuthentication } from './platform/http/authenticate';
import { registerHealthRoutes } from './platform/http/health.routes';
import { createResponseSerializerCompiler } from './platform/http/response-serializer';
import { registerRouteRegistry } from './platform/http/route-registry';
import { registerSecurityHeaders } from './platform/http/security-headers';
import { JobRunner } from './platform/jobs/runner';
import { registerMailerRoutes } from './platform/mailer/mailer.routes';
import { registerNotificationRoutes } from './platform/notifications/notifications.routes';
import { registerSearchRoutes } from './platform/search/search.routes';

// French validation messages for every zod schema, server side.
z.config(z.locales.fr());

export interface BuildAppOptions {
  /** An already open database (tests); otherwise opened from the configuration. */
  database?: Database;
  logger?: FastifyServerOptions['logger'];
  /** Start the job runner's polling loop (off in tests, which drive it by hand). */
  runJobs?: boolean;
}

/** Builds the Dircab server: used by `npm start` (main.ts) and by every API test. */
export async function buildApp(config: AppConfig, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const database =
    options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const ownsDatabase = !options.database;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    // A count of hops as the function proxy-addr makes of it (Fastify's types take no number).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : (config.trustProxy ?? false),
    // Zod strict schemas reject unknown fields; Fastify must not strip them first.
    ajv: { customOptions: { removeAdditional: false } },
  });
  try {
    await applyMigrations(database);
    const secret = config.secret ?? (await loadInstanceSecret(database.db));
    const auth = createAuth(database.db, config, secret);
    const jobs = new JobRunner(database.db, app.log);
    await registerDatabaseMaintenance(database, jobs);
    app.decorate('ctx', { config, database, db: database.db, auth, jobs });

    // The API speaks JSON only (multipart joins where a route uploads files).
    app.removeContentTypeParser(['text/plain']);
    app.setValidatorCompiler(validatorCompiler);
    const responseSerializer = createResponseSerializerCompiler({ log: app.log });
    app.setSerializerCompiler(responseSerializer);
    app.decorate('responseSerializer', responseSerializer);
    registerErrorHandling(app);
    registerRouteRegistry(app);
    registerSecurityHeaders(app, { https: config.baseUrl.startsWith('https://') });
    registerAuthentication(app);
    const sessionCache = await registerSessionCache(app, database);

    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Dircab API',
          version: config.version,
          description:
            'API de Dircab, la plateforme de travail du cabinet. Authentification par cookie de session (POST /api/auth/sign-in/email).',
        },
        components: {
          securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' } },
        },
        security: [{ session: [] }],
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

    mountAuth(app, auth, config.baseUrl);
    registerHealthRoutes(app);
    await app.register(async (api) => {
      registerOrgRoutes(api);
      registerDirectoryRoutes(api);
      registerContactLinkRoutes(api);
      registerOfficialRoutes(api);
      registerCorrespondenceRoutes(api);
      registerAcknowledgementRoutes(api);
      await api.register(registerInboundRoutes);
      registerFileRoutes(api);
      await api.register(registerAgendaRoutes);
      await registerFollowUpRoutes(api);
      await registerPrivacy(api);
      await api.register(registerImportRoutes);
      registerAuditRoutes(api);
      registerSearchRoutes(api);
      registerCaseRoutes(api);
      registerNoteRoutes(api);
      registerDecisionRoutes(api);
      await registerTaskRoutes(api);
      registerAlertRoutes(api);
      registerNotificationRoutes(api);
      await registerMailerRoutes(api);
    });

    app.get(
      '/api/openapi.json',
      { config: { access: { kind: 'public', reason: 'the API contract, no data' } }, schema: { hide: true } },
      async () => app.swagger(),
    );
    registerWebApp(app, config);

    app.addHook('onClose', async () => {
      // The session listener stops before the database it listens on.
      await sessionCache.close();
      await jobs.stop();
      if (ownsDatabase) await database.close();
    });
    await seedDemoIfEmpty(app.ctx, app.log);
    if (options.runJobs) jobs.start();
    return app;
  } catch (error) {
    await app.close().catch(() => {});
    if (ownsDatabase) await database.close().catch(() => {});
    throw error;
  }
}

/** The built web app at `/`; client-side routes fall back to index.html, /api never does. */
function registerWebApp(app: FastifyInstance, config: AppConfig) {
  const dist = config.webDist;
  const hasWeb = dist !== undefined && existsSync(join(dist, 'index.html'));
  if (hasWeb) {
    app.register(fastifyStatic, { root: dist, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (hasWeb && request.method === 'GET' && !path.startsWith('/api') && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, request, new HttpProblem(404, `Aucune ressource à l’adresse ${path}.`));
  });
}

import type { FastifyInstance } from 'fastify';
import { resolveSession } from '../auth/resolve-actor';
import { problems } from '../errors/problem';
import { allows, refusalStatus } from '../policy/access';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Authentication and route-level authorisation, before the body is even parsed: a request
 * without a session gets 401 whatever it sends; a role the route does not admit gets 403
 * (404 for group staff on a record's route: `refusalStatus`).
 * Record-level decisions (404) are the commands' and queries'.
 */
export function registerAuthentication(app: FastifyInstance) {
  const allowedOrigin = new URL(app.ctx.config.baseUrl).origin;
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    const decision = request.routeOptions.config?.access;
    if (!decision || decision.kind === 'public') return;
    // CSRF: the cookie is SameSite=Lax and bodies must be JSON; a foreign Origin on a
    // state-changing request is refused outright as well.
    const origin = request.headers.origin;
    if (origin && STATE_CHANGING.has(request.method) && origin !== allowedOrigin) {
      throw problems.forbidden('Origine de la requête refusée.');
    }
    request.session = await resolveSession(request, app.ctx.auth, app.ctx.db);
    if (!request.session) throw problems.unauthorized();
    if (request.session.setCookies.length > 0) reply.header('set-cookie', request.session.setCookies);
    const role = request.session.actor.role;
    if (!allows(decision, role)) {
      throw refusalStatus(request.routeOptions.url ?? '', role) === 404 ? problems.notFound() : problems.forbidden();
    }
  });
}

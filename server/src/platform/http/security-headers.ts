import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's security headers on every answer. The middleware is built once, at start:
 * @fastify/helmet built it again for each request (its options parsed, its CSP string
 * rendered: about 2 % of a small read's CPU). Its hook comes first, before authentication's,
 * so a 401 or 403 carries the headers too (with @fastify/helmet registered after
 * authentication, an answer refused there had none).
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }) {
  const apply = helmet({
    // A town hall may serve Dircab over plain http on its network: no HSTS nor upgrade there.
    hsts: options.https,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: options.https ? [] : null,
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    apply(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
}

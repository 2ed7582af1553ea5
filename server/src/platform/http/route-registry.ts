import type { FastifyInstance } from 'fastify';
import { access } from '../policy/access';

// Routes added by plugins we do not write; each listed with its decision and why.
const PLUGIN_ROUTES: { prefix: string; reason: string }[] = [
  { prefix: '/api/docs', reason: 'API documentation: the contract, no data' },
];

/**
 * Deny by default: an /api route registered without an access decision stops the boot.
 * The list it builds is what the route-walk test walks.
 */
export function registerRouteRegistry(app: FastifyInstance) {
  app.decorate('apiRoutes', []);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    route.config ??= {} as NonNullable<typeof route.config>;
    const config = route.config;
    if (!config.access) {
      const plugin = PLUGIN_ROUTES.find((p) => route.url.startsWith(p.prefix));
      if (plugin) config.access = access.public(plugin.reason);
    }
    if (!config.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} has no access decision (config.access)`);
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      app.apiRoutes.push({ method, url: route.url, access: config.access, hasBody: Boolean(route.schema?.body) });
    }
  });
}

import { ZAlertFeed, ZAlertQuery } from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { HttpProblem } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { deliverAlertsChanged, onAlertsChanged, useAlertPublisher } from './alert-signals';
import { ALERT_ROLES } from './alert-sources';
import { type AlertBus, startPostgresAlertBus } from './postgres-alert-bus';
import { findAlerts } from './queries/find-alerts';

const tags = ['alerts'];

/** Read when a stream opens; tests shorten it. */
export const alertStreamSettings = {
  /** Between two keep-alive comments on an open stream (proxies close silent connections). */
  keepAliveMs: 25_000,
};

/**
 * On PostgreSQL, several server processes may share the database: the signal goes through
 * LISTEN/NOTIFY so a change made on one reaches the streams open on another. Started when the
 * app is ready, stopped before the database closes.
 */
function shareSignalsThroughPostgres(app: FastifyInstance): void {
  const { database } = app.ctx;
  if (database.driver !== 'postgres') return;
  let bus: AlertBus | null = null;
  let restore = () => {};
  app.addHook('onReady', async () => {
    const pool = (database.db as unknown as { $client: pg.Pool }).$client;
    const started = await startPostgresAlertBus({
      pool,
      onSignal: deliverAlertsChanged,
      onError: (error) => app.log.warn({ err: error }, 'alerts: LISTEN connection lost, reconnecting'),
    });
    bus = started;
    restore = useAlertPublisher((orgId) => {
      started.publish(orgId).catch((error) => app.log.error({ err: error }, 'alerts: NOTIFY failed'));
    });
  });
  app.addHook('preClose', async () => {
    restore();
    await bus?.close();
    bus = null;
  });
}

/** The alert feed and its live stream (server-sent events). */
export function registerAlertRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  shareSignalsThroughPostgres(app);
  const feed = access.roles('alerts.read', ALERT_ROLES);
  // Open streams never end by themselves: closing the server ends them first (it waits for them).
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  r.get(
    '/api/v1/alerts',
    {
      config: { access: feed },
      schema: {
        tags,
        summary: 'Fil d’alertes : dossiers signalés au maire, tâches en retard… (les plus urgentes d’abord)',
        querystring: ZAlertQuery,
        response: { 200: ZAlertFeed },
      },
    },
    async (request) => ({ data: await findAlerts(db, actorOf(request), request.query.limit) }),
  );

  r.get(
    '/api/v1/alerts/stream',
    {
      config: { access: feed },
      schema: {
        tags,
        summary: 'Flux en direct (text/event-stream) : un signal « alerts » quand le fil change, à relire',
        querystring: z.strictObject({}),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // An EventSource always asks for text/event-stream; anything else would hang on a stream
      // that never ends (a plain GET, a link preview): it gets a clear 406 instead.
      if (!/text\/event-stream/.test(request.headers.accept ?? '')) {
        throw new HttpProblem(
          406,
          'Ce flux se lit en text/event-stream (EventSource).',
          undefined,
          'Format non acceptable',
        );
      }
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // Nginx and similar proxies would otherwise hold the events back.
        'x-accel-buffering': 'no',
      });
      // The signal carries no content: each client re-reads GET /api/v1/alerts with its own rights.
      res.write('retry: 5000\n\nevent: ready\ndata: {}\n\n');
      const unsubscribe = onAlertsChanged(actor.orgId, () => {
        res.write(`event: alerts\ndata: ${JSON.stringify({ changedAt: new Date().toISOString() })}\n\n`);
      });
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), alertStreamSettings.keepAliveMs);
      keepAlive.unref();
      const close = () => {
        clearInterval(keepAlive);
        unsubscribe();
        open.delete(end);
      };
      const end = () => {
        close();
        res.end();
      };
      open.add(end);
      // The response closes when the client goes away (or the server ends it): stop listening.
      res.on('close', close);
    },
  );
}

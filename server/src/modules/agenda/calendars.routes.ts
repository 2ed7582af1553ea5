import { ZCalendarFeed, ZCalendarFeedList, ZCreateCalendarFeed, ZFeedTokenParams, ZIdParams } from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { AGENDA_ROLES } from './agenda.policy';
import { createFeed } from './commands/create-feed';
import { deleteFeed } from './commands/delete-feed';
import { rotateFeed } from './commands/rotate-feed';
import { agendaContextOf } from './events.routes';
import { feedUrl } from './feed-tokens';
import { findFeeds, presentFeed } from './queries/find-feeds';
import { renderFeed } from './queries/render-feed';

const tags = ['agenda'];

export function registerCalendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = app.ctx;
  const subscribe = access.roles('agenda.feeds', AGENDA_ROLES.read);

  r.get(
    '/api/v1/calendars',
    {
      config: { access: subscribe },
      schema: {
        tags,
        summary: 'Agendas auxquels s’abonner (le sien, ceux des élus), avec les abonnements créés',
        response: { 200: ZCalendarFeedList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return findFeeds(db, actor, (await agendaContextOf(request)).officials);
    },
  );

  r.post(
    '/api/v1/calendars',
    {
      config: { access: subscribe },
      schema: {
        tags,
        summary: 'Créer (ou remplacer) l’adresse secrète d’un agenda ; l’adresse n’est montrée qu’ici',
        body: ZCreateCalendarFeed,
        response: { 201: ZCalendarFeed },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { officials } = await agendaContextOf(request);
      const { row, token } = await db.transaction((tx) => createFeed(tx, actor, request.body, officials));
      return reply.code(201).send(presentFeed(actor, row, officials, feedUrl(config.baseUrl, token)));
    },
  );

  r.post(
    '/api/v1/calendars/:id/rotate',
    {
      config: { access: subscribe },
      schema: {
        tags,
        summary: 'Changer l’adresse secrète d’un abonnement (l’ancienne cesse de fonctionner)',
        params: ZIdParams,
        response: { 200: ZCalendarFeed },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { officials } = await agendaContextOf(request);
      const { row, token } = await db.transaction((tx) => rotateFeed(tx, actor, request.params.id));
      return presentFeed(actor, row, officials, feedUrl(config.baseUrl, token));
    },
  );

  r.delete(
    '/api/v1/calendars/:id',
    {
      config: { access: subscribe },
      schema: { tags, summary: 'Révoquer un abonnement', params: ZIdParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deleteFeed(tx, actor, request.params.id));
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/calendars/:token.ics',
    {
      config: {
        access: access.public(
          'calendar clients (Outlook, Google, Apple) subscribe without a session: the secret token in the address is the credential, stored hashed and revocable',
        ),
      },
      schema: { tags, summary: 'Flux iCalendar d’un agenda (adresse secrète)', params: ZFeedTokenParams },
    },
    async (request, reply) => {
      const body = await renderFeed(db, request.params.token);
      if (body === null) throw problems.notFound();
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="agenda.ics"')
        .send(body);
    },
  );
}

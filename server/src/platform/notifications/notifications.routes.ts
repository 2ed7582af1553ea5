import {
  ZIdParams,
  ZNotification,
  ZNotificationPage,
  ZNotificationPreferences,
  ZNotificationQuery,
  ZReadAll,
  ZUnreadCount,
} from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../http/context';
import { access } from '../policy/access';
import { markAllNotificationsRead, markNotificationRead } from './commands/mark-notification-read';
import { updateNotificationPreferences } from './commands/update-notification-preferences';
import { findNotificationPreferences } from './queries/find-notification-preferences';
import { countUnread, findNotifications, presentNotification } from './queries/find-notifications';

const tags = ['notifications'];

/**
 * A member's own notifications. Every member has some (group staff and the admin too): the
 * queries read only the actor's rows, so another user's notification answers 404.
 */
export function registerNotificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const member = access.member();

  r.get(
    '/api/v1/notifications',
    {
      config: { access: member },
      schema: {
        tags,
        summary: 'Mes notifications (les plus récentes d’abord ; unread=true : non lues)',
        querystring: ZNotificationQuery,
        response: { 200: ZNotificationPage },
      },
    },
    async (request) => findNotifications(db, actorOf(request), request.query),
  );

  r.get(
    '/api/v1/notifications/unread-count',
    {
      config: { access: member },
      schema: { tags, summary: 'Nombre de mes notifications non lues', response: { 200: ZUnreadCount } },
    },
    async (request) => ({ unread: await countUnread(db, actorOf(request)) }),
  );

  r.post(
    '/api/v1/notifications/read-all',
    {
      config: { access: member },
      schema: { tags, summary: 'Marquer toutes mes notifications comme lues', response: { 200: ZReadAll } },
    },
    async (request) => {
      const actor = actorOf(request);
      return { marked: await db.transaction((tx) => markAllNotificationsRead(tx, actor)) };
    },
  );

  r.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: member },
      schema: {
        tags,
        summary: 'Marquer une notification comme lue',
        params: ZIdParams,
        response: { 200: ZNotification },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => markNotificationRead(tx, actor, request.params.id));
      return presentNotification(row);
    },
  );

  r.get(
    '/api/v1/notifications/preferences',
    {
      config: { access: member },
      schema: { tags, summary: 'Mes préférences de notification', response: { 200: ZNotificationPreferences } },
    },
    async (request) => findNotificationPreferences(db, actorOf(request)),
  );

  r.put(
    '/api/v1/notifications/preferences',
    {
      config: { access: member },
      schema: {
        tags,
        summary: 'Choisir mon résumé quotidien (aucun, dans Dircab, par courriel)',
        body: ZNotificationPreferences,
        response: { 200: ZNotificationPreferences },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => updateNotificationPreferences(tx, actor, request.body));
    },
  );
}

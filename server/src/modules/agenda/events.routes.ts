import {
  ZAgendaSettings,
  ZConflictList,
  ZConflictQuery,
  ZCreateEvent,
  ZEvent,
  ZEventPage,
  ZEventQuery,
  ZIdParams,
  ZMovedEvent,
  ZMoveEvent,
  ZOccurrenceQuery,
  ZUpdateEvent,
  ZWeeklyAgendaQuery,
} from '@dircab/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DOCUMENT_MEDIA_TYPES, renderDocument } from '../../platform/documents/render-letter';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { AGENDA_ROLES } from './agenda.policy';
import { type AgendaContext, loadAgendaContext } from './agenda-context';
import { createEvent } from './commands/create-event';
import { deleteEvent } from './commands/delete-event';
import { moveEvent } from './commands/move-event';
import { updateAgendaSettings } from './commands/update-agenda-settings';
import { updateEvent } from './commands/update-event';
import { occurrenceOfRow, presentOccurrence } from './present-event';
import { findConflictList } from './queries/event-conflict-list';
import { findEventRow } from './queries/event-rows';
import { findEvents } from './queries/find-events';
import { weeklyAgenda } from './queries/weekly-agenda';

const tags = ['agenda'];

/** The current organisation's time zone, from the session. */
export function organisationZone(request: FastifyRequest): string {
  const actor = actorOf(request);
  const org = request.session?.memberships.find((m) => m.organisation.id === actor.orgId)?.organisation;
  if (!org) throw problems.notFound();
  return org.timeZone;
}

export async function agendaContextOf(request: FastifyRequest): Promise<AgendaContext> {
  return loadAgendaContext(request.server.ctx.db, actorOf(request), organisationZone(request));
}

export function registerEventRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const read = access.roles('agenda.read', AGENDA_ROLES.read);
  const write = access.roles('agenda.write', AGENDA_ROLES.write);

  r.get(
    '/api/v1/events',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Agendas d’une période (un ou plusieurs élus), occurrences développées, avec les conflits',
        querystring: ZEventQuery,
        response: { 200: ZEventPage },
      },
    },
    async (request) => findEvents(db, actorOf(request), request.query, await agendaContextOf(request)),
  );

  r.post(
    '/api/v1/events',
    {
      config: { access: write },
      schema: { tags, summary: 'Inscrire un événement à l’agenda', body: ZCreateEvent, response: { 201: ZEvent } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const context = await agendaContextOf(request);
      const row = await db.transaction((tx) => createEvent(tx, actor, request.body, context));
      return reply.code(201).send(presentOccurrence(actor, occurrenceOfRow(row), context.officials));
    },
  );

  // Static segments before /:id, for readers.
  r.get(
    '/api/v1/events/conflicts',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Conflits d’un élu sur une période (chevauchements, temps de trajet)',
        querystring: ZConflictQuery,
        response: { 200: ZConflictList },
      },
    },
    async (request) => findConflictList(db, actorOf(request), request.query, await agendaContextOf(request)),
  );

  r.get(
    '/api/v1/events/weekly-agenda',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Agenda public de la semaine (sept jours depuis « from ») en PDF, DOCX ou ODT',
        querystring: ZWeeklyAgendaQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const context = await agendaContextOf(request);
      const org = request.session?.memberships.find((m) => m.organisation.id === actor.orgId)?.organisation;
      const doc = await weeklyAgenda(db, actor, request.query.from, context, org?.name ?? '');
      const format = request.query.format;
      return reply
        .type(DOCUMENT_MEDIA_TYPES[format])
        .header('content-disposition', `attachment; filename="agenda-${request.query.from}.${format}"`)
        .send(await renderDocument(doc, format));
    },
  );

  const settings = access.roles('agenda.settings', AGENDA_ROLES.settings);
  r.get(
    '/api/v1/agenda/settings',
    {
      config: { access: settings },
      schema: { tags, summary: 'Réglages de l’agenda (temps de trajet)', response: { 200: ZAgendaSettings } },
    },
    async (request) => ({ travelMinutes: (await agendaContextOf(request)).travelMinutes }),
  );
  r.put(
    '/api/v1/agenda/settings',
    {
      config: { access: settings },
      schema: {
        tags,
        summary: 'Régler le temps de trajet minimal entre deux lieux',
        body: ZAgendaSettings,
        response: { 200: ZAgendaSettings },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => updateAgendaSettings(tx, actor, request.body));
    },
  );

  r.get(
    '/api/v1/events/:id',
    {
      config: { access: read },
      schema: { tags, summary: 'Un événement', params: ZIdParams, response: { 200: ZEvent } },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await findEventRow(db, actor, request.params.id);
      if (!row) throw problems.notFound();
      return presentOccurrence(actor, occurrenceOfRow(row), (await agendaContextOf(request)).officials);
    },
  );

  r.patch(
    '/api/v1/events/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Modifier un événement, ou une occurrence d’une série (?occurrence=début d’origine)',
        params: ZIdParams,
        querystring: ZOccurrenceQuery,
        body: ZUpdateEvent,
        response: { 200: ZEvent },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const context = await agendaContextOf(request);
      const row = await db.transaction((tx) =>
        updateEvent(tx, actor, request.params.id, request.body, context, request.query.occurrence),
      );
      return presentOccurrence(actor, occurrenceOfRow(row), context.officials);
    },
  );

  r.delete(
    '/api/v1/events/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Supprimer un événement, ou annuler une occurrence d’une série (?occurrence=)',
        params: ZIdParams,
        querystring: ZOccurrenceQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const context = await agendaContextOf(request);
      await db.transaction((tx) => deleteEvent(tx, actor, request.params.id, context, request.query.occurrence));
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/events/:id/move',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Déplacer un événement (même durée) ; renvoie les horaires précédents pour annuler',
        params: ZIdParams,
        body: ZMoveEvent,
        response: { 200: ZMovedEvent },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const context = await agendaContextOf(request);
      const moved = await db.transaction((tx) => moveEvent(tx, actor, request.params.id, request.body, context));
      return {
        event: presentOccurrence(actor, occurrenceOfRow(moved.row), context.officials),
        previous: moved.previous,
      };
    },
  );
}

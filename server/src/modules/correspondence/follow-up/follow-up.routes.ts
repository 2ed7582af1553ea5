import { Readable } from 'node:stream';
import {
  ZCreateItemType,
  ZCreateSavedView,
  ZFigures,
  ZFiguresQuery,
  ZHolidayQuery,
  ZHolidaySettings,
  ZHolidaySettingsInput,
  ZIdParams,
  ZManagedItemType,
  ZPageQuery,
  ZRegisterQuery,
  ZSavedView,
  ZSavedViewPage,
  ZUpdateItemType,
} from '@dircab/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/record-audit';
import { problems } from '../../../platform/errors/problem';
import { actorOf } from '../../../platform/http/context';
import { access } from '../../../platform/policy/access';
import { createItemType } from './commands/create-item-type';
import { deleteItemType } from './commands/delete-item-type';
import { deleteView } from './commands/delete-view';
import { presentItemType } from './commands/item-type-changes';
import { saveView } from './commands/save-view';
import { updateHolidaySettings } from './commands/update-holiday-settings';
import { updateItemType } from './commands/update-item-type';
import { findFigures } from './figures/find-figures';
import { FOLLOW_UP_ROLES } from './follow-up.policy';
import { findHolidaySettings } from './queries/find-holiday-settings';
import { findSavedViews, presentSavedView } from './queries/find-saved-views';
import { registerCsv } from './register/register-csv';
import { registerPdf } from './register/register-pdf';
import { registerDailyFollowUp } from './reminders/daily-follow-up-job';

const tags = ['correspondence'];
const noContent = { 204: z.null().describe('Aucun contenu') };

/** The current organisation's name and time zone, from the session. */
function organisationOf(request: FastifyRequest): { name: string; timeZone: string } {
  const actor = actorOf(request);
  const org = request.session?.memberships.find((m) => m.organisation.id === actor.orgId)?.organisation;
  if (!org) throw problems.notFound();
  return { name: org.name, timeZone: org.timeZone };
}

/** Follow-up of correspondence: item types, the holiday calendar, saved views, the register. */
export async function registerFollowUpRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, jobs } = app.ctx;
  await registerDailyFollowUp(db, jobs, app.log);
  const itemTypes = access.roles('correspondence.types', FOLLOW_UP_ROLES.itemTypes);
  const holidays = access.roles('settings.holidays', FOLLOW_UP_ROLES.holidays);
  const views = access.roles('correspondence.views', FOLLOW_UP_ROLES.views);

  // ------------------------------------------------------------ item types

  r.post(
    '/api/v1/correspondence/types',
    {
      config: { access: itemTypes },
      schema: {
        tags,
        summary: 'Créer un type de courrier (accusé de réception, décision implicite, délai)',
        body: ZCreateItemType,
        response: { 201: ZManagedItemType },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => createItemType(tx, actor, request.body));
      return reply.code(201).send(presentItemType(actor, row));
    },
  );

  r.patch(
    '/api/v1/correspondence/types/:id',
    {
      config: { access: itemTypes },
      schema: {
        tags,
        summary: 'Modifier un type de courrier (les courriers déjà enregistrés gardent leurs dates)',
        params: ZIdParams,
        body: ZUpdateItemType,
        response: { 200: ZManagedItemType },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => updateItemType(tx, actor, request.params.id, request.body));
      return presentItemType(actor, row);
    },
  );

  r.delete(
    '/api/v1/correspondence/types/:id',
    {
      config: { access: itemTypes },
      schema: {
        tags,
        summary: 'Supprimer un type de courrier inutilisé (409 s’il sert)',
        params: ZIdParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deleteItemType(tx, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // ------------------------------------------------------------ holiday calendar

  r.get(
    '/api/v1/settings/holidays',
    {
      config: { access: holidays },
      schema: {
        tags: ['settings'],
        summary: 'Calendrier des jours fériés et de fermeture (avec year : les jours de l’année)',
        querystring: ZHolidayQuery,
        response: { 200: ZHolidaySettings },
      },
    },
    async (request) => findHolidaySettings(db, actorOf(request), request.query.year),
  );

  r.put(
    '/api/v1/settings/holidays',
    {
      config: { access: holidays },
      schema: {
        tags: ['settings'],
        summary: 'Définir le calendrier des jours fériés (pays ou territoire, région, jours de fermeture)',
        body: ZHolidaySettingsInput,
        response: { 200: ZHolidaySettings },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => updateHolidaySettings(tx, actor, request.body));
      return findHolidaySettings(db, actor);
    },
  );

  // ------------------------------------------------------------ saved views

  r.get(
    '/api/v1/correspondence/views',
    {
      config: { access: views },
      schema: {
        tags,
        summary: 'Mes vues enregistrées du courrier',
        querystring: ZPageQuery,
        response: { 200: ZSavedViewPage },
      },
    },
    async (request) => findSavedViews(db, actorOf(request), request.query),
  );

  r.post(
    '/api/v1/correspondence/views',
    {
      config: { access: views },
      schema: {
        tags,
        summary: 'Enregistrer une vue (nom et filtres de la liste)',
        body: ZCreateSavedView,
        response: { 201: ZSavedView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => saveView(tx, actor, request.body));
      return reply.code(201).send(presentSavedView(actor, row));
    },
  );

  r.delete(
    '/api/v1/correspondence/views/:id',
    {
      config: { access: views },
      schema: { tags, summary: 'Supprimer une de mes vues', params: ZIdParams, response: noContent },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deleteView(tx, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // ------------------------------------------------------------ figures

  r.get(
    '/api/v1/correspondence/figures',
    {
      config: { access: access.roles('correspondence.figures', FOLLOW_UP_ROLES.figures) },
      schema: {
        tags,
        summary: 'Délais de réponse des courriers reçus sur une période, par service et par type',
        querystring: ZFiguresQuery,
        response: { 200: ZFigures },
      },
    },
    async (request) => findFigures(db, actorOf(request), request.query, organisationOf(request).timeZone),
  );

  // ------------------------------------------------------------ register

  r.get(
    '/api/v1/correspondence/register',
    {
      config: { access: access.roles('correspondence.register_export', FOLLOW_UP_ROLES.register) },
      schema: {
        tags,
        summary: 'Registre chronologique du courrier d’une période (CSV « ; » UTF-8 avec BOM, ou PDF paysage)',
        querystring: ZRegisterQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const query = request.query;
      const org = organisationOf(request);
      let rows = 0;
      // Written when the file is done or the download cut: the rows that left are known then.
      const audit = async (complete: boolean) => {
        await recordAudit(db, actor, {
          action: 'correspondence.register_export',
          recordType: 'correspondence_register',
          summary: { format: query.format, from: query.from, to: query.to, direction: query.direction, rows, complete },
        }).catch((err) => request.log.error({ err }, 'register export audit failed'));
      };
      const name = `registre-courrier-${query.from}-${query.to}`;
      reply.header('cache-control', 'no-store');
      if (query.format === 'pdf') {
        const doc = registerPdf(db, actor, query, {
          organisationName: org.name,
          timeZone: org.timeZone,
          onRow: () => rows++,
          onEnd: async (complete, err) => {
            if (err) request.log.error({ err }, 'register PDF failed');
            await audit(complete);
          },
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(doc);
      }
      async function* lines() {
        let complete = false;
        try {
          yield* registerCsv(db, actor, query, org.timeZone, () => rows++);
          complete = true;
        } finally {
          await audit(complete);
        }
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(Readable.from(lines()));
    },
  );
}

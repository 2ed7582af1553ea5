import {
  ZAckDocumentQuery,
  ZAcknowledgement,
  ZAcknowledgementPage,
  ZAckTemplate,
  ZAckTemplatePage,
  ZCreateAckTemplate,
  ZIdParams,
  ZLetterhead,
  ZPageQuery,
  ZSendAcknowledgement,
  ZUpdateAckTemplate,
  ZUpdateLetterhead,
} from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCUMENT_MEDIA_TYPES, renderLetter } from '../../../platform/documents/render-letter';
import { problems } from '../../../platform/errors/problem';
import { actorOf } from '../../../platform/http/context';
import { access } from '../../../platform/policy/access';
import { findItem } from '../queries/find-correspondence';
import { ackOrganisationOf } from './ack-organisation';
import { ACKNOWLEDGEMENT_ROLES } from './acknowledgement.policy';
import { buildAcknowledgement } from './build-acknowledgement';
import { deleteAckTemplate } from './commands/delete-ack-template';
import { createAckTemplate, updateAckTemplate } from './commands/save-ack-template';
import { acknowledgementFilename, sendAcknowledgement } from './commands/send-acknowledgement';
import { updateLetterhead } from './commands/update-letterhead';
import { findLetterhead, presentLetterhead } from './letterhead';
import { findAckTemplates, presentAckTemplate } from './queries/find-ack-templates';
import { findAcknowledgements, presentAcknowledgement } from './queries/find-acknowledgements';

const tags = ['correspondence'];

/** Acknowledgements (CRPA L.112-3, R.112-5): the document, sending it, templates, letterhead. */
export function registerAcknowledgementRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const read = access.roles('correspondence.read', ACKNOWLEDGEMENT_ROLES.read);
  const send = access.roles('correspondence.acknowledge', ACKNOWLEDGEMENT_ROLES.send);
  const templates = access.roles('correspondence.ack_templates.read', ACKNOWLEDGEMENT_ROLES.templates);
  const manage = access.roles('correspondence.ack_templates.manage', ACKNOWLEDGEMENT_ROLES.manageTemplates);

  r.get(
    '/api/v1/correspondence/:id/acknowledgement',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'L’accusé de réception d’un courrier (DOCX, ODT ou PDF)',
        params: ZIdParams,
        querystring: ZAckDocumentQuery,
        produces: Object.values(DOCUMENT_MEDIA_TYPES),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const org = ackOrganisationOf(request);
      // A transaction: the first use creates the organisation's default template.
      const ack = await db.transaction(async (tx) => {
        const item = await findItem(tx, actor, request.params.id);
        if (!item) throw problems.notFound();
        if (item.direction !== 'in') throw problems.conflict('Seul un courrier reçu appelle un accusé de réception.');
        return { item, built: await buildAcknowledgement(tx, item, org) };
      });
      const { format } = request.query;
      const file = await renderLetter(ack.built.letter, format);
      return reply
        .type(DOCUMENT_MEDIA_TYPES[format])
        .header(
          'content-disposition',
          `attachment; filename="${acknowledgementFilename(ack.item.registrationNumber, format)}"`,
        )
        .header('cache-control', 'private, no-store')
        .send(file);
    },
  );

  r.post(
    '/api/v1/correspondence/:id/acknowledgement/send',
    {
      config: { access: send },
      schema: {
        tags,
        summary: 'Envoyer l’accusé de réception (courriel avec la lettre en PDF) ou noter sa remise en lettre',
        params: ZIdParams,
        body: ZSendAcknowledgement,
        response: { 201: ZAcknowledgement },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const org = ackOrganisationOf(request);
      const row = await db.transaction((tx) => sendAcknowledgement(tx, actor, request.params.id, request.body, org));
      // A new email's job is pending until the runner takes it.
      return reply.code(201).send(presentAcknowledgement(actor, row, row.emailJobId ? 'pending' : null));
    },
  );

  r.get(
    '/api/v1/correspondence/:id/acknowledgements',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Les accusés de réception donnés pour un courrier (les plus récents d’abord)',
        params: ZIdParams,
        querystring: ZPageQuery,
        response: { 200: ZAcknowledgementPage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const item = await findItem(db, actor, request.params.id);
      if (!item) throw problems.notFound();
      return findAcknowledgements(db, actor, item.id, request.query);
    },
  );

  r.get(
    '/api/v1/correspondence/ack-templates',
    {
      config: { access: templates },
      schema: {
        tags,
        summary: 'Modèles d’accusé de réception',
        querystring: ZPageQuery,
        response: { 200: ZAckTemplatePage },
      },
    },
    async (request) => findAckTemplates(db, actorOf(request), request.query),
  );

  r.post(
    '/api/v1/correspondence/ack-templates',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Créer un modèle d’accusé de réception',
        body: ZCreateAckTemplate,
        response: { 201: ZAckTemplate },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => createAckTemplate(tx, actor, request.body));
      return reply.code(201).send(presentAckTemplate(actor, row));
    },
  );

  r.patch(
    '/api/v1/correspondence/ack-templates/:id',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Modifier un modèle d’accusé de réception',
        params: ZIdParams,
        body: ZUpdateAckTemplate,
        response: { 200: ZAckTemplate },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => updateAckTemplate(tx, actor, request.params.id, request.body));
      return presentAckTemplate(actor, row);
    },
  );

  r.delete(
    '/api/v1/correspondence/ack-templates/:id',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Supprimer un modèle d’accusé de réception (409 pour le modèle par défaut)',
        params: ZIdParams,
        response: { 204: z.null().describe('Aucun contenu') },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deleteAckTemplate(tx, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/correspondence/letterhead',
    {
      config: { access: templates },
      schema: { tags, summary: 'En-tête des lettres et coordonnées du secrétariat', response: { 200: ZLetterhead } },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentLetterhead(actor, await findLetterhead(db, ackOrganisationOf(request)));
    },
  );

  r.put(
    '/api/v1/correspondence/letterhead',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Définir l’en-tête des lettres et les coordonnées du secrétariat',
        body: ZUpdateLetterhead,
        response: { 200: ZLetterhead },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = ackOrganisationOf(request);
      const row = await db.transaction((tx) => updateLetterhead(tx, actor, org, request.body));
      return presentLetterhead(actor, row);
    },
  );
}

import {
  ZAcceptInvitation,
  ZCreateInvitation,
  ZDeclineInvitation,
  ZDelegateInvitation,
  ZIdParams,
  ZInvitation,
  ZInvitationPage,
  ZInvitationQuery,
  ZPeriodQuery,
  ZRepresentationReport,
} from '@dircab/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCUMENT_FORMATS, DOCUMENT_MEDIA_TYPES, renderLetter } from '../../platform/documents/render-letter';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { organisationOf } from '../correspondence/organisation-of';
import { findItem } from '../correspondence/queries/find-correspondence';
import { findContact } from '../directory/queries/find-contacts';
import { AGENDA_ROLES, invitationPolicy } from './agenda.policy';
import { acceptInvitation } from './commands/accept-invitation';
import { createInvitation } from './commands/create-invitation';
import { declineInvitation } from './commands/decline-invitation';
import { delegateInvitation } from './commands/delegate-invitation';
import { markReplySent, sendDeclineReply } from './commands/mark-reply-sent';
import { declineLetter } from './decline-letter';
import { agendaContextOf, organisationZone } from './events.routes';
import { findInvitation, findInvitations, presentInvitation } from './queries/find-invitations';
import { representationReport } from './queries/representation-report';

const tags = ['agenda'];

const ZLetterQuery = z.strictObject({ format: z.enum(DOCUMENT_FORMATS as ['docx', 'odt', 'pdf']).default('pdf') });

function organisationName(request: FastifyRequest): string {
  const actor = actorOf(request);
  return request.session?.memberships.find((m) => m.organisation.id === actor.orgId)?.organisation.name ?? '';
}

export function registerInvitationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const read = access.roles('agenda.invitations.read', AGENDA_ROLES.invitationsRead);
  const answer = access.roles('agenda.invitations.answer', AGENDA_ROLES.invitationsAnswer);

  r.get(
    '/api/v1/invitations',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Invitations reçues, à répondre avant la date limite d’abord (filtre par statut, ou en retard)',
        querystring: ZInvitationQuery,
        response: { 200: ZInvitationPage },
      },
    },
    async (request) => findInvitations(db, actorOf(request), request.query, organisationZone(request)),
  );

  r.post(
    '/api/v1/invitations',
    {
      config: { access: answer },
      schema: {
        tags,
        summary: 'Enregistrer une invitation reçue (saisie, ou depuis un courrier arrivé)',
        body: ZCreateInvitation,
        response: { 201: ZInvitation },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const timeZone = organisationZone(request);
      const row = await db.transaction((tx) => createInvitation(tx, actor, request.body, timeZone));
      return reply.code(201).send(presentInvitation(actor, row, timeZone));
    },
  );

  // Static segment before /:id, for readers.
  r.get(
    '/api/v1/invitations/representation-report',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Représentations : qui a représenté qui, et combien de fois, sur une période',
        querystring: ZPeriodQuery,
        response: { 200: ZRepresentationReport },
      },
    },
    async (request) => representationReport(db, actorOf(request), request.query, await agendaContextOf(request)),
  );

  r.get(
    '/api/v1/invitations/:id',
    {
      config: { access: read },
      schema: { tags, summary: 'Une invitation', params: ZIdParams, response: { 200: ZInvitation } },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await findInvitation(db, actor, request.params.id);
      if (!row) throw problems.notFound();
      return presentInvitation(actor, row, organisationZone(request));
    },
  );

  r.post(
    '/api/v1/invitations/:id/accept',
    {
      config: { access: answer },
      schema: {
        tags,
        summary: 'Accepter : l’événement entre à l’agenda du Maire',
        params: ZIdParams,
        body: ZAcceptInvitation,
        response: { 200: ZInvitation },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const context = await agendaContextOf(request);
      const row = await db.transaction((tx) => acceptInvitation(tx, actor, request.params.id, context));
      return presentInvitation(actor, row, context.timeZone);
    },
  );

  r.post(
    '/api/v1/invitations/:id/delegate',
    {
      config: { access: answer },
      schema: {
        tags,
        summary: 'Déléguer à un élu : l’événement entre à son agenda, « représente le Maire »',
        params: ZIdParams,
        body: ZDelegateInvitation,
        response: { 200: ZInvitation },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const context = await agendaContextOf(request);
      const row = await db.transaction((tx) => delegateInvitation(tx, actor, request.params.id, request.body, context));
      return presentInvitation(actor, row, context.timeZone);
    },
  );

  r.post(
    '/api/v1/invitations/:id/decline',
    {
      config: { access: answer },
      schema: {
        tags,
        summary: 'Décliner (motif facultatif) : la lettre de réponse est enregistrée au départ (numéro D)',
        params: ZIdParams,
        body: ZDeclineInvitation,
        response: { 200: ZInvitation },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const context = await agendaContextOf(request);
      const setting = { org: organisationOf(request), executive: context.officials.executive };
      const row = await db.transaction((tx) => declineInvitation(tx, actor, request.params.id, request.body, setting));
      return presentInvitation(actor, row, context.timeZone);
    },
  );

  r.post(
    '/api/v1/invitations/:id/reply-sent',
    {
      config: { access: answer },
      schema: {
        tags,
        summary: 'Marquer comme envoyée la lettre de réponse d’une invitation déclinée',
        params: ZIdParams,
        response: { 200: ZInvitation },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => markReplySent(tx, actor, request.params.id));
      return presentInvitation(actor, row, organisationZone(request));
    },
  );

  r.get(
    '/api/v1/invitations/:id/decline-letter',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Lettre de réponse à une invitation déclinée (DOCX, ODT ou PDF)',
        params: ZIdParams,
        querystring: ZLetterQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await findInvitation(db, actor, request.params.id);
      if (!row) throw problems.notFound();
      if (!invitationPolicy.can(actor, 'letter', row)) {
        throw problems.conflict('La lettre de réponse n’existe que pour une invitation déclinée.');
      }
      const context = await agendaContextOf(request);
      const organiser = row.organiserContactId ? await findContact(db, actor, row.organiserContactId) : null;
      const letter = declineLetter(
        row,
        { name: organisationName(request), timeZone: context.timeZone },
        organiser,
        context.officials.executive,
      );
      // Its number in the outgoing register, when the actor may see the registered reply.
      const registered = row.replyItemId ? await findItem(db, actor, row.replyItemId) : null;
      if (registered) letter.references.unshift({ label: 'Nos réf.', value: registered.registrationNumber });
      const format = request.query.format;
      const file = await renderLetter(letter, format);
      // The secretariat prints the letter to post it: the registered reply is sent from then on
      // (an advisor reading it sends nothing).
      if (registered?.status === 'registered' && invitationPolicy.can(actor, 'markReplySent', row)) {
        await db.transaction(async (tx) => {
          const locked = await findInvitation(tx, actor, row.id, true);
          if (locked) await sendDeclineReply(tx, actor, locked, 'printed');
        });
      }
      return reply
        .type(DOCUMENT_MEDIA_TYPES[format])
        .header('content-disposition', `attachment; filename="reponse-invitation.${format}"`)
        .send(file);
    },
  );
}

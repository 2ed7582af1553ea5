import {
  ZCloseCorrespondence,
  ZCorrespondenceDetail,
  ZCorrespondencePage,
  ZCreateReplyTemplate,
  ZDecide,
  ZEmpty,
  ZForwardCorrespondence,
  ZForwardLetterQuery,
  ZIdParams,
  ZLetterQuery,
  ZMemberLookupQuery,
  ZMemberOptionPage,
  ZPageQuery,
  ZQueueCounts,
  ZReplyTemplate,
  ZReplyTemplatePage,
  ZRouteCorrespondence,
  ZRoutingHistory,
  ZRoutingSuggestion,
  ZSaveReply,
  ZSendReply,
  ZSignBatch,
  ZSignBatchResult,
  ZSubmitReview,
  ZUpdateReplyTemplate,
  ZWaitCorrespondence,
} from '@dircab/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { DOCUMENT_MEDIA_TYPES, renderLetter } from '../../../platform/documents/render-letter';
import { problems } from '../../../platform/errors/problem';
import { actorOf } from '../../../platform/http/context';
import { access } from '../../../platform/policy/access';
import type { Actor } from '../../../platform/policy/actor';
import { findMemberOptions } from '../../org/queries/find-member-options';
import { findLetterhead } from '../acknowledgement/letterhead';
import { CORRESPONDENCE_ROLES } from '../correspondence.policy';
import { correspondenceItems } from '../correspondence.schema';
import { organisationOf } from '../organisation-of';
import { findItem, findItems, type ItemRow } from '../queries/find-correspondence';
import { acceptCorrespondence } from './commands/accept-correspondence';
import { closeCorrespondence } from './commands/close-correspondence';
import { createReplyTemplate } from './commands/create-reply-template';
import { deleteReplyTemplate } from './commands/delete-reply-template';
import { forwardCorrespondence } from './commands/forward-correspondence';
import { reviewReply } from './commands/review-reply';
import { routeCorrespondence } from './commands/route-correspondence';
import { saveReply } from './commands/save-reply';
import { sendReply } from './commands/send-reply';
import { signBatch } from './commands/sign-batch';
import { signReply } from './commands/sign-reply';
import { REVIEWER_ROLES, submitReview } from './commands/submit-review';
import { updateReplyTemplate } from './commands/update-reply-template';
import { waitForInformation } from './commands/wait-for-information';
import { forwardLetter } from './forward-letters';
import { correspondenceReplies } from './processing.schema';
import { countQueues } from './queries/count-queues';
import { findCampaignCopyReply } from './queries/find-campaign-copies';
import { findForwardLetter } from './queries/find-forward-letter';
import { findItemDetail, findRoutings } from './queries/find-item-detail';
import { findReplyTemplate, findReplyTemplates, presentReplyTemplate } from './queries/find-reply-templates';
import { findRoutingSuggestion } from './queries/find-routing-suggestion';
import { replyLetter } from './reply-letter';

const tags = ['correspondence'];

/** Routing, the processing circuit, the signature book, reply templates and the queues (issue 4). */
export function registerProcessingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  // Every role that reads correspondence reaches the actions; the policy decides (403/404/409).
  const read = access.roles('correspondence.read', CORRESPONDENCE_ROLES.read);
  const register = access.roles('correspondence.register', CORRESPONDENCE_ROLES.register);

  /** An action on one item: the command in a transaction, then the item's page as it now stands. */
  function action<B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (
      tx: Parameters<Parameters<typeof db.transaction>[0]>[0],
      actor: Actor,
      id: string,
      input: z.infer<B>,
      request: Parameters<typeof organisationOf>[0],
    ) => Promise<ItemRow>,
  ) {
    r.post(
      `/api/v1/correspondence/:id/${path}`,
      {
        config: { access: read },
        schema: { tags, summary, params: ZIdParams, body, response: { 200: ZCorrespondenceDetail } },
      },
      async (request) => {
        const actor = actorOf(request);
        const row = await db.transaction((tx) =>
          run(tx, actor, request.params.id, request.body as z.infer<B>, request),
        );
        return findItemDetail(db, actor, row);
      },
    );
  }

  action(
    'route',
    'Imputer (ou réimputer) un courrier : un pilote pour action, d’autres pour information',
    ZRouteCorrespondence,
    (tx, actor, id, input, request) => routeCorrespondence(tx, actor, id, input, organisationOf(request)),
  );
  action('accept', 'Prendre en charge le courrier imputé (le pilote)', ZEmpty, (tx, actor, id) =>
    acceptCorrespondence(tx, actor, id),
  );
  action('wait', 'Mettre le courrier en attente d’informations', ZWaitCorrespondence, (tx, actor, id, input) =>
    waitForInformation(tx, actor, id, input),
  );
  action(
    'forward',
    'Transmettre à l’autorité compétente (CRPA L.114-2)',
    ZForwardCorrespondence,
    (tx, actor, id, input, request) => forwardCorrespondence(tx, actor, id, input, organisationOf(request)),
  );
  action(
    'close',
    'Clore le courrier (après envoi, ou sans réponse avec un motif)',
    ZCloseCorrespondence,
    (tx, actor, id, input) => closeCorrespondence(tx, actor, id, input),
  );
  action(
    'submit-review',
    'Soumettre la réponse au visa (un ou plusieurs relecteurs)',
    ZSubmitReview,
    (tx, actor, id, input) => submitReview(tx, actor, id, input),
  );
  action('review', 'Viser la réponse ou la renvoyer avec un commentaire', ZDecide, (tx, actor, id, input) =>
    reviewReply(tx, actor, id, input),
  );
  action('sign', 'Signer la réponse (parapheur) ou la renvoyer', ZDecide, (tx, actor, id, input) =>
    signReply(tx, actor, id, input),
  );
  action(
    'send',
    'Envoyer la réponse signée (courriel ou courrier postal) : elle est enregistrée au départ',
    ZSendReply,
    (tx, actor, id, input, request) => sendReply(tx, actor, id, input, organisationOf(request)),
  );

  r.put(
    '/api/v1/correspondence/:id/reply',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Rédiger la réponse (texte riche ou modèle)',
        params: ZIdParams,
        body: ZSaveReply,
        response: { 200: ZCorrespondenceDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = organisationOf(request);
      const row = await db.transaction((tx) => saveReply(tx, actor, request.params.id, request.body, org));
      return findItemDetail(db, actor, row);
    },
  );

  r.get(
    '/api/v1/correspondence/:id/forward/letter',
    {
      config: { access: read },
      schema: {
        tags,
        summary:
          'Une lettre de la transmission à l’autorité compétente : à l’auteur ou à l’autorité (PDF, DOCX ou ODT)',
        params: ZIdParams,
        querystring: ZForwardLetterQuery,
        produces: Object.values(DOCUMENT_MEDIA_TYPES),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const item = await findItem(db, actor, request.params.id);
      if (!item) throw problems.notFound();
      const { to, format } = request.query;
      const letter = await findForwardLetter(db, item, to);
      if (!letter) throw problems.notFound('Ce courrier n’a pas été transmis à une autre autorité.');
      const org = organisationOf(request);
      const letterhead = await findLetterhead(db, { id: actor.orgId, name: org.name });
      const file = await renderLetter(
        forwardLetter(item, letter, letter.forwardedAt, org.timeZone, letterhead, to),
        format,
      );
      return reply
        .header('content-type', DOCUMENT_MEDIA_TYPES[format])
        .header('content-disposition', `attachment; filename="${letter.number}-transmission.${format}"`)
        .header('cache-control', 'private, no-store')
        .send(file);
    },
  );

  r.get(
    '/api/v1/correspondence/:id/reply/letter',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'La réponse en lettre imprimable (PDF, DOCX ou ODT)',
        params: ZIdParams,
        querystring: ZLetterQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const item = await findItem(db, actor, request.params.id);
      if (!item) throw problems.notFound();
      const [own] = await db.select().from(correspondenceReplies).where(eq(correspondenceReplies.itemId, item.id));
      // An item answered by its campaign's reply prints that reply, addressed to its own writer.
      const copy =
        !own?.outgoingItemId && (item.status === 'sent' || item.status === 'closed')
          ? await findCampaignCopyReply(db, item)
          : null;
      const draft = copy?.reply ?? own;
      if (!draft) throw problems.notFound('Ce courrier n’a pas encore de réponse.');
      const [outgoing] = copy
        ? [{ number: copy.outgoingNumber }]
        : draft.outgoingItemId
          ? await db
              .select({ number: correspondenceItems.registrationNumber })
              .from(correspondenceItems)
              .where(eq(correspondenceItems.id, draft.outgoingItemId))
          : [];
      const format = request.query.format;
      const org = organisationOf(request);
      const letterhead = await findLetterhead(db, { id: actor.orgId, name: org.name });
      const file = await renderLetter(replyLetter(item, draft, org, letterhead, outgoing?.number ?? null), format);
      return reply
        .header('content-type', DOCUMENT_MEDIA_TYPES[format])
        .header(
          'content-disposition',
          `attachment; filename="${outgoing?.number ?? item.registrationNumber}-reponse.${format}"`,
        )
        .send(file);
    },
  );

  r.get(
    '/api/v1/correspondence/:id/routing-suggestion',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Imputation suggérée (thème, puis habitudes)',
        params: ZIdParams,
        response: { 200: ZRoutingSuggestion },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const item = await findItem(db, actor, request.params.id);
      if (!item) throw problems.notFound();
      return findRoutingSuggestion(db, actor, item);
    },
  );

  r.get(
    '/api/v1/correspondence/:id/routings',
    {
      config: { access: read },
      schema: { tags, summary: 'Historique des imputations', params: ZIdParams, response: { 200: ZRoutingHistory } },
    },
    async (request) => {
      const actor = actorOf(request);
      const item = await findItem(db, actor, request.params.id);
      if (!item) throw problems.notFound();
      return { data: await findRoutings(db, actor, item.id) };
    },
  );

  r.get(
    '/api/v1/correspondence/reviewers',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Les personnes qui peuvent viser une réponse (par nom)',
        querystring: ZMemberLookupQuery,
        response: { 200: ZMemberOptionPage },
      },
    },
    // Whoever drafts a reply picks its reviewers: the members who may give a visa, nothing more
    // than a picker shows (name, role, title).
    async (request) => findMemberOptions(db, actorOf(request), request.query, { roles: REVIEWER_ROLES }),
  );

  r.get(
    '/api/v1/correspondence/queues',
    {
      config: { access: read },
      schema: { tags, summary: 'Nombre de courriers par file de travail', response: { 200: ZQueueCounts } },
    },
    async (request) => countQueues(db, actorOf(request), organisationOf(request).timeZone),
  );

  r.get(
    '/api/v1/correspondence/signature-book',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Parapheur : les réponses à signer',
        querystring: ZPageQuery,
        response: { 200: ZCorrespondencePage },
      },
    },
    // Whoever may read the register follows what waits for signature; only the executive and
    // the delegates of signature find `policies.sign` true there.
    async (request) =>
      findItems(db, actorOf(request), { ...request.query, queue: 'to_sign' }, organisationOf(request).timeZone),
  );

  r.post(
    '/api/v1/correspondence/sign-batch',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Signer ou renvoyer plusieurs réponses',
        body: ZSignBatch,
        response: { 200: ZSignBatchResult },
      },
    },
    // Each item is refused on its own (403 detail) to whoever may not sign.
    async (request) => signBatch(db, actorOf(request), request.body),
  );

  r.get(
    '/api/v1/correspondence/reply-templates',
    {
      config: { access: read },
      schema: { tags, summary: 'Modèles de réponse', querystring: ZPageQuery, response: { 200: ZReplyTemplatePage } },
    },
    async (request) => findReplyTemplates(db, actorOf(request), request.query),
  );
  r.post(
    '/api/v1/correspondence/reply-templates',
    {
      config: { access: register },
      schema: {
        tags,
        summary: 'Ajouter un modèle de réponse',
        body: ZCreateReplyTemplate,
        response: { 201: ZReplyTemplate },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => createReplyTemplate(tx, actor, request.body));
      return reply.code(201).send(presentReplyTemplate(actor, row));
    },
  );
  r.get(
    '/api/v1/correspondence/reply-templates/:id',
    {
      config: { access: read },
      schema: { tags, summary: 'Un modèle de réponse', params: ZIdParams, response: { 200: ZReplyTemplate } },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await findReplyTemplate(db, actor, request.params.id);
      if (!row) throw problems.notFound();
      return presentReplyTemplate(actor, row);
    },
  );
  r.patch(
    '/api/v1/correspondence/reply-templates/:id',
    {
      config: { access: register },
      schema: {
        tags,
        summary: 'Modifier un modèle de réponse',
        params: ZIdParams,
        body: ZUpdateReplyTemplate,
        response: { 200: ZReplyTemplate },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => updateReplyTemplate(tx, actor, request.params.id, request.body));
      return presentReplyTemplate(actor, row);
    },
  );
  r.delete(
    '/api/v1/correspondence/reply-templates/:id',
    { config: { access: register }, schema: { tags, summary: 'Supprimer un modèle de réponse', params: ZIdParams } },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deleteReplyTemplate(tx, actor, request.params.id));
      return reply.code(204).send();
    },
  );
}

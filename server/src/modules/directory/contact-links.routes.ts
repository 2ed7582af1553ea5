import {
  ZCreateRelation,
  ZDismissDuplicate,
  ZDuplicatePage,
  ZDuplicateQuery,
  ZIdParams,
  ZMergeContacts,
  ZMergeResult,
  ZMergeUndoParams,
  ZMergeUndoResult,
  ZPageQuery,
  ZRelation,
  ZRelationPage,
  ZRelationParams,
  ZTimelinePage,
  ZTimelineQuery,
  ZUpdateRelation,
} from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { createRelation } from './commands/create-relation';
import { deleteRelation } from './commands/delete-relation';
import { dismissDuplicate } from './commands/dismiss-duplicate';
import { mergeContacts } from './commands/merge-contacts';
import { undoMerge } from './commands/undo-merge';
import { updateRelation } from './commands/update-relation';
import { DIRECTORY_ROLES } from './directory.policy';
import { enqueueDuplicateRebuilds, registerDuplicateRebuildJob } from './duplicates/duplicate-rebuild-job';
import { registerDuplicateRefreshJob } from './duplicates/duplicate-refresh-job';
import { findContact } from './queries/find-contacts';
import { findContactDuplicates, findDuplicates } from './queries/find-duplicates';
import { findRelations, presentRelation } from './queries/find-relations';
import { findTimeline } from './queries/find-timeline';

const tags = ['directory'];
const noContent = { 204: z.null().describe('Aucun contenu') };

/** Relations between contacts, duplicates and merge (with undo), the 360° timeline. */
export function registerContactLinkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  // Imports hand their new contacts to this job (duplicates/duplicate-refresh-job.ts).
  registerDuplicateRefreshJob(app.ctx.jobs, db);
  // Contacts written without it (before migration 0007, the demo seeders) get a rebuild at start.
  registerDuplicateRebuildJob(app.ctx.jobs, db);
  app.addHook('onReady', async () => {
    await enqueueDuplicateRebuilds(db);
  });
  const read = access.roles('contacts.read', DIRECTORY_ROLES.readContacts);
  const write = access.roles('contacts.write', DIRECTORY_ROLES.writeContacts);
  // Merging removes a contact: the roles that may delete contacts.
  const merge = access.roles('contacts.delete', DIRECTORY_ROLES.deleteContacts);

  /** The page's contact, visible to the actor, or 404. */
  const visibleContact = async (
    tx: Parameters<typeof findContact>[0],
    actor: ReturnType<typeof actorOf>,
    id: string,
  ) => {
    const contact = await findContact(tx, actor, id);
    if (!contact) throw problems.notFound();
    return contact;
  };

  // ------------------------------------------------------------ relations

  r.get(
    '/api/v1/contacts/:id/relations',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Relations d’un contact (dans les deux sens)',
        params: ZIdParams,
        querystring: ZPageQuery,
        response: { 200: ZRelationPage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return findRelations(db, actor, await visibleContact(db, actor, request.params.id), request.query);
    },
  );

  r.post(
    '/api/v1/contacts/:id/relations',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Ajouter une relation',
        params: ZIdParams,
        body: ZCreateRelation,
        response: { 201: ZRelation },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const out = await db.transaction(async (tx) => {
        const row = await createRelation(tx, actor, request.params.id, request.body);
        const contact = await visibleContact(tx, actor, request.params.id);
        const otherId = row.fromContactId === contact.id ? row.toContactId : row.fromContactId;
        return presentRelation(actor, contact, row, await visibleContact(tx, actor, otherId));
      });
      return reply.code(201).send(out);
    },
  );

  r.patch(
    '/api/v1/contacts/:id/relations/:relationId',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Modifier une relation',
        params: ZRelationParams,
        body: ZUpdateRelation,
        response: { 200: ZRelation },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        const { relation, other } = await updateRelation(
          tx,
          actor,
          request.params.id,
          request.params.relationId,
          request.body,
        );
        return presentRelation(actor, await visibleContact(tx, actor, request.params.id), relation, other);
      });
    },
  );

  r.delete(
    '/api/v1/contacts/:id/relations/:relationId',
    {
      config: { access: write },
      schema: { tags, summary: 'Supprimer une relation', params: ZRelationParams, response: noContent },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deleteRelation(tx, actor, request.params.id, request.params.relationId));
      return reply.code(204).send(null);
    },
  );

  // ------------------------------------------------------------ duplicates

  r.get(
    '/api/v1/contacts/duplicates',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Doublons probables de l’organisation, du plus probable au moins probable',
        querystring: ZDuplicateQuery,
        response: { 200: ZDuplicatePage },
      },
    },
    async (request) => findDuplicates(db, actorOf(request), request.query),
  );

  r.get(
    '/api/v1/contacts/:id/duplicates',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Doublons probables d’un contact',
        params: ZIdParams,
        response: { 200: ZDuplicatePage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return findContactDuplicates(db, actor, await visibleContact(db, actor, request.params.id));
    },
  );

  r.post(
    '/api/v1/contacts/:id/duplicates/dismiss',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Écarter un doublon probable (« pas la même personne »)',
        params: ZIdParams,
        body: ZDismissDuplicate,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => dismissDuplicate(tx, actor, request.params.id, request.body));
      return reply.code(204).send(null);
    },
  );

  // ------------------------------------------------------------ merge

  r.post(
    '/api/v1/contacts/:id/merge',
    {
      config: { access: merge },
      schema: {
        tags,
        summary: 'Fusionner un doublon dans ce contact (réversible)',
        params: ZIdParams,
        body: ZMergeContacts,
        response: { 200: ZMergeResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => mergeContacts(tx, actor, request.params.id, request.body));
    },
  );

  r.post(
    '/api/v1/contacts/:id/merges/:auditId/undo',
    {
      config: { access: merge },
      schema: {
        tags,
        summary: 'Annuler une fusion',
        params: ZMergeUndoParams,
        body: z.strictObject({}).optional(),
        response: { 200: ZMergeUndoResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => undoMerge(tx, actor, request.params.id, request.params.auditId));
    },
  );

  // ------------------------------------------------------------ timeline

  r.get(
    '/api/v1/contacts/:id/timeline',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Chronologie 360° d’un contact, du plus récent au plus ancien',
        params: ZIdParams,
        querystring: ZTimelineQuery,
        response: { 200: ZTimelinePage },
      },
    },
    // A read: no transaction (its begin and commit were two round trips of the page's nine).
    async (request) => {
      const actor = actorOf(request);
      return findTimeline(db, actor, await visibleContact(db, actor, request.params.id), request.query);
    },
  );
}

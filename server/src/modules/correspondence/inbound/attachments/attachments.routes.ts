import { ZAttachment, ZAttachmentPage, ZAttachmentParams, ZEmpty, ZIdParams, ZPageQuery } from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../../../platform/errors/problem';
import { findFileContent } from '../../../../platform/files/find-files';
import { sendStoredFile } from '../../../../platform/files/send-file';
import { MAX_FILE_BYTES } from '../../../../platform/files/store-file';
import { actorOf } from '../../../../platform/http/context';
import { access } from '../../../../platform/policy/access';
import { findItem } from '../../queries/find-correspondence';
import { INBOUND_ROLES } from '../inbound.policy';
import { readMultipart } from '../read-multipart';
import { addAttachments } from './add-attachments';
import { ITEM_FILES } from './attachment-search-text';
import { deleteAttachment } from './delete-attachment';
import { findAttachments, presentAttachment } from './find-attachments';

const tags = ['correspondence'];
/** At most this many files in one upload. */
const MAX_FILES = 10;

/** An item's attachments: list, upload (multipart), download, removal while registered. */
export function registerAttachmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const read = access.roles('correspondence.read', INBOUND_ROLES.read);
  const register = access.roles('correspondence.register', INBOUND_ROLES.register);

  r.get(
    '/api/v1/correspondence/:id/attachments',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Pièces jointes d’un courrier',
        params: ZIdParams,
        querystring: ZPageQuery,
        response: { 200: ZAttachmentPage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const item = await findItem(db, actor, request.params.id);
      if (!item) throw problems.notFound();
      return findAttachments(db, actor, item, request.query);
    },
  );

  r.post(
    '/api/v1/correspondence/:id/attachments',
    {
      config: { access: register },
      bodyLimit: MAX_FILES * MAX_FILE_BYTES,
      schema: {
        tags,
        summary: 'Joindre des fichiers à un courrier (multipart : file, 20 Mo chacun ; texte des PDF indexé)',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        response: { 201: z.object({ data: z.array(ZAttachment) }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // The item first: another organisation's or a hidden item is a 404 whatever is sent.
      if (!(await findItem(db, actor, request.params.id))) throw problems.notFound();
      const { files } = await readMultipart(request, ZEmpty, MAX_FILES);
      const data = await db.transaction(async (tx) => {
        const item = await findItem(tx, actor, request.params.id, true);
        if (!item) throw problems.notFound();
        const stored = await addAttachments(tx, actor, item, files);
        return stored.map((f) => presentAttachment(actor, item, f));
      });
      return reply.code(201).send({ data });
    },
  );

  r.get(
    '/api/v1/correspondence/:id/attachments/:fileId',
    {
      config: { access: read },
      schema: { tags, summary: 'Télécharger une pièce jointe', params: ZAttachmentParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const item = await findItem(db, actor, request.params.id);
      if (!item) throw problems.notFound();
      const file = await findFileContent(db, actor.orgId, { kind: ITEM_FILES, id: item.id }, request.params.fileId);
      if (!file) throw problems.notFound();
      return sendStoredFile(reply, file);
    },
  );

  r.delete(
    '/api/v1/correspondence/:id/attachments/:fileId',
    {
      config: { access: register },
      schema: { tags, summary: 'Retirer une pièce jointe (courrier pas encore imputé)', params: ZAttachmentParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deleteAttachment(tx, actor, request.params.id, request.params.fileId));
      return reply.code(204).send();
    },
  );
}

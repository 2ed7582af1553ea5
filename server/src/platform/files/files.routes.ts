import { ZIdParams } from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problems } from '../errors/problem';
import { actorOf } from '../http/context';
import { access } from '../policy/access';
import { mayReadFileOf } from './file-owners';
import { findFileContent, findFileMetadata } from './find-files';
import { sendStoredFile } from './send-file';

/**
 * `GET /api/v1/files/:id`: any member may ask; the file is served only when the actor may
 * see the record it belongs to (the owner's registered check), else 404 as for the record.
 */
export function registerFileRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  r.get(
    '/api/v1/files/:id',
    {
      config: { access: access.member() },
      schema: { tags: ['files'], summary: 'Télécharger un fichier (selon l’accès à sa fiche)', params: ZIdParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const meta = await findFileMetadata(db, actor.orgId, request.params.id);
      if (!meta || !(await mayReadFileOf(db, actor, meta.ownerKind, meta.ownerId))) throw problems.notFound();
      const file = await findFileContent(db, actor.orgId, { kind: meta.ownerKind, id: meta.ownerId }, meta.id);
      if (!file) throw problems.notFound();
      return sendStoredFile(reply, file);
    },
  );
}

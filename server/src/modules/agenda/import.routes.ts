import { ZImportEventsQuery, ZImportedEvents } from '@dircab/contracts';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { AGENDA_ROLES } from './agenda.policy';
import { importEvents } from './commands/import-events';
import { agendaContextOf } from './events.routes';
import { occurrenceOfRow, presentOccurrence } from './present-event';

const tags = ['agenda'];
/** An invitation file is a few kilobytes; a megabyte leaves room for an attached description. */
const MAX_FILE = 1024 * 1024;

const noFile = (message: string) =>
  problems.badRequest('Envoyez le fichier .ics de l’invitation.', [{ path: 'file', message, code: 'required' }]);

/** The one file of the form, in the field « file ». */
async function readFile(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw noFile('Envoyez le fichier en multipart/form-data, dans le champ « file ».');
  let file: Buffer | null = null;
  for await (const part of request.parts()) {
    if (part.type !== 'file') continue;
    const content = await part.toBuffer();
    if (part.fieldname !== 'file' || file) throw noFile('Un seul fichier, dans le champ « file ».');
    if (part.file.truncated) {
      throw problems.badRequest('Le fichier est trop volumineux.', [
        { path: 'file', message: 'Le fichier dépasse 1 Mo.', code: 'too_big' },
      ]);
    }
    file = content;
  }
  if (!file) throw noFile('Le champ « file » est vide.');
  return file;
}

/** `POST /api/v1/events/import`: the agenda's only multipart route, in its own scope. */
export async function registerImportRoutes(app: FastifyInstance) {
  await app.register(multipart, { limits: { fileSize: MAX_FILE, files: 1, fields: 5 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  r.post(
    '/api/v1/events/import',
    {
      config: { access: access.roles('agenda.write', AGENDA_ROLES.write) },
      schema: {
        tags,
        summary: 'Importer une invitation .ics (multipart : file) dans l’agenda des élus indiqués',
        consumes: ['multipart/form-data'],
        querystring: ZImportEventsQuery,
        response: { 201: ZImportedEvents },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const file = await readFile(request);
      const context = await agendaContextOf(request);
      const rows = await db.transaction((tx) => importEvents(tx, actor, file, request.query.officialIds, context));
      return reply
        .code(201)
        .send({ data: rows.map((row) => presentOccurrence(actor, occurrenceOfRow(row), context.officials)) });
    },
  );
}

import { ZAssembledBrief, ZBrief, ZIdParams, ZUpdateBrief } from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCUMENT_MEDIA_TYPES, renderDocument } from '../../platform/documents/render-letter';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { AGENDA_ROLES } from './agenda.policy';
import { updateBrief } from './commands/update-brief';
import { validateBrief } from './commands/validate-brief';
import { agendaContextOf } from './events.routes';
import { assembleBrief, briefDocument } from './queries/assemble-brief';
import { briefEvent, findBriefRow, presentBrief } from './queries/find-brief';

const tags = ['agenda'];

const ZAssembledQuery = z.strictObject({ format: z.enum(['json', 'pdf', 'docx', 'odt']).default('json') });

export function registerBriefRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const read = access.roles('agenda.read', AGENDA_ROLES.read);
  const write = access.roles('agenda.briefs.write', AGENDA_ROLES.keepers);

  r.get(
    '/api/v1/events/:id/brief',
    {
      config: { access: read },
      schema: { tags, summary: 'Fiche de déplacement d’un événement', params: ZIdParams, response: { 200: ZBrief } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { officials } = await agendaContextOf(request);
      const event = await briefEvent(db, actor, request.params.id, officials);
      return presentBrief(actor, event, await findBriefRow(db, event.id), officials);
    },
  );

  r.put(
    '/api/v1/events/:id/brief',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Rédiger la fiche de déplacement (une fiche validée repasse en projet)',
        params: ZIdParams,
        body: ZUpdateBrief,
        response: { 200: ZBrief },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { officials } = await agendaContextOf(request);
      const { event, row } = await db.transaction((tx) =>
        updateBrief(tx, actor, request.params.id, request.body, officials),
      );
      return presentBrief(actor, event, row, officials);
    },
  );

  r.post(
    '/api/v1/events/:id/brief/validate',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Valider la fiche de déplacement (cabinet)',
        params: ZIdParams,
        response: { 200: ZBrief },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { officials } = await agendaContextOf(request);
      const { event, row } = await db.transaction((tx) => validateBrief(tx, actor, request.params.id, officials));
      return presentBrief(actor, event, row, officials);
    },
  );

  r.get(
    '/api/v1/events/:id/brief/assembled',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Fiche complète : événement, fiche, élus et participants (JSON, ou PDF/DOCX/ODT pour l’impression)',
        params: ZIdParams,
        // No response schema: the same address answers JSON (ZAssembledBrief) or a file.
        querystring: ZAssembledQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { officials, timeZone } = await agendaContextOf(request);
      const assembled = await assembleBrief(db, actor, request.params.id, officials, timeZone);
      const format = request.query.format;
      if (format === 'json') return ZAssembledBrief.parse(assembled);
      const org = request.session?.memberships.find((m) => m.organisation.id === actor.orgId)?.organisation;
      const file = await renderDocument(briefDocument(assembled, org?.name ?? ''), format);
      return reply
        .type(DOCUMENT_MEDIA_TYPES[format])
        .header('content-disposition', `attachment; filename="fiche-deplacement.${format}"`)
        .send(file);
    },
  );
}

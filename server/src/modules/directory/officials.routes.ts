import {
  ZCreateOfficial,
  ZIdParams,
  ZOfficial,
  ZOfficialPage,
  ZOfficialQuery,
  ZUpdateOfficial,
} from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { createOfficial, deleteOfficial, updateOfficial } from './commands/manage-officials';
import { OFFICIAL_ROLES } from './officials.policy';
import { findOfficial, findOfficials, mandatesOf, presentOfficial } from './queries/find-officials';

const tags = ['directory'];

export function registerOfficialRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const read = access.roles('officials.read', OFFICIAL_ROLES.read);
  const write = access.roles('officials.write', OFFICIAL_ROLES.write);

  const present = async (actor: ReturnType<typeof actorOf>, id: string) => {
    const row = await findOfficial(db, actor, id);
    if (!row) throw problems.notFound();
    return presentOfficial(actor, row, (await mandatesOf(db, actor.orgId, [id])).get(id) ?? []);
  };

  r.get(
    '/api/v1/officials',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Élus de l’organisation (filtres : groupe, fonction, mandat en cours)',
        querystring: ZOfficialQuery,
        response: { 200: ZOfficialPage },
      },
    },
    async (request) => findOfficials(db, actorOf(request), request.query),
  );

  r.post(
    '/api/v1/officials',
    {
      config: { access: write },
      schema: { tags, summary: 'Déclarer un élu', body: ZCreateOfficial, response: { 201: ZOfficial } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => createOfficial(tx, actor, request.body));
      return reply.code(201).send(await present(actor, row.id));
    },
  );

  r.get(
    '/api/v1/officials/:id',
    {
      config: { access: read },
      schema: { tags, summary: 'Un élu et ses mandats', params: ZIdParams, response: { 200: ZOfficial } },
    },
    async (request) => present(actorOf(request), request.params.id),
  );

  r.patch(
    '/api/v1/officials/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Modifier un élu',
        params: ZIdParams,
        body: ZUpdateOfficial,
        response: { 200: ZOfficial },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => updateOfficial(tx, actor, request.params.id, request.body));
      return present(actor, request.params.id);
    },
  );

  r.delete(
    '/api/v1/officials/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Retirer un élu (le contact et ses mandats restent)',
        params: ZIdParams,
        response: { 204: z.null().describe('Aucun contenu') },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deleteOfficial(tx, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );
}

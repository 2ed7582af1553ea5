import {
  ZCreateOfficial,
  ZCreatePoliticalGroup,
  ZIdParams,
  ZOfficial,
  ZOfficialPage,
  ZOfficialQuery,
  ZPoliticalGroup,
  ZPoliticalGroupList,
  ZUpdateOfficial,
  ZUpdatePoliticalGroup,
} from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { createOfficial, deleteOfficial, updateOfficial } from './commands/manage-officials';
import { createPoliticalGroup, deletePoliticalGroup, updatePoliticalGroup } from './commands/manage-political-groups';
import { registerContactMandateRoutes } from './contact-mandates.routes';
import { OFFICIAL_ROLES, POLITICAL_GROUP_ROLES } from './officials.policy';
import { findOfficial, findOfficials, mandatesOf, presentOfficial } from './queries/find-officials';
import { findPoliticalGroups, presentPoliticalGroup } from './queries/find-political-groups';

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

  registerPoliticalGroupRoutes(app);
  registerContactMandateRoutes(app);
}

function registerPoliticalGroupRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const read = access.roles('political_groups.read', POLITICAL_GROUP_ROLES.read);
  const write = access.roles('political_groups.write', POLITICAL_GROUP_ROLES.write);

  r.get(
    '/api/v1/political-groups',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Groupes politiques (le cabinet les voit tous, un collaborateur de groupe le sien)',
        response: { 200: ZPoliticalGroupList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return { data: (await findPoliticalGroups(db, actor)).map((g) => presentPoliticalGroup(actor, g)) };
    },
  );

  r.post(
    '/api/v1/political-groups',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Créer un groupe politique',
        body: ZCreatePoliticalGroup,
        response: { 201: ZPoliticalGroup },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => createPoliticalGroup(tx, actor, request.body));
      return reply.code(201).send(presentPoliticalGroup(actor, row));
    },
  );

  r.patch(
    '/api/v1/political-groups/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Modifier un groupe politique (nom, bord, collaborateurs)',
        params: ZIdParams,
        body: ZUpdatePoliticalGroup,
        response: { 200: ZPoliticalGroup },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => updatePoliticalGroup(tx, actor, request.params.id, request.body));
      return presentPoliticalGroup(actor, row);
    },
  );

  r.delete(
    '/api/v1/political-groups/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Supprimer un groupe politique sans élus',
        params: ZIdParams,
        response: { 204: z.null().describe('Aucun contenu') },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deletePoliticalGroup(tx, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );
}

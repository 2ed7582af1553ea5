import {
  ZContact,
  ZContactPage,
  ZContactQuery,
  ZCreateContact,
  ZCreateService,
  ZCreateTerritory,
  ZIdParams,
  ZPageQuery,
  ZService,
  ZServicePage,
  ZTerritory,
  ZTerritoryPage,
  ZUpdateContact,
  ZUpdateService,
  ZUpdateTerritory,
} from '@dircab/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { createContact } from './commands/create-contact';
import { deleteContact } from './commands/delete-contact';
import { createService, deleteService, updateService } from './commands/manage-services';
import { createTerritory, deleteTerritory, updateTerritory } from './commands/manage-territories';
import { auditConfidentialRead } from './commands/read-contact';
import { updateContact } from './commands/update-contact';
import { DIRECTORY_ROLES } from './directory.policy';
import { defaultRegionFor } from './phone';
import { findContact, findContacts, presentContact } from './queries/find-contacts';
import { findServices, presentService } from './queries/find-services';
import { findTerritories, presentTerritory } from './queries/find-territories';

const tags = ['directory'];
const noContent = { 204: z.null().describe('Aucun contenu') };

/** Numbers typed without a country code belong to the organisation's region (NC or FR). */
function regionOf(request: FastifyRequest) {
  const actor = actorOf(request);
  const current = request.session?.memberships.find((m) => m.organisation.id === actor.orgId);
  return defaultRegionFor(current?.organisation.timeZone);
}

export function registerDirectoryRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const manage = access.roles('directory.reference', DIRECTORY_ROLES.manageReference);

  // ------------------------------------------------------------ territories

  r.get(
    '/api/v1/territories',
    {
      config: { access: access.member() },
      schema: {
        tags,
        summary: 'Quartiers de l’organisation',
        querystring: ZPageQuery,
        response: { 200: ZTerritoryPage },
      },
    },
    async (request) => findTerritories(db, actorOf(request), request.query),
  );

  r.post(
    '/api/v1/territories',
    {
      config: { access: manage },
      schema: { tags, summary: 'Ajouter un quartier', body: ZCreateTerritory, response: { 201: ZTerritory } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => createTerritory(tx, actor, request.body));
      return reply.code(201).send(presentTerritory(actor, row));
    },
  );

  r.patch(
    '/api/v1/territories/:id',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Modifier un quartier',
        params: ZIdParams,
        body: ZUpdateTerritory,
        response: { 200: ZTerritory },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => updateTerritory(tx, actor, request.params.id, request.body));
      return presentTerritory(actor, row);
    },
  );

  r.delete(
    '/api/v1/territories/:id',
    {
      config: { access: manage },
      schema: { tags, summary: 'Supprimer un quartier', params: ZIdParams, response: noContent },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deleteTerritory(tx, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // ------------------------------------------------------------ services

  r.get(
    '/api/v1/services',
    {
      config: { access: access.member() },
      schema: {
        tags,
        summary: 'Services de l’administration',
        querystring: ZPageQuery,
        response: { 200: ZServicePage },
      },
    },
    async (request) => findServices(db, actorOf(request), request.query),
  );

  r.post(
    '/api/v1/services',
    {
      config: { access: manage },
      schema: { tags, summary: 'Ajouter un service', body: ZCreateService, response: { 201: ZService } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const region = regionOf(request);
      const row = await db.transaction((tx) => createService(tx, actor, request.body, region));
      return reply.code(201).send(presentService(actor, row));
    },
  );

  r.patch(
    '/api/v1/services/:id',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Modifier un service',
        params: ZIdParams,
        body: ZUpdateService,
        response: { 200: ZService },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const region = regionOf(request);
      const row = await db.transaction((tx) => updateService(tx, actor, request.params.id, request.body, region));
      return presentService(actor, row);
    },
  );

  r.delete(
    '/api/v1/services/:id',
    {
      config: { access: manage },
      schema: { tags, summary: 'Supprimer un service', params: ZIdParams, response: noContent },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deleteService(tx, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // ------------------------------------------------------------ contacts

  r.get(
    '/api/v1/contacts',
    {
      config: { access: access.roles('contacts.read', DIRECTORY_ROLES.readContacts) },
      schema: {
        tags,
        summary: 'Contacts (personnes et organismes), par nom',
        querystring: ZContactQuery,
        response: { 200: ZContactPage },
      },
    },
    async (request) => findContacts(db, actorOf(request), request.query),
  );

  r.post(
    '/api/v1/contacts',
    {
      config: { access: access.roles('contacts.write', DIRECTORY_ROLES.writeContacts) },
      schema: { tags, summary: 'Créer un contact', body: ZCreateContact, response: { 201: ZContact } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const region = regionOf(request);
      const row = await db.transaction((tx) => createContact(tx, actor, request.body, region));
      return reply.code(201).send(presentContact(actor, row));
    },
  );

  r.get(
    '/api/v1/contacts/:id',
    {
      config: { access: access.roles('contacts.read', DIRECTORY_ROLES.readContacts) },
      schema: { tags, summary: 'Un contact', params: ZIdParams, response: { 200: ZContact } },
    },
    async (request) => {
      const actor = actorOf(request);
      // No transaction: a read, and the trace of a confidential one is a single insert.
      const row = await findContact(db, actor, request.params.id);
      if (!row) throw problems.notFound();
      await auditConfidentialRead(db, actor, row);
      return presentContact(actor, row);
    },
  );

  r.patch(
    '/api/v1/contacts/:id',
    {
      config: { access: access.roles('contacts.write', DIRECTORY_ROLES.writeContacts) },
      schema: {
        tags,
        summary: 'Modifier un contact',
        params: ZIdParams,
        body: ZUpdateContact,
        response: { 200: ZContact },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const region = regionOf(request);
      const row = await db.transaction((tx) => updateContact(tx, actor, request.params.id, request.body, region));
      return presentContact(actor, row);
    },
  );

  r.delete(
    '/api/v1/contacts/:id',
    {
      config: { access: access.roles('contacts.delete', DIRECTORY_ROLES.deleteContacts) },
      schema: {
        tags,
        summary: 'Supprimer un contact (suppression logique, tracée)',
        params: ZIdParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deleteContact(tx, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );
}

import {
  modulesFor,
  ZCreatedMember,
  ZCreateMember,
  ZMe,
  ZMember,
  ZMemberLookupQuery,
  ZMemberOptionPage,
  ZMemberPage,
  ZMemberParams,
  ZOrganisation,
  ZPageQuery,
  ZPolicies,
  ZSwitchOrganisation,
  ZUpdateMe,
  ZUpdateMember,
  ZUpdateOrganisation,
} from '@dircab/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { users } from '../../platform/auth/auth.schema';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { OFFICIAL_ROLES, POLITICAL_GROUP_ROLES } from '../directory/officials.policy';
import { createMember } from './commands/create-member';
import { switchOrganisation } from './commands/switch-organisation';
import { updateMember } from './commands/update-member';
import { updateMyPreferences } from './commands/update-my-preferences';
import { updateOrganisation } from './commands/update-organisation';
import { ORG_ROLES, organisationPolicy } from './org.policy';
import { findMemberOptions } from './queries/find-member-options';
import { findMember, findMembers, presentMember } from './queries/find-members';

const tags = ['organisation'];

/**
 * Who may look members up: the roles that link an official to an account and choose a
 * group's staff (the directory's policy decides them), never the member list's other fields.
 */
const MEMBER_LOOKUP_ROLES = [...new Set([...OFFICIAL_ROLES.write, ...POLITICAL_GROUP_ROLES.write])];

export function registerOrgRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;

  r.get(
    '/api/v1/me',
    {
      config: { access: access.member() },
      schema: { tags, summary: 'Utilisateur connecté, organisation et rôle', response: { 200: ZMe } },
    },
    async (request) => {
      const session = request.session;
      if (!session) throw problems.unauthorized();
      const { actor, memberships } = session;
      const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
      const current = memberships.find((m) => m.organisation.id === actor.orgId);
      if (!user || !current) throw problems.unauthorized();
      return {
        user: {
          id: user.id,
          name: user.name,
          email: user.email,
          locale: user.locale,
          twoFactorEnabled: user.twoFactorEnabled,
        },
        organisation: current.organisation,
        role: actor.role,
        modules: modulesFor(actor.role),
        memberships,
      };
    },
  );

  r.patch(
    '/api/v1/me',
    {
      config: { access: access.member() },
      schema: {
        tags,
        summary: 'Préférences de l’utilisateur (langue)',
        body: ZUpdateMe,
        response: { 204: z.null().describe('Aucun contenu') },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => updateMyPreferences(tx, actor, request.body));
      return reply.code(204).send(null);
    },
  );

  r.put(
    '/api/v1/me/organisation',
    {
      config: { access: access.member() },
      schema: {
        tags,
        summary: 'Changer d’organisation',
        body: ZSwitchOrganisation,
        response: { 204: z.null().describe('Aucun contenu') },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => switchOrganisation(tx, actor, request.body.orgId));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/organisation',
    {
      config: { access: access.member() },
      schema: {
        tags,
        summary: 'Organisation courante',
        response: { 200: ZOrganisation.extend({ policies: ZPolicies }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const current = request.session?.memberships.find((m) => m.organisation.id === actor.orgId);
      if (!current) throw problems.notFound();
      return { ...current.organisation, policies: organisationPolicy.policiesFor(actor, current.organisation) };
    },
  );

  r.patch(
    '/api/v1/organisation',
    {
      config: { access: access.roles('organisation.settings', ORG_ROLES.manageSettings) },
      schema: {
        tags,
        summary: 'Modifier les réglages de l’organisation',
        body: ZUpdateOrganisation,
        response: { 200: ZOrganisation },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => updateOrganisation(tx, actor, request.body));
    },
  );

  r.get(
    '/api/v1/members',
    {
      config: { access: access.roles('members.manage', ORG_ROLES.manageMembers) },
      schema: { tags, summary: 'Membres de l’organisation', querystring: ZPageQuery, response: { 200: ZMemberPage } },
    },
    async (request) => findMembers(db, actorOf(request), request.query),
  );

  r.get(
    '/api/v1/members/lookup',
    {
      config: { access: access.roles('members.lookup', MEMBER_LOOKUP_ROLES) },
      schema: {
        tags,
        summary: 'Choisir un membre actif (compte d’un élu, collaborateurs d’un groupe)',
        querystring: ZMemberLookupQuery,
        response: { 200: ZMemberOptionPage },
      },
    },
    async (request) => findMemberOptions(db, actorOf(request), request.query),
  );

  r.get(
    '/api/v1/members/:userId',
    {
      config: { access: access.roles('members.manage', ORG_ROLES.manageMembers) },
      schema: { tags, summary: 'Un membre de l’organisation', params: ZMemberParams, response: { 200: ZMember } },
    },
    async (request) => {
      const actor = actorOf(request);
      const member = await findMember(db, actor, request.params.userId);
      if (!member) throw problems.notFound();
      return presentMember(actor, member);
    },
  );

  r.post(
    '/api/v1/members',
    {
      config: { access: access.roles('members.manage', ORG_ROLES.manageMembers) },
      schema: { tags, summary: 'Créer (inviter) un membre', body: ZCreateMember, response: { 201: ZCreatedMember } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await db.transaction(async (tx) => {
        const result = await createMember(tx, actor, actor.orgId, request.body);
        const member = await findMember(tx, actor, result.userId);
        if (!member) throw problems.notFound();
        return {
          ...presentMember(actor, member),
          ...(result.temporaryPassword ? { temporaryPassword: result.temporaryPassword } : {}),
        };
      });
      return reply.code(201).send(created);
    },
  );

  r.patch(
    '/api/v1/members/:userId',
    {
      config: { access: access.roles('members.manage', ORG_ROLES.manageMembers) },
      schema: {
        tags,
        summary: 'Modifier un membre (rôle, fonction, activation)',
        params: ZMemberParams,
        body: ZUpdateMember,
        response: { 200: ZMember },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const member = await db.transaction((tx) => updateMember(tx, actor, request.params.userId, request.body));
      if (!member) throw problems.notFound();
      return presentMember(actor, member);
    },
  );
}

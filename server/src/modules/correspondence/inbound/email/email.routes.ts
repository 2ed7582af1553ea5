import {
  ZCreateGatewayToken,
  ZEmailRegistration,
  ZEmlFields,
  ZGatewayToken,
  ZGatewayTokenCreated,
  ZGatewayTokenPage,
  ZIdParams,
  ZPageQuery,
} from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HttpProblem, problems } from '../../../../platform/errors/problem';
import { MAX_FILE_BYTES } from '../../../../platform/files/store-file';
import { actorOf } from '../../../../platform/http/context';
import { access } from '../../../../platform/policy/access';
import { INBOUND_ROLES } from '../inbound.policy';
import { organisationById, sessionOrganisation, systemActor } from '../inbound-organisation';
import { readMultipart } from '../read-multipart';
import { authenticateGateway, createGatewayToken, findGatewayTokens, revokeGatewayToken } from './gateway-tokens';
import { parseEmail } from './parse-email';
import { type EmailRegistration, registerEmail } from './register-email';

const tags = ['correspondence'];

function present(result: EmailRegistration) {
  return {
    itemId: result.item.id,
    registrationNumber: result.item.registrationNumber,
    duplicate: result.duplicate,
    attachments: result.attachments,
  };
}

/**
 * E-mail in: an .eml uploaded by the secretariat, a raw message delivered by the
 * organisation's mail gateway, and the gateway's tokens. A message already registered
 * (same Message-ID) answers 200 with its item; a new one 201.
 */
export function registerEmailRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const register = access.roles('correspondence.register', INBOUND_ROLES.register);
  const manage = access.roles('correspondence.gateway', INBOUND_ROLES.manage);

  // The gateway posts the message as it is: its own parser, in this plugin's scope only.
  app.addContentTypeParser('message/rfc822', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  r.post(
    '/api/v1/correspondence/eml',
    {
      config: { access: register },
      bodyLimit: MAX_FILE_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary:
          'Enregistrer un courriel (multipart : file = le fichier .eml ; typeId, topic, territoryId, priority, confidentiality)',
        consumes: ['multipart/form-data'],
        response: { 200: ZEmailRegistration, 201: ZEmailRegistration },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const org = sessionOrganisation(request);
      const { files, fields } = await readMultipart(request, ZEmlFields, 1);
      const raw = files[0]?.content ?? Buffer.alloc(0);
      const mail = await parseEmail(raw);
      const result = await db.transaction((tx) => registerEmail(tx, actor, org, mail, raw, { ...fields, via: 'eml' }));
      return reply.code(result.duplicate ? 200 : 201).send(present(result));
    },
  );

  r.post(
    '/api/v1/correspondence/inbound',
    {
      config: {
        access: access.public(
          'mail gateway: authenticated by the organisation’s gateway token (Bearer), not a session',
        ),
      },
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags,
        summary:
          'Passerelle de messagerie : un message RFC 822 brut (Content-Type: message/rfc822, Authorization: Bearer <jeton>)',
        consumes: ['message/rfc822'],
        response: { 200: ZEmailRegistration, 201: ZEmailRegistration },
      },
    },
    async (request, reply) => {
      const orgId = await authenticateGateway(db, request.headers.authorization);
      if (!orgId) {
        reply.header('www-authenticate', 'Bearer realm="dircab-gateway"');
        throw new HttpProblem(401, 'Jeton de passerelle absent, inconnu ou révoqué.');
      }
      if (!Buffer.isBuffer(request.body)) {
        throw new HttpProblem(415, 'Envoyez le message brut avec Content-Type: message/rfc822.');
      }
      const raw = request.body;
      const org = await organisationById(db, orgId);
      if (!org) throw problems.notFound();
      const mail = await parseEmail(raw, 'body');
      const actor = systemActor(org.id, request.ip, 'Passerelle de messagerie');
      const result = await db.transaction((tx) => registerEmail(tx, actor, org, mail, raw, { via: 'gateway' }));
      return reply.code(result.duplicate ? 200 : 201).send(present(result));
    },
  );

  r.get(
    '/api/v1/correspondence/gateway-tokens',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Jetons de la passerelle de messagerie',
        querystring: ZPageQuery,
        response: { 200: ZGatewayTokenPage },
      },
    },
    async (request) => findGatewayTokens(db, actorOf(request), request.query),
  );

  r.post(
    '/api/v1/correspondence/gateway-tokens',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Créer un jeton de passerelle (affiché une seule fois)',
        body: ZCreateGatewayToken,
        response: { 201: ZGatewayTokenCreated },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await db.transaction((tx) => createGatewayToken(tx, actor, request.body));
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );

  r.delete(
    '/api/v1/correspondence/gateway-tokens/:id',
    {
      config: { access: manage },
      schema: { tags, summary: 'Révoquer un jeton de passerelle', params: ZIdParams, response: { 200: ZGatewayToken } },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => revokeGatewayToken(tx, actor, request.params.id));
    },
  );
}

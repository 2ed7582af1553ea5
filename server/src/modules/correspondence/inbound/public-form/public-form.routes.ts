import {
  ZPublicFormSettings,
  ZPublicFormSettingsView,
  ZPublicRequest,
  ZPublicRequestAccepted,
  ZPublicRequestParams,
} from '@dircab/contracts';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HttpProblem, problems } from '../../../../platform/errors/problem';
import { actorOf } from '../../../../platform/http/context';
import { access } from '../../../../platform/policy/access';
import { INBOUND_ROLES } from '../inbound.policy';
import { organisationBySlug } from '../inbound-organisation';
import { publicFormSettingsOf, updatePublicFormSettings } from './public-form-settings';
import { submitPublicRequest } from './submit-public-request';

const PATH = '/api/v1/public/requests/:orgSlug';
const ACCEPTED = 'Votre demande a bien été reçue. Conservez son numéro pour toute correspondance avec la mairie.';
/** Per address and organisation: a person sends one or two requests; a script, hundreds. */
export const PUBLIC_FORM_RATE = { max: 5, timeWindowMs: 10 * 60_000 };

/** The web site's origin when the organisation allows it (CORS), else null. */
async function allowedOrigin(app: FastifyInstance, request: FastifyRequest, orgId: string): Promise<string | null> {
  const origin = request.headers.origin?.toLowerCase();
  if (!origin) return null;
  const { allowedOrigins } = await publicFormSettingsOf(app.ctx.db, orgId);
  return allowedOrigins.includes(origin) ? origin : null;
}

function corsHeaders(reply: FastifyReply, origin: string) {
  reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
}

/**
 * The public web form (`POST /api/v1/public/requests/:orgSlug`), for the town's web site:
 * no session; rate-limited per address and organisation (5 per 10 minutes, 429 in French); a
 * honeypot field robots fill (202 and nothing registered, so they learn nothing); a browser
 * may post only from the web sites the organisation allowed (CORS; a server posts without
 * Origin). Answers 202 with the registration number only. Also the allowed sites' setting.
 */
export async function registerPublicFormRoutes(app: FastifyInstance) {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () =>
      new HttpProblem(429, 'Trop de demandes envoyées depuis votre connexion. Réessayez dans quelques minutes.'),
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const reason = 'the town web site’s public request form: rate-limited, honeypot, CORS per organisation';

  r.options(
    PATH,
    { config: { access: access.public(reason) }, schema: { hide: true, params: ZPublicRequestParams } },
    async (request, reply) => {
      const org = await organisationBySlug(db, request.params.orgSlug);
      const origin = org ? await allowedOrigin(app, request, org.id) : null;
      if (origin) {
        corsHeaders(reply, origin);
        reply
          .header('access-control-allow-methods', 'POST')
          .header('access-control-allow-headers', 'content-type')
          .header('access-control-max-age', '600');
      }
      return reply.code(204).send();
    },
  );

  r.post(
    PATH,
    {
      config: {
        access: access.public(reason),
        rateLimit: {
          max: PUBLIC_FORM_RATE.max,
          timeWindow: PUBLIC_FORM_RATE.timeWindowMs,
          keyGenerator: (request: FastifyRequest) =>
            `${request.ip}|${(request.params as { orgSlug?: string }).orgSlug ?? ''}`,
        },
      },
      schema: {
        tags: ['public'],
        summary: 'Formulaire de demande du site de la commune (public, limité en débit)',
        security: [],
        params: ZPublicRequestParams,
        body: ZPublicRequest,
        response: { 202: ZPublicRequestAccepted },
      },
    },
    async (request, reply) => {
      const org = await organisationBySlug(db, request.params.orgSlug);
      if (!org) throw problems.notFound('Cette commune n’a pas de formulaire de demande en ligne.');
      if (request.headers.origin) {
        const origin = await allowedOrigin(app, request, org.id);
        if (!origin) throw problems.forbidden('Ce site n’est pas autorisé à envoyer des demandes à la commune.');
        corsHeaders(reply, origin);
      }
      // The honeypot: the same answer as a person gets, and nothing registered.
      if (request.body.website) return reply.code(202).send({ registrationNumber: null, message: ACCEPTED });
      const registrationNumber = await db.transaction((tx) => submitPublicRequest(tx, org, request.body, request.ip));
      return reply.code(202).send({ registrationNumber, message: ACCEPTED });
    },
  );

  const manage = access.roles('correspondence.public_form', INBOUND_ROLES.manage);
  r.get(
    '/api/v1/correspondence/public-form',
    {
      config: { access: manage },
      schema: {
        tags: ['correspondence'],
        summary: 'Sites autorisés à envoyer le formulaire public',
        response: { 200: ZPublicFormSettingsView },
      },
    },
    async (request) => publicFormSettingsOf(db, actorOf(request).orgId),
  );
  r.put(
    '/api/v1/correspondence/public-form',
    {
      config: { access: manage },
      schema: {
        tags: ['correspondence'],
        summary: 'Définir les sites autorisés à envoyer le formulaire public',
        body: ZPublicFormSettings,
        response: { 200: ZPublicFormSettingsView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => updatePublicFormSettings(tx, actor, request.body));
    },
  );
}

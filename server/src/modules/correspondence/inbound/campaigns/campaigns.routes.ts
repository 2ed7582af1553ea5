import { ZCampaignDetail, ZCampaignItemParams, ZCampaignPage, ZCampaignQuery, ZIdParams } from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../../../platform/errors/problem';
import { actorOf } from '../../../../platform/http/context';
import { access } from '../../../../platform/policy/access';
import { INBOUND_ROLES } from '../inbound.policy';
import { findCampaignDetail, findCampaigns } from '../queries/find-campaigns';
import { detachFromCampaign } from './detach-from-campaign';

const tags = ['correspondence'];

/** Campaigns: the list, one campaign with its items, and taking an item out of one. */
export function registerCampaignRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const read = access.roles('correspondence.read', INBOUND_ROLES.read);

  r.get(
    '/api/v1/correspondence/campaigns',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Campagnes (courriers identiques ou presque de nombreux expéditeurs)',
        querystring: ZCampaignQuery,
        response: { 200: ZCampaignPage },
      },
    },
    async (request) => findCampaigns(db, actorOf(request), request.query),
  );

  r.get(
    '/api/v1/correspondence/campaigns/:id',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Une campagne et ses courriers',
        params: ZIdParams,
        querystring: ZCampaignQuery,
        response: { 200: ZCampaignDetail },
      },
    },
    async (request) => {
      const detail = await findCampaignDetail(db, actorOf(request), request.params.id, request.query);
      if (!detail) throw problems.notFound();
      return detail;
    },
  );

  r.delete(
    '/api/v1/correspondence/campaigns/:id/items/:itemId',
    {
      config: { access: access.roles('correspondence.register', INBOUND_ROLES.register) },
      schema: {
        tags,
        summary: 'Retirer un courrier d’une campagne (il recevra sa propre réponse)',
        params: ZCampaignItemParams,
        response: { 200: z.object({ dissolved: z.boolean() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => detachFromCampaign(tx, actor, request.params.id, request.params.itemId));
    },
  );
}

import {
  ZBulkTags,
  ZBulkTagsResult,
  ZCorrespondence,
  ZCorrespondenceDetail,
  ZCorrespondenceItemTypePage,
  ZCorrespondencePage,
  ZCorrespondenceQuery,
  ZCreateCorrespondence,
  ZIdParams,
  ZNumberingSettings,
  ZPageQuery,
  ZTagSuggestionQuery,
  ZTagSuggestions,
  ZUpdateCorrespondence,
} from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { registerCorrespondence } from './commands/register-correspondence';
import { updateCorrespondence } from './commands/update-correspondence';
import { updateNumberingSettings } from './commands/update-numbering-settings';
import { CORRESPONDENCE_ROLES } from './correspondence.policy';
import { numberingSettingsOf } from './numbering';
import { organisationOf } from './organisation-of';
import { registerProcessingRoutes } from './processing/processing.routes';
import { findItemDetail } from './processing/queries/find-item-detail';
import { registerCorrespondenceSenderLinks } from './processing/sender-links';
import { findItem, findItems, presentItem } from './queries/find-correspondence';
import { findItemTypes } from './queries/find-item-types';
import { findViewer } from './queries/find-viewer';
import { registerSearchAudienceRefresh } from './search/refresh-search-audience';
import { bulkTagItems } from './tags/bulk-tag-items';
import { findTagSuggestions } from './tags/find-tag-suggestions';

const tags = ['correspondence'];

export function registerCorrespondenceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const read = access.roles('correspondence.read', CORRESPONDENCE_ROLES.read);
  const register = access.roles('correspondence.register', CORRESPONDENCE_ROLES.register);
  registerProcessingRoutes(app);
  registerCorrespondenceSenderLinks();
  registerSearchAudienceRefresh();

  r.get(
    '/api/v1/correspondence',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Registre du courrier (les plus récents d’abord)',
        querystring: ZCorrespondenceQuery,
        response: { 200: ZCorrespondencePage },
      },
    },
    async (request) => findItems(db, actorOf(request), request.query, organisationOf(request).timeZone),
  );

  r.post(
    '/api/v1/correspondence',
    {
      config: { access: register },
      schema: {
        tags,
        summary: 'Enregistrer un courrier (numéro d’enregistrement sans trou)',
        body: ZCreateCorrespondence,
        response: { 201: ZCorrespondence },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const org = organisationOf(request);
      const row = await db.transaction((tx) => registerCorrespondence(tx, actor, request.body, org));
      return reply.code(201).send(presentItem(await findViewer(db, actor), row));
    },
  );

  const manage = access.roles('correspondence.settings', CORRESPONDENCE_ROLES.manage);

  r.get(
    '/api/v1/correspondence/settings',
    {
      config: { access: manage },
      schema: { tags, summary: 'Formats des numéros d’enregistrement', response: { 200: ZNumberingSettings } },
    },
    async (request) => numberingSettingsOf(db, actorOf(request).orgId),
  );

  r.put(
    '/api/v1/correspondence/settings',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Définir les formats des numéros d’enregistrement',
        body: ZNumberingSettings,
        response: { 200: ZNumberingSettings },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => updateNumberingSettings(tx, actor, request.body));
    },
  );

  // Registered before /:id: Fastify matches the static segment first anyway, but readers too.
  r.get(
    '/api/v1/correspondence/types',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Types de courrier de l’organisation (accusé de réception, décision implicite, délai)',
        querystring: ZPageQuery,
        response: { 200: ZCorrespondenceItemTypePage },
      },
    },
    async (request) => findItemTypes(db, actorOf(request), request.query),
  );

  const tagging = access.roles('correspondence.tag', CORRESPONDENCE_ROLES.tag);

  r.get(
    '/api/v1/correspondence/tags',
    {
      config: { access: tagging },
      schema: {
        tags,
        summary: 'Étiquettes les plus utilisées récemment dans l’organisation (saisie assistée)',
        querystring: ZTagSuggestionQuery,
        response: { 200: ZTagSuggestions },
      },
    },
    async (request) => findTagSuggestions(db, actorOf(request), request.query),
  );

  r.post(
    '/api/v1/correspondence/tags',
    {
      config: { access: tagging },
      schema: {
        tags,
        summary: 'Ajouter ou retirer des étiquettes sur plusieurs courriers',
        body: ZBulkTags,
        response: { 200: ZBulkTagsResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => bulkTagItems(tx, actor, request.body));
    },
  );

  r.get(
    '/api/v1/correspondence/:id',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Un courrier, ses imputations, l’imputation suggérée et sa réponse',
        params: ZIdParams,
        response: { 200: ZCorrespondenceDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await findItem(db, actor, request.params.id);
      if (!row) throw problems.notFound();
      return findItemDetail(db, actor, row);
    },
  );

  r.patch(
    '/api/v1/correspondence/:id',
    {
      config: { access: register },
      schema: {
        tags,
        summary: 'Corriger un courrier enregistré (avant imputation)',
        params: ZIdParams,
        body: ZUpdateCorrespondence,
        response: { 200: ZCorrespondence },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = organisationOf(request);
      const row = await db.transaction((tx) => updateCorrespondence(tx, actor, request.params.id, request.body, org));
      return presentItem(await findViewer(db, actor), row);
    },
  );
}

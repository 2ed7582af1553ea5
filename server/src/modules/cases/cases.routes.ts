import { Readable } from 'node:stream';
import {
  ZCase,
  ZCaseExportQuery,
  ZCaseLink,
  ZCaseLinkPage,
  ZCaseLinkParams,
  ZCaseLinkQuery,
  ZCasePage,
  ZCaseQuery,
  ZCaseTimelinePage,
  ZCloseCase,
  ZCreateCase,
  ZCreateCaseLink,
  ZEscalateCase,
  ZIdParams,
  ZInterventionReport,
  ZInterventionReportQuery,
  ZPageQuery,
  ZUpdateCase,
} from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { signalAlertsChanged } from '../alerts/alert-signals';
import { registerCaseAlertSource } from './case-alert-source';
import { CASE_ROLES, casePolicy } from './cases.policy';
import { registerCaseLinkKinds } from './cases-link-kinds-registration';
import { closeCase } from './commands/close-case';
import { createCase } from './commands/create-case';
import { escalateCase } from './commands/escalate-case';
import { linkRecord, unlinkRecord } from './commands/link-record';
import { auditConfidentialRead } from './commands/read-case';
import { updateCase } from './commands/update-case';
import { registerCaseDirectorySources } from './directory-sources';
import { findCaseLinks, presentCaseLink } from './queries/find-case-links';
import { findCaseTimeline } from './queries/find-case-timeline';
import { findCase, findCases, presentCase } from './queries/find-cases';
import { interventionReport } from './queries/intervention-report';
import { streamCasesCsv } from './queries/stream-cases-csv';
import { registerCaseTaskLink } from './task-link';

const tags = ['cases'];

/**
 * Cases: the list (filters, CSV), one case (its reads of confidential ones audited), changes,
 * closing, escalation to the executive, links and the timeline, and the interventions report.
 * Reads are open to every member (group staff and the admin see nothing: empty list, 404);
 * the case policy decides the rest.
 */
export function registerCaseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  registerCaseDirectorySources();
  registerCaseLinkKinds();
  registerCaseTaskLink();
  registerCaseAlertSource();
  const read = access.member();
  const write = access.roles('cases.write', CASE_ROLES.write);
  // Services named on a case edit it too (their part of the work): the policy checks who.
  const edit = access.member();

  r.get(
    '/api/v1/cases',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Dossiers (les plus récents d’abord)',
        querystring: ZCaseQuery,
        response: { 200: ZCasePage },
      },
    },
    async (request) => findCases(db, actorOf(request), request.query),
  );

  r.post(
    '/api/v1/cases',
    {
      config: { access: write },
      schema: { tags, summary: 'Ouvrir un dossier', body: ZCreateCase, response: { 201: ZCase } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => createCase(tx, actor, request.body));
      return reply.code(201).send(presentCase(actor, row));
    },
  );

  r.get(
    '/api/v1/cases/export.csv',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Exporter la liste des dossiers visibles (CSV « ; », UTF-8 avec BOM)',
        querystring: ZCaseExportQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="dossiers-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(streamCasesCsv(db, actor, request.query)));
    },
  );

  r.get(
    '/api/v1/cases/interventions/report',
    {
      config: { access: access.roles('cases.report', CASE_ROLES.report) },
      schema: {
        tags,
        summary: 'Interventions d’une période, par élu ou par institution',
        querystring: ZInterventionReportQuery,
        response: { 200: ZInterventionReport },
      },
    },
    async (request) => {
      const q = request.query;
      if (q.from > q.to) {
        throw problems.badRequest('La période est invalide.', [
          { path: 'to', message: 'La fin de la période précède son début.', code: 'invalid_period' },
        ]);
      }
      return interventionReport(db, actorOf(request), q);
    },
  );

  r.get(
    '/api/v1/cases/:id',
    {
      config: { access: read },
      schema: { tags, summary: 'Un dossier', params: ZIdParams, response: { 200: ZCase } },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction(async (tx) => {
        const found = await findCase(tx, actor, request.params.id);
        if (!found) throw problems.notFound();
        await auditConfidentialRead(tx, actor, found);
        return found;
      });
      return presentCase(actor, row);
    },
  );

  r.patch(
    '/api/v1/cases/:id',
    {
      config: { access: edit },
      schema: { tags, summary: 'Modifier un dossier', params: ZIdParams, body: ZUpdateCase, response: { 200: ZCase } },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => updateCase(tx, actor, request.params.id, request.body));
      signalAlertsChanged(actor.orgId);
      return presentCase(actor, row);
    },
  );

  r.post(
    '/api/v1/cases/:id/close',
    {
      config: { access: edit },
      schema: { tags, summary: 'Clore un dossier', params: ZIdParams, body: ZCloseCase, response: { 200: ZCase } },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => closeCase(tx, actor, request.params.id, request.body));
      signalAlertsChanged(actor.orgId);
      return presentCase(actor, row);
    },
  );

  r.post(
    '/api/v1/cases/:id/escalate',
    {
      config: { access: edit },
      schema: {
        tags,
        summary: 'Alerter le maire (le dossier entre dans le fil d’alertes)',
        params: ZIdParams,
        body: ZEscalateCase,
        response: { 200: ZCase },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => escalateCase(tx, actor, request.params.id, request.body));
      signalAlertsChanged(actor.orgId);
      return presentCase(actor, row);
    },
  );

  r.get(
    '/api/v1/cases/:id/timeline',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Chronologie d’un dossier (éléments liés et modifications)',
        params: ZIdParams,
        querystring: ZPageQuery,
        response: { 200: ZCaseTimelinePage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const found = await db.transaction(async (tx) => {
        const row = await findCase(tx, actor, request.params.id);
        if (!row) throw problems.notFound();
        await auditConfidentialRead(tx, actor, row, 'timeline');
        return row;
      });
      return findCaseTimeline(db, actor, found, request.query);
    },
  );

  r.get(
    '/api/v1/cases/:id/links',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Éléments liés au dossier (les plus récents d’abord)',
        params: ZIdParams,
        querystring: ZCaseLinkQuery,
        response: { 200: ZCaseLinkPage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const found = await db.transaction(async (tx) => {
        const row = await findCase(tx, actor, request.params.id);
        if (!row) throw problems.notFound();
        await auditConfidentialRead(tx, actor, row, 'links');
        return row;
      });
      return findCaseLinks(db, actor, found, request.query);
    },
  );

  r.post(
    '/api/v1/cases/:id/links',
    {
      config: { access: edit },
      schema: {
        tags,
        summary: 'Lier un élément au dossier (contact, courrier, tâche…)',
        params: ZIdParams,
        body: ZCreateCaseLink,
        response: { 201: ZCaseLink },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { link, record } = await db.transaction((tx) => linkRecord(tx, actor, request.params.id, request.body));
      const found = await findCase(db, actor, request.params.id);
      if (!found) throw problems.notFound();
      return reply.code(201).send(presentCaseLink(link, record, casePolicy.can(actor, 'link', found)));
    },
  );

  r.delete(
    '/api/v1/cases/:id/links/:linkId',
    {
      config: { access: edit },
      schema: { tags, summary: 'Retirer un lien du dossier', params: ZCaseLinkParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => unlinkRecord(tx, actor, request.params.id, request.params.linkId));
      return reply.code(204).send(null);
    },
  );
}

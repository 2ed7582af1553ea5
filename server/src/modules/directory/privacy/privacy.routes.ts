import { Readable } from 'node:stream';
import {
  ZContactQuery,
  ZEraseContact,
  ZIdParams,
  ZPersonalDataExport,
  ZRetention,
  ZRetentionInput,
} from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/record-audit';
import { problems } from '../../../platform/errors/problem';
import { actorOf } from '../../../platform/http/context';
import { access } from '../../../platform/policy/access';
import { findContact } from '../queries/find-contacts';
import { eraseContact } from './commands/erase-contact';
import { updateRetention } from './commands/update-retention';
import { PRIVACY_ROLES } from './privacy.policy';
import { findPersonalData } from './queries/find-personal-data';
import { findRetention, presentRetention } from './queries/find-retention';
import { streamContactsCsv } from './queries/stream-contacts-csv';
import { registerRetentionJob } from './retention-job';
import { registerContactLinksPersonalData } from './sources/contact-links-source';

const tags = ['directory'];

/** The list's filters, without the page: the export reads every page itself. */
const ZContactExportQuery = ZContactQuery.omit({ limit: true, cursor: true });

/** Personal data (RGPD): retention and its job, a person's export, erasure, the bulk CSV export. */
export async function registerPrivacy(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, jobs } = app.ctx;
  registerContactLinksPersonalData();
  await registerRetentionJob(db, jobs, app.log);
  const retention = access.roles('privacy.retention', PRIVACY_ROLES.retention);

  r.get(
    '/api/v1/privacy/retention',
    {
      config: { access: retention },
      schema: {
        tags,
        summary: 'Durées de conservation des contacts (en mois), par type de contact',
        response: { 200: ZRetention },
      },
    },
    async (request) => presentRetention(actorOf(request), await findRetention(db, actorOf(request).orgId)),
  );

  r.put(
    '/api/v1/privacy/retention',
    {
      config: { access: retention },
      schema: {
        tags,
        summary: 'Fixer les durées de conservation (tracé)',
        body: ZRetentionInput,
        response: { 200: ZRetention },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const saved = await db.transaction((tx) => updateRetention(tx, actor, request.body));
      return presentRetention(actor, saved);
    },
  );

  r.get(
    '/api/v1/contacts/:id/export',
    {
      config: { access: access.roles('contacts.export_person', PRIVACY_ROLES.exportPerson) },
      schema: {
        tags,
        summary: 'Tout ce qui est conservé sur une personne (droit d’accès, tracé)',
        params: ZIdParams,
        response: { 200: ZPersonalDataExport },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        const contact = await findContact(tx, actor, request.params.id);
        if (!contact) throw problems.notFound();
        // An export reads the whole file: who did it and when stays in the audit.
        await recordAudit(tx, actor, { action: 'contact.export', recordType: 'contact', recordId: contact.id });
        return findPersonalData(tx, actor, contact);
      });
    },
  );

  r.post(
    '/api/v1/contacts/:id/erase',
    {
      config: { access: access.roles('contacts.erase', PRIVACY_ROLES.erase) },
      schema: {
        tags,
        summary: 'Effacer les données d’une personne à sa demande (anonymisation immédiate, tracée)',
        params: ZIdParams,
        body: ZEraseContact,
        response: { 204: z.null().describe('Aucun contenu') },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => eraseContact(tx, actor, request.params.id, request.body.reason));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/contacts/export.csv',
    {
      config: { access: access.roles('contacts.export_bulk', PRIVACY_ROLES.bulkExport) },
      schema: {
        tags,
        summary: 'Exporter les contacts (CSV « ; », UTF-8 avec BOM), sans appartenance politique',
        querystring: ZContactExportQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const filters = request.query;
      if (filters.groupId) {
        // A file of a group's officials is a file of political affiliations: it never leaves.
        throw problems.badRequest('Le filtre est invalide.', [
          {
            path: 'groupId',
            message: 'Un export ne peut pas être filtré par groupe politique : l’appartenance politique ne sort pas.',
            code: 'affiliation_not_exported',
          },
        ]);
      }
      let rows = 0;
      let complete = false;
      async function* lines() {
        try {
          yield* streamContactsCsv(db, actor, filters, () => rows++);
          complete = true;
        } finally {
          // Written when the file is done or the download cut: the rows that left are known then.
          await recordAudit(db, actor, {
            action: 'contacts.export_csv',
            recordType: 'contact',
            summary: { rows, complete, filters },
          }).catch((err) => request.log.error({ err }, 'CSV export audit failed'));
        }
      }
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="contacts-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(lines()));
    },
  );
}

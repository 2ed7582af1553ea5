import {
  ZAnnotation,
  ZAnnotationList,
  ZAnswerNote,
  ZContribution,
  ZContributionList,
  ZContributionParams,
  ZCreateAnnotation,
  ZCreateContribution,
  ZCreateNote,
  ZEmpty,
  ZIdParams,
  ZMemberLookupQuery,
  ZMemberOptionPage,
  ZNote,
  ZNoteDiff,
  ZNoteDiffQuery,
  ZNoteExportQuery,
  ZNotePage,
  ZNoteQuery,
  ZNoteTemplate,
  ZNoteTemplateInput,
  ZNoteTemplatePage,
  ZNoteVersionPage,
  ZNoteVersionParams,
  ZPageQuery,
  ZReadingFolderQuery,
  ZTransitionNote,
  ZUpdateNote,
  ZUpdateNoteTemplate,
  ZWriteContribution,
} from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DOCUMENT_MEDIA_TYPES, renderDocument } from '../../platform/documents/render-letter';
import { problems } from '../../platform/errors/problem';
import { actorOf } from '../../platform/http/context';
import { access } from '../../platform/policy/access';
import { signalAlertsChanged } from '../alerts/alert-signals';
import { organisationOf } from '../correspondence/organisation-of';
import { findMemberOptions } from '../org/queries/find-member-options';
import { annotateNote } from './commands/annotate-note';
import { answerNote } from './commands/answer-note';
import { createNote } from './commands/create-note';
import { createNoteTemplate, deleteNoteTemplate, updateNoteTemplate } from './commands/manage-templates';
import { mergeContribution } from './commands/merge-contribution';
import { auditConfidentialNoteRead, markNoteRead } from './commands/read-note';
import { requestContribution } from './commands/request-contribution';
import { transitionNote } from './commands/transition-note';
import { updateNote } from './commands/update-note';
import { writeContribution } from './commands/write-contribution';
import { registerNoteLinks } from './note-registrations';
import { NOTE_PEOPLE_ROLES, NOTE_ROLES } from './notes.policy';
import { findAnnotations, presentAnnotation } from './queries/find-annotations';
import { findContribution, findContributions, presentContribution } from './queries/find-contributions';
import { findNote, findNotes, findReadingFolder, presentNote } from './queries/find-notes';
import { findNoteTemplate, findNoteTemplates, presentNoteTemplate } from './queries/find-templates';
import { diffNoteVersions, findNoteVersions } from './queries/find-versions';
import { noteDocument } from './queries/note-document';

const tags = ['notes'];

/**
 * Notes: the list, one note (reads of confidential ones audited), the circuit (submit, return,
 * validate, transmit), versions and their diff, contributions from services (each a task),
 * the addressee's reading folder (read, annotate, answer with a decision), exports with the
 * letterhead, and the organisation's templates. Reads are open to members (the policy scopes
 * them); writes to the cabinet, reading to the addressees.
 */
export function registerNoteRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  registerNoteLinks();
  const read = access.member();
  const write = access.roles('notes.write', NOTE_ROLES.write);
  const reader = access.roles('notes.read_folder', NOTE_ROLES.reader);

  /** The note the actor may see, or 404; a confidential one's read is audited. */
  async function visibleNote(
    actor: ReturnType<typeof actorOf>,
    id: string,
    via: Parameters<typeof auditConfidentialNoteRead>[3],
  ) {
    return db.transaction(async (tx) => {
      const note = await findNote(tx, actor, id);
      if (!note) throw problems.notFound();
      await auditConfidentialNoteRead(tx, actor, note, via);
      return note;
    });
  }

  r.get(
    '/api/v1/notes',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Notes (les plus récentes d’abord)',
        querystring: ZNoteQuery,
        response: { 200: ZNotePage },
      },
    },
    async (request) => findNotes(db, actorOf(request), request.query),
  );

  r.post(
    '/api/v1/notes',
    {
      config: { access: write },
      schema: { tags, summary: 'Rédiger une note', body: ZCreateNote, response: { 201: ZNote } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => createNote(tx, actor, request.body));
      return reply.code(201).send(presentNote(actor, row));
    },
  );

  r.get(
    '/api/v1/notes/reading-folder',
    {
      config: { access: reader },
      schema: {
        tags,
        summary: 'Parapheur de lecture : notes transmises à lire, puis lues',
        querystring: ZReadingFolderQuery,
        response: { 200: ZNotePage },
      },
    },
    async (request) => findReadingFolder(db, actorOf(request), request.query),
  );

  r.get(
    '/api/v1/notes/people',
    {
      // Writers name an addressee, members and contributors; addressees give actions to people.
      config: { access: access.roles('notes.people', [...NOTE_ROLES.write, ...NOTE_ROLES.reader]) },
      schema: {
        tags,
        summary: 'Choisir une personne : destinataire, membres, contributeur, action',
        querystring: ZMemberLookupQuery,
        response: { 200: ZMemberOptionPage },
      },
    },
    async (request) => findMemberOptions(db, actorOf(request), request.query, { roles: NOTE_PEOPLE_ROLES }),
  );

  const templateRead = access.roles('notes.templates.read', NOTE_ROLES.templateReaders);
  const templateWrite = access.roles('notes.templates.write', NOTE_ROLES.templates);

  r.get(
    '/api/v1/notes/templates',
    {
      config: { access: templateRead },
      schema: { tags, summary: 'Modèles de notes', querystring: ZPageQuery, response: { 200: ZNoteTemplatePage } },
    },
    async (request) => findNoteTemplates(db, actorOf(request), request.query),
  );

  r.post(
    '/api/v1/notes/templates',
    {
      config: { access: templateWrite },
      schema: { tags, summary: 'Créer un modèle de note', body: ZNoteTemplateInput, response: { 201: ZNoteTemplate } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => createNoteTemplate(tx, actor, request.body));
      return reply.code(201).send(presentNoteTemplate(actor, row));
    },
  );

  r.get(
    '/api/v1/notes/templates/:id',
    {
      config: { access: templateRead },
      schema: { tags, summary: 'Un modèle de note', params: ZIdParams, response: { 200: ZNoteTemplate } },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await findNoteTemplate(db, actor, request.params.id);
      if (!row) throw problems.notFound();
      return presentNoteTemplate(actor, row);
    },
  );

  r.patch(
    '/api/v1/notes/templates/:id',
    {
      config: { access: templateWrite },
      schema: {
        tags,
        summary: 'Modifier un modèle de note',
        params: ZIdParams,
        body: ZUpdateNoteTemplate,
        response: { 200: ZNoteTemplate },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => updateNoteTemplate(tx, actor, request.params.id, request.body));
      return presentNoteTemplate(actor, row);
    },
  );

  r.delete(
    '/api/v1/notes/templates/:id',
    {
      config: { access: templateWrite },
      schema: { tags, summary: 'Supprimer un modèle de note', params: ZIdParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deleteNoteTemplate(tx, actor, request.params.id));
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/notes/:id',
    {
      config: { access: read },
      schema: { tags, summary: 'Une note', params: ZIdParams, response: { 200: ZNote } },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentNote(actor, await visibleNote(actor, request.params.id, 'note'));
    },
  );

  r.patch(
    '/api/v1/notes/:id',
    {
      config: { access: write },
      schema: { tags, summary: 'Modifier une note', params: ZIdParams, body: ZUpdateNote, response: { 200: ZNote } },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => updateNote(tx, actor, request.params.id, request.body));
      return presentNote(actor, row);
    },
  );

  r.post(
    '/api/v1/notes/:id/transitions',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Faire avancer la note : soumettre, renvoyer, valider, transmettre',
        params: ZIdParams,
        body: ZTransitionNote,
        response: { 200: ZNote },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => transitionNote(tx, actor, request.params.id, request.body));
      if (request.body.action === 'transmit') signalAlertsChanged(actor.orgId);
      return presentNote(actor, row);
    },
  );

  r.get(
    '/api/v1/notes/:id/versions',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Versions de la note',
        params: ZIdParams,
        querystring: ZPageQuery,
        response: { 200: ZNoteVersionPage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await visibleNote(actor, request.params.id, 'versions');
      return findNoteVersions(db, actor, request.params.id, request.query);
    },
  );

  r.get(
    '/api/v1/notes/:id/versions/:v/diff',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Différences (mot à mot) entre deux versions',
        params: ZNoteVersionParams,
        querystring: ZNoteDiffQuery,
        response: { 200: ZNoteDiff },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await visibleNote(actor, request.params.id, 'diff');
      return diffNoteVersions(db, actor, request.params.id, request.params.v, request.query.against);
    },
  );

  r.get(
    '/api/v1/notes/:id/export',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Exporter la note (DOCX, ODT, PDF) avec l’en-tête',
        params: ZIdParams,
        querystring: ZNoteExportQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const note = await visibleNote(actor, request.params.id, 'export');
      const org = organisationOf(request);
      const format = request.query.format;
      const file = await renderDocument(await noteDocument(db, { id: actor.orgId, ...org }, note), format);
      return reply
        .header('content-type', DOCUMENT_MEDIA_TYPES[format])
        .header('content-disposition', `attachment; filename="note-${note.id}.${format}"`)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );

  r.post(
    '/api/v1/notes/:id/contributions',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Demander une contribution à un service ou une personne (crée une tâche)',
        params: ZIdParams,
        body: ZCreateContribution,
        response: { 201: ZContribution },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.transaction(async (tx) => {
        const created = await requestContribution(tx, actor, request.params.id, request.body);
        return findContribution(tx, actor, request.params.id, created.id);
      });
      if (!row) throw problems.notFound();
      signalAlertsChanged(actor.orgId);
      return reply.code(201).send(presentContribution(actor, row));
    },
  );

  r.get(
    '/api/v1/notes/:id/contributions',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Contributions à la note (le contributeur voit la sienne)',
        params: ZIdParams,
        response: { 200: ZContributionList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await db.transaction(async (tx) => {
        const found = await findContributions(tx, actor, request.params.id);
        // A contributor sees their own; nobody else learns the note exists.
        const note = found[0]?.note ?? (await findNote(tx, actor, request.params.id));
        if (!note) throw problems.notFound();
        await auditConfidentialNoteRead(tx, actor, { id: request.params.id, ...note }, 'contributions');
        return found;
      });
      return { data: rows.map((row) => presentContribution(actor, row)) };
    },
  );

  r.get(
    '/api/v1/notes/:id/contributions/:cid',
    {
      config: { access: read },
      schema: { tags, summary: 'Une contribution', params: ZContributionParams, response: { 200: ZContribution } },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction(async (tx) => {
        const found = await findContribution(tx, actor, request.params.id, request.params.cid);
        if (!found) throw problems.notFound();
        await auditConfidentialNoteRead(tx, actor, { id: request.params.id, ...found.note }, 'contributions');
        return found;
      });
      return presentContribution(actor, row);
    },
  );

  r.put(
    '/api/v1/notes/:id/contributions/:cid',
    {
      // Services users write their section: the command checks they are the contributor.
      config: { access: read },
      schema: {
        tags,
        summary: 'Écrire sa contribution (et la remettre : submit)',
        params: ZContributionParams,
        body: ZWriteContribution,
        response: { 200: ZContribution },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id, cid } = request.params;
      const row = await db.transaction((tx) => writeContribution(tx, actor, id, cid, request.body));
      if (request.body.submit) signalAlertsChanged(actor.orgId);
      return presentContribution(actor, row);
    },
  );

  r.post(
    '/api/v1/notes/:id/contributions/:cid/merge',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Intégrer une contribution remise au texte de la note',
        params: ZContributionParams,
        body: ZEmpty.optional(),
        response: { 200: ZNote },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id, cid } = request.params;
      const row = await db.transaction((tx) => mergeContribution(tx, actor, id, cid));
      return presentNote(actor, row);
    },
  );

  r.post(
    '/api/v1/notes/:id/read',
    {
      config: { access: reader },
      schema: {
        tags,
        summary: 'Marquer la note comme lue',
        params: ZIdParams,
        body: ZEmpty.optional(),
        response: { 200: ZNote },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => markNoteRead(tx, actor, request.params.id));
      signalAlertsChanged(actor.orgId);
      return presentNote(actor, row);
    },
  );

  r.get(
    '/api/v1/notes/:id/annotations',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Annotations du lecteur',
        params: ZIdParams,
        querystring: ZPageQuery,
        response: { 200: ZAnnotationList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await visibleNote(actor, request.params.id, 'annotations');
      return findAnnotations(db, actor, request.params.id, request.query);
    },
  );

  r.post(
    '/api/v1/notes/:id/annotations',
    {
      config: { access: reader },
      schema: {
        tags,
        summary: 'Annoter un passage de la note',
        params: ZIdParams,
        body: ZCreateAnnotation,
        response: { 201: ZAnnotation },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => annotateNote(tx, actor, request.params.id, request.body));
      return reply.code(201).send(presentAnnotation(row));
    },
  );

  r.post(
    '/api/v1/notes/:id/answer',
    {
      config: { access: reader },
      schema: {
        tags,
        summary: 'Répondre à la note par une décision (et ses actions)',
        params: ZIdParams,
        body: ZAnswerNote,
        response: { 200: ZNote },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.transaction((tx) => answerNote(tx, actor, request.params.id, request.body));
      signalAlertsChanged(actor.orgId);
      return presentNote(actor, row);
    },
  );
}

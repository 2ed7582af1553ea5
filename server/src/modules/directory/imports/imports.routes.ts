import {
  type TImportResult,
  ZImportFields,
  ZImportPreview,
  ZImportPreviewFields,
  ZImportResult,
} from '@dircab/contracts';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Queryable } from '../../../platform/db/client';
import { type FieldError, problems } from '../../../platform/errors/problem';
import { actorOf } from '../../../platform/http/context';
import { access } from '../../../platform/policy/access';
import { OFFICIAL_ROLES } from '../officials.policy';
import { defaultRegionFor } from '../phone';
import { decodeText } from './csv';
import { csvDrafts, openCsv } from './csv-file';
import { readMapping } from './csv-mapping';
import { importContacts } from './import-contacts';
import { importRne } from './import-rne';
import { previewImport } from './preview-import';
import { readVcards } from './vcard';
import { draftFromVcard, VCARD_FIELD_OF } from './vcard-drafts';

/** 250,000 RNE rows weigh about 30 MB. */
const MAX_FILE = 100 * 1024 * 1024;

const invalid = (errors: FieldError[]) => problems.badRequest('La demande d’import est invalide.', errors);

/** Thrown at the end of a dry run so the transaction rolls back everything it counted. */
class DryRun extends Error {
  constructor(readonly result: TImportResult) {
    super('dry run');
  }
}

/** Reads the multipart form: the file and the text fields, in whatever order they come. */
async function readForm(request: FastifyRequest): Promise<{ file: Buffer | null; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw invalid([
      {
        path: 'file',
        message: 'Envoyez le fichier en multipart/form-data, dans le champ « file ».',
        code: 'required',
      },
    ]);
  }
  let file: Buffer | null = null;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) {
        await part.toBuffer();
        throw invalid([
          { path: part.fieldname, message: 'Un seul fichier, dans le champ « file ».', code: 'unrecognized_keys' },
        ]);
      }
      file = await part.toBuffer();
      if (part.file.truncated) {
        throw invalid([{ path: 'file', message: 'Le fichier dépasse 100 Mo.', code: 'too_big' }]);
      }
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  return { file, fields };
}

/** The form's file and fields checked against the contract: 400 naming every field at fault. */
async function readImportForm<S extends z.ZodType>(
  request: FastifyRequest,
  schema: S,
): Promise<{ text: string; fields: z.infer<S> }> {
  const { file, fields } = await readForm(request);
  const parsed = schema.safeParse(fields);
  const errors: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.flatMap((i): FieldError[] =>
        i.code === 'unrecognized_keys'
          ? i.keys.map((k) => ({ path: k, message: 'Champ inconnu.', code: i.code }))
          : [{ path: i.path.join('.') || 'format', message: i.message, code: i.code }],
      );
  if (!file || file.length === 0) {
    errors.unshift({ path: 'file', message: 'Joignez le fichier à importer (champ « file »).', code: 'required' });
  }
  if (errors.length > 0 || !parsed.success || !file) throw invalid(errors);
  return { text: decodeText(file), fields: parsed.data };
}

/** Phone numbers without a country code belong to the organisation's region. */
function regionOf(request: FastifyRequest) {
  const actor = actorOf(request);
  const current = request.session?.memberships.find((m) => m.organisation.id === actor.orgId);
  return defaultRegionFor(current?.organisation.timeZone);
}

/**
 * `POST /api/v1/imports` and `POST /api/v1/imports/preview`: the only multipart routes.
 * Multipart is registered in this plugin's scope alone, so every other route keeps the
 * JSON-only rule.
 */
export async function registerImportRoutes(app: FastifyInstance) {
  await app.register(multipart, { limits: { fileSize: MAX_FILE, files: 2, fields: 10, fieldSize: 20_000 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, database } = app.ctx;
  const mayImport = access.roles('imports.run', OFFICIAL_ROLES.import);

  r.post(
    '/api/v1/imports',
    {
      config: { access: mayImport },
      bodyLimit: MAX_FILE,
      schema: {
        tags: ['directory'],
        summary: 'Importer un fichier (multipart : file, format=rne|csv|vcard, dryRun, mapping, delimiter)',
        consumes: ['multipart/form-data'],
        response: { 200: ZImportResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const started = performance.now();
      const { text, fields } = await readImportForm(request, ZImportFields);
      const dryRun = fields.dryRun === 'true';
      const region = regionOf(request);
      const options = { region, driver: database.driver };
      // The CSV header and mapping are checked before any transaction: a bad mapping is a 400.
      let run: (tx: Queryable) => Promise<TImportResult>;
      if (fields.format === 'csv') {
        const file = openCsv(text, fields.delimiter);
        const mapping = readMapping(fields.mapping, file.header);
        if (Array.isArray(mapping)) throw invalid(mapping);
        run = (tx) =>
          importContacts(tx, actor, csvDrafts(file, mapping), { ...options, format: 'csv', source: 'Import CSV' });
      } else if (fields.format === 'vcard') {
        const cards = readVcards(text);
        const first = cards.next();
        if (first.done) {
          throw invalid([
            { path: 'file', message: 'Aucune fiche BEGIN:VCARD … END:VCARD dans ce fichier.', code: 'invalid_file' },
          ]);
        }
        const drafts = (function* () {
          yield draftFromVcard(first.value);
          for (const card of cards) yield draftFromVcard(card);
        })();
        run = (tx) =>
          importContacts(tx, actor, drafts, {
            ...options,
            format: 'vcard',
            source: 'Import vCard',
            fieldNames: VCARD_FIELD_OF,
          });
      } else {
        run = (tx) => importRne(tx, actor, text, database.driver);
      }
      try {
        return await db.transaction(async (tx) => {
          const result = { ...(await run(tx)), dryRun, durationMs: Math.round(performance.now() - started) };
          if (dryRun) throw new DryRun(result);
          return result;
        });
      } catch (error) {
        if (error instanceof DryRun) return error.result;
        throw error;
      }
    },
  );

  r.post(
    '/api/v1/imports/preview',
    {
      config: { access: mayImport },
      bodyLimit: MAX_FILE,
      schema: {
        tags: ['directory'],
        summary: 'Lire un fichier sans rien écrire : colonnes, 20 premières lignes, correspondance suggérée',
        consumes: ['multipart/form-data'],
        response: { 200: ZImportPreview },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { text, fields } = await readImportForm(request, ZImportPreviewFields);
      return previewImport(db, actor, fields.format, text, fields.delimiter);
    },
  );
}

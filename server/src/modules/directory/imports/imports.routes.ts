import { type TImportResult, ZImportFields, ZImportResult } from '@dircab/contracts';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type FieldError, problems } from '../../../platform/errors/problem';
import { actorOf } from '../../../platform/http/context';
import { access } from '../../../platform/policy/access';
import { OFFICIAL_ROLES } from '../officials.policy';
import { importRne } from './import-rne';

/** 250,000 RNE rows weigh about 30 MB. */
const MAX_FILE = 100 * 1024 * 1024;

const invalid = (errors: FieldError[]) => problems.badRequest('La demande d’import est invalide.', errors);

/** Thrown at the end of a dry run so the transaction rolls back everything it counted. */
class DryRun extends Error {
  constructor(readonly result: TImportResult) {
    super('dry run');
  }
}

/** UTF-8 as published; older extracts in Latin-1 are read too. */
function decode(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('latin1').decode(buffer);
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

/**
 * `POST /api/v1/imports`: the only multipart route. Multipart is registered in this plugin's
 * scope alone, so every other route keeps the JSON-only rule.
 */
export async function registerImportRoutes(app: FastifyInstance) {
  await app.register(multipart, { limits: { fileSize: MAX_FILE, files: 2, fields: 10, fieldSize: 1000 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;

  r.post(
    '/api/v1/imports',
    {
      config: { access: access.roles('imports.run', OFFICIAL_ROLES.import) },
      bodyLimit: MAX_FILE,
      schema: {
        tags: ['directory'],
        summary: 'Importer un fichier (multipart : file, format=rne, dryRun=true|false)',
        consumes: ['multipart/form-data'],
        response: { 200: ZImportResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { file, fields } = await readForm(request);
      const parsed = ZImportFields.safeParse(fields);
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
      const dryRun = parsed.data.dryRun === 'true';
      const text = decode(file);
      try {
        return await db.transaction(async (tx) => {
          const result = { ...(await importRne(tx, actor, text)), dryRun };
          if (dryRun) throw new DryRun(result);
          return result;
        });
      } catch (error) {
        if (error instanceof DryRun) return error.result;
        throw error;
      }
    },
  );
}

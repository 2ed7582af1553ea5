import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type FieldError, problems } from '../../../platform/errors/problem';
import { fileTooLarge } from '../../../platform/files/store-file';
import type { Upload } from './attachments/add-attachments';

const invalid = (errors: FieldError[]) => problems.badRequest('Le formulaire envoyé est invalide.', errors);

/**
 * Reads a multipart form: the files of the field `file` (at most `maxFiles`) and the text
 * fields checked against the contract, all problems named at once (400, or 413 for a file
 * over 20 MB). Nothing is written before it returns.
 */
export async function readMultipart<S extends z.ZodType>(
  request: FastifyRequest,
  schema: S,
  maxFiles: number,
): Promise<{ files: Upload[]; fields: z.infer<S> }> {
  if (!request.isMultipart()) {
    throw invalid([
      {
        path: 'file',
        message: 'Envoyez le formulaire en multipart/form-data, le fichier dans « file ».',
        code: 'required',
      },
    ]);
  }
  const files: Upload[] = [];
  const fields: Record<string, string> = {};
  const errors: FieldError[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname !== 'file') {
          errors.push({
            path: part.fieldname,
            message: 'Les fichiers vont dans le champ « file ».',
            code: 'unrecognized_keys',
          });
        } else if (files.length >= maxFiles) {
          errors.push({ path: 'file', message: `Au plus ${maxFiles} fichier(s) par envoi.`, code: 'too_big' });
        } else {
          files.push({ filename: part.filename, content });
        }
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge('file');
    if ((error as { code?: string }).code === 'FST_FILES_LIMIT') {
      throw invalid([{ path: 'file', message: `Au plus ${maxFiles} fichier(s) par envoi.`, code: 'too_big' }]);
    }
    throw error;
  }
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      if (i.code === 'unrecognized_keys') {
        for (const k of i.keys) errors.push({ path: k, message: `Champ inconnu : « ${k} ».`, code: i.code });
      } else {
        errors.push({ path: i.path.join('.') || 'form', message: i.message, code: i.code });
      }
    }
  }
  if (files.length === 0 || files.every((f) => f.content.length === 0)) {
    errors.unshift({ path: 'file', message: 'Joignez le fichier (champ « file »).', code: 'required' });
  }
  if (errors.length > 0 || !parsed.success) throw invalid(errors);
  return { files, fields: parsed.data };
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type FieldError, HttpProblem } from './problem';

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: HttpProblem) {
  return reply
    .code(problem.status)
    .type(PROBLEM_TYPE)
    .send(problem.toJSON(request.url.split('?')[0]));
}

function validationProblem(error: FastifyError & { validationContext?: string }): HttpProblem {
  const where = error.validationContext ?? 'body';
  const fields: FieldError[] = [];
  for (const v of error.validation ?? []) {
    const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const keys = (v.params as { keys?: string[] } | undefined)?.keys;
    if (v.keyword === 'unrecognized_keys' && keys) {
      // One entry per unknown field, so the client can point at each.
      for (const key of keys) {
        fields.push({
          path: path ? `${path}.${key}` : key,
          message: `Champ inconnu : « ${key} ».`,
          code: 'unrecognized_keys',
        });
      }
    } else {
      fields.push({ path: path || where, message: v.message ?? 'Valeur invalide.', code: v.keyword });
    }
  }
  const detail =
    {
      body: 'Le corps de la requête contient des valeurs invalides.',
      querystring: 'Les paramètres de la requête contiennent des valeurs invalides.',
      params: 'L’adresse de la requête contient des valeurs invalides.',
      headers: 'Les en-têtes de la requête contiennent des valeurs invalides.',
    }[where] ?? 'La requête contient des valeurs invalides.';
  return new HttpProblem(400, detail, fields);
}

/** Turns anything thrown into problem+json; never a stack trace to the client. */
function toProblem(error: FastifyError & { validationContext?: string }): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) return validationProblem(error);
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpProblem(400, 'Le corps de la requête n’est pas un JSON valide.', [
        { path: 'body', message: 'JSON mal formé.', code: 'invalid_json' },
      ]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(413, 'Le corps de la requête dépasse la taille autorisée.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem(415, 'Ce type de contenu n’est pas accepté ici (utilisez application/json).');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpProblem(400, 'La longueur déclarée du corps ne correspond pas.');
  }
  if (error instanceof SyntaxError || error.name === 'SyntaxError') {
    return new HttpProblem(400, 'Le corps de la requête n’est pas un JSON valide.', [
      { path: 'body', message: 'JSON mal formé.', code: 'invalid_json' },
    ]);
  }
  if (error.statusCode === 429) return new HttpProblem(429, 'Trop de tentatives. Réessayez dans une minute.');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new HttpProblem(error.statusCode, 'La requête ne peut pas être traitée.');
  }
  return new HttpProblem(500, 'Une erreur inattendue est survenue. Elle a été enregistrée ; réessayez plus tard.');
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status: problem.status, code: error.code }, problem.detail);
    return sendProblem(reply, request, problem);
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../errors/error-handler';
import { HttpProblem } from '../errors/problem';
import { access } from '../policy/access';
import type { Auth } from './auth';

// better-auth's error codes, in the user's language.
const MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'Adresse e-mail ou mot de passe incorrect.',
  INVALID_EMAIL: 'Adresse e-mail invalide.',
  INVALID_PASSWORD: 'Mot de passe incorrect.',
  PASSWORD_TOO_SHORT: 'Le mot de passe est trop court (12 caractères au moins).',
  PASSWORD_TOO_LONG: 'Le mot de passe est trop long.',
  ACCOUNT_DISABLED: 'Ce compte est désactivé. Adressez-vous à l’administrateur de Dircab.',
  INVALID_TWO_FACTOR_CODE: 'Code de vérification incorrect.',
  INVALID_CODE: 'Code de vérification incorrect.',
  INVALID_BACKUP_CODE: 'Code de secours incorrect.',
  TOO_MANY_REQUESTS: 'Trop de tentatives. Réessayez dans une minute.',
  INVALID_ORIGIN: 'Origine de la requête refusée.',
  MISSING_OR_NULL_ORIGIN: 'Origine de la requête manquante.',
  FAILED_TO_GET_SESSION: 'Session introuvable.',
  EMAIL_PASSWORD_SIGN_UP_DISABLED: 'La création de compte se fait par l’administrateur.',
  VALIDATION_ERROR: 'Les valeurs envoyées sont invalides.',
};

function toFetchRequest(request: FastifyRequest, baseUrl: string): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  // The address better-auth rate-limits and stores on the session: the one Fastify saw,
  // never a header the client could forge.
  headers.set('x-dircab-client-ip', request.ip);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== undefined;
  return new Request(new URL(request.url, baseUrl), {
    method: request.method,
    headers,
    ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
  });
}

async function sendFetchResponse(request: FastifyRequest, reply: FastifyReply, response: Response) {
  const text = await response.text();
  if (response.status >= 400) {
    let code = '';
    try {
      code = String((JSON.parse(text) as { code?: unknown }).code ?? '');
    } catch {
      // Not JSON: fall back to the status.
    }
    const detail =
      MESSAGES[code] ??
      (response.status === 429
        ? 'Trop de tentatives. Réessayez dans une minute.'
        : 'La demande d’authentification a échoué.');
    const problem = new HttpProblem(
      response.status,
      detail,
      code ? [{ path: 'body', message: detail, code }] : undefined,
    );
    for (const [k, v] of response.headers) if (k === 'retry-after' || k === 'x-retry-after') reply.header(k, v);
    return sendProblem(reply, request, problem);
  }
  reply.code(response.status);
  for (const [key, value] of response.headers) {
    if (key === 'set-cookie' || key === 'content-length') continue;
    reply.header(key, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  return reply.send(text);
}

/** Mounts better-auth under /api/auth/* (sign-in, sign-out, session, two-factor). */
export function mountAuth(app: FastifyInstance, auth: Auth, baseUrl: string) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: { access: access.public('authentication endpoints: they establish the session') },
    schema: { hide: true },
    handler: async (request, reply) => {
      const response = await auth.handler(toFetchRequest(request, baseUrl));
      return sendFetchResponse(request, reply, response);
    },
  });
}

import type { FastifyRequest } from 'fastify';
import type { Auth } from '../auth/auth';
import type { SessionContext } from '../auth/resolve-actor';
import type { AppConfig } from '../config/config';
import type { Database, Db } from '../db/client';
import { problems } from '../errors/problem';
import type { JobRunner } from '../jobs/runner';
import type { RouteAccess } from '../policy/access';
import type { Actor } from '../policy/actor';

/** What every route and command can reach: the database, the configuration, auth, jobs. */
export interface AppContext {
  config: AppConfig;
  database: Database;
  db: Db;
  auth: Auth;
  jobs: JobRunner;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** The route validates a JSON body (the route walk sends it an unknown field). */
  hasBody: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    /** Every /api route with its access decision (the route-walk test reads it). */
    apiRoutes: RegisteredRoute[];
  }
  interface FastifyRequest {
    session: SessionContext | null;
  }
}

/** The actor of an authenticated route (the onRequest hook has already checked it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw problems.unauthorized();
  return request.session.actor;
}

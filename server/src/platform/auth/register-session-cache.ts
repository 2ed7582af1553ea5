import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client';
import { SessionCache } from './session-cache';
import { listenForSessionChanges, type SessionChangeListener } from './session-change-listener';

/** One app's session cache and the listener that keeps it right (never shared between apps). */
export interface SessionCacheHandle {
  cache: SessionCache;
  listener: SessionChangeListener;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Read by resolveSession; the tests wait on its listener. */
    sessionCache: SessionCacheHandle;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Creates the app's session cache and starts listening for changes (call before any route
 * is registered, so that the hook below covers them all). Close it before the database.
 */
export async function registerSessionCache(app: FastifyInstance, database: Database): Promise<SessionCacheHandle> {
  const cache = new SessionCache();
  const listener = await listenForSessionChanges(database, app.log);
  listener.on('listening', () => cache.trust(true));
  listener.on('lost', () => cache.trust(false));
  listener.on('changed', () => cache.clear());
  // The first LISTEN answered before the handlers above were attached.
  if (listener.isListening) cache.trust(true);
  const handle: SessionCacheHandle = {
    cache,
    listener,
    close: async () => {
      cache.trust(false);
      await listener.close();
    },
  };
  app.decorate('sessionCache', handle);

  // A request that may have written has committed by the time it answers: emptying the
  // cache then makes a sign-out, a removed member or a changed role made through this
  // process hold from its very next request, without waiting for the notification.
  // Emptying it when such a request starts as well would buy nothing: the rows can only
  // change at its commit, and anything read until then, kept or still in flight, is
  // forgotten here (a read in flight finds the generation changed and is not kept).
  // A request whose client leaves before the answer may skip this hook ('finish' never
  // comes); its change then waits for the notification, like another process's.
  app.addHook('onResponse', async (request) => {
    if (!SAFE_METHODS.has(request.method)) cache.clear();
  });
  // Closes the listener when a build fails after this point; a built app closes it first in
  // its own onClose, before the database (closing twice does nothing).
  app.addHook('onClose', () => handle.close());
  return handle;
}

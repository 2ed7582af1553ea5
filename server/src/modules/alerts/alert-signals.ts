import { EventEmitter } from 'node:events';

/**
 * In-process signal that an organisation's alert feed changed. Commands' routes emit it after
 * their transaction commits (never before: a rolled-back change must not make screens reload);
 * the SSE stream tells its listeners to fetch the feed again. It carries no content, so it
 * reveals nothing to whoever listens: each client re-reads the feed with its own rights.
 * One process holds every stream (PGlite is one process); several PostgreSQL processes would
 * need LISTEN/NOTIFY here instead.
 */
const emitter = new EventEmitter();
// One listener per open stream: hundreds in a large organisation is normal, not a leak.
emitter.setMaxListeners(0);

export function signalAlertsChanged(orgId: string): void {
  emitter.emit('changed', orgId);
}

/** Calls `listener` when the organisation's feed changes; returns the unsubscribe. */
export function onAlertsChanged(orgId: string, listener: () => void): () => void {
  const handler = (changed: string) => {
    if (changed === orgId) listener();
  };
  emitter.on('changed', handler);
  return () => emitter.off('changed', handler);
}

/** Open listeners (streams): the stream's test checks a closed connection leaves none behind. */
export function alertListenerCount(): number {
  return emitter.listenerCount('changed');
}

import { EventEmitter } from 'node:events';

/**
 * The signal that an organisation's alert feed changed. Commands' routes emit it after their
 * transaction commits (never before: a rolled-back change must not make screens reload); the
 * SSE stream tells its listeners to fetch the feed again. It carries no content, so it reveals
 * nothing to whoever listens: each client re-reads the feed with its own rights.
 * On PGlite (one process) it travels in-process; on PostgreSQL the alerts routes install a
 * publisher that sends it through NOTIFY, so every server process hears it
 * (postgres-alert-bus.ts), this one included.
 */

const emitter = new EventEmitter();
// One listener per open stream: hundreds in a large organisation is normal, not a leak.
emitter.setMaxListeners(0);

/** Every organisation's feed may have changed (signals lost while the bus reconnected). */
export const ALL_ORGANISATIONS = '*';

type Publisher = (orgId: string) => void;
const deliverHere: Publisher = (orgId) => deliverAlertsChanged(orgId);
let publisher: Publisher = deliverHere;

export function signalAlertsChanged(orgId: string): void {
  publisher(orgId);
}

/** Hands the signal to this process's streams (what the bus calls when a NOTIFY arrives). */
export function deliverAlertsChanged(orgId: string): void {
  emitter.emit('changed', orgId);
}

/** Sends the signals another way (PostgreSQL NOTIFY); returns what puts the in-process one back. */
export function useAlertPublisher(publish: Publisher): () => void {
  publisher = publish;
  return () => {
    if (publisher === publish) publisher = deliverHere;
  };
}

/** Calls `listener` when the organisation's feed changes; returns the unsubscribe. */
export function onAlertsChanged(orgId: string, listener: () => void): () => void {
  const handler = (changed: string) => {
    if (changed === orgId || changed === ALL_ORGANISATIONS) listener();
  };
  emitter.on('changed', handler);
  return () => emitter.off('changed', handler);
}

/** Open listeners (streams): the stream's test checks a closed connection leaves none behind. */
export function alertListenerCount(): number {
  return emitter.listenerCount('changed');
}

import type { Actor } from '../../platform/policy/actor';
import type { AgendaStamp } from './officials-version';

/**
 * Indexes kept per organisation and viewer. The directory decides in SQL which officials an
 * actor sees (by role, and for group staff by their own groups), so an index is kept for one
 * (organisation, role, user): never handed to someone who may see fewer officials.
 */
const MAX_ENTRIES = 1000;

interface Entry<T> {
  stamp: string;
  value: T;
}

const entries = new Map<string, Entry<unknown>>();

function stampKey(stamp: AgendaStamp, today: string): string | null {
  // Never changed (no officials yet) or changed by this very transaction: nothing to trust.
  if (!stamp.officialsVersion || stamp.changedInTransaction) return null;
  // Mandates come into and out of force with the day, in the database's and the server's calendar.
  return `${stamp.officialsVersion}|${stamp.databaseToday}|${today}`;
}

/**
 * The value built for this actor under this stamp, or a fresh one (then kept). The stamp is the
 * database's, so a change committed by any process makes every process build again.
 */
export async function cachedForViewer<T>(
  actor: Actor,
  stamp: AgendaStamp,
  build: () => Promise<T>,
  today = new Date().toISOString().slice(0, 10),
): Promise<T> {
  const key = stampKey(stamp, today);
  if (!key) return build();
  const viewer = `${actor.orgId}|${actor.role}|${actor.userId}`;
  const hit = entries.get(viewer);
  if (hit && hit.stamp === key) {
    // Most recently used last, so that the oldest is the one dropped.
    entries.delete(viewer);
    entries.set(viewer, hit);
    return hit.value as T;
  }
  const value = await build();
  entries.delete(viewer);
  entries.set(viewer, { stamp: key, value });
  if (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  return value;
}

import type { TConflicts } from '@dircab/contracts';
import type { Occurrence } from '../present-event';

export interface Conflict {
  kind: 'overlap' | 'travel';
  officialId: string;
  occurrences: [Occurrence, Occurrence];
  /** Travel: minutes between the end of the first and the start of the second. */
  minutes: number | null;
}

/** Two places are the same when their coordinates, or else their label and address, match. */
function samePlace(a: Occurrence, b: Occurrence): boolean {
  const pa = a.row;
  const pb = b.row;
  if (pa.placeLat != null && pa.placeLon != null && pb.placeLat != null && pb.placeLon != null) {
    return Math.abs(pa.placeLat - pb.placeLat) < 1e-4 && Math.abs(pa.placeLon - pb.placeLon) < 1e-4;
  }
  const key = (r: typeof pa) => `${r.placeLabel ?? ''}|${r.placeAddress ?? ''}`.trim().toLowerCase();
  return key(pa) === key(pb);
}

/**
 * Conflicts per official, among timed occurrences (an all-day event, a congress or a day
 * off, does not collide with the meetings of that day): overlaps, and two consecutive events
 * at different places with less than `travelMinutes` between them. Occurrences come sorted by start.
 */
export function findConflicts(occurrences: Occurrence[], travelMinutes: number): Conflict[] {
  const byOfficial = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    if (o.row.allDay) continue;
    for (const officialId of o.row.officialIds) {
      const list = byOfficial.get(officialId) ?? [];
      list.push(o);
      byOfficial.set(officialId, list);
    }
  }
  const out: Conflict[] = [];
  for (const [officialId, list] of byOfficial) {
    for (let i = 0; i < list.length; i++) {
      const a = list[i] as Occurrence;
      let next: Occurrence | undefined;
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j] as Occurrence;
        if (b.start < a.end) {
          out.push({ kind: 'overlap', officialId, occurrences: [a, b], minutes: null });
        } else {
          next ??= b;
          break;
        }
      }
      if (!next || !a.row.placeLabel || !next.row.placeLabel || samePlace(a, next)) continue;
      const minutes = Math.floor((next.start.getTime() - a.end.getTime()) / 60_000);
      if (minutes < travelMinutes) out.push({ kind: 'travel', officialId, occurrences: [a, next], minutes });
    }
  }
  return out;
}

/** Each occurrence's conflicts, as lists show them. */
export function computeConflicts(occurrences: Occurrence[], travelMinutes: number): Map<Occurrence, TConflicts> {
  const map = new Map<Occurrence, TConflicts>();
  for (const o of occurrences) map.set(o, { overlaps: [], travel: [] });
  for (const c of findConflicts(occurrences, travelMinutes)) {
    const [a, b] = c.occurrences;
    const ca = map.get(a) as TConflicts;
    const cb = map.get(b) as TConflicts;
    if (c.kind === 'overlap') {
      if (!ca.overlaps.includes(b.row.id)) ca.overlaps.push(b.row.id);
      if (!cb.overlaps.includes(a.row.id)) cb.overlaps.push(a.row.id);
    } else {
      ca.travel.push({ eventId: b.row.id, minutes: c.minutes ?? 0 });
      cb.travel.push({ eventId: a.row.id, minutes: c.minutes ?? 0 });
    }
  }
  return map;
}

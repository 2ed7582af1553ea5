import type { TEvent } from '@dircab/contracts';
import { msOf } from './zoned-time';

/** The part of a timed event that falls on one day of the grid, in minutes of that day. */
export interface Segment {
  event: TEvent;
  top: number;
  bottom: number;
  /** Side-by-side placement among the events it overlaps. */
  lane: number;
  lanes: number;
}

const DAY = 24 * 60;
// A five-minute event still needs room for its title.
const MIN_HEIGHT = 20;

/** Timed events cut to `day` (a night trip shows on both days), laid out in lanes where they overlap. */
export function segmentsOfDay(events: readonly TEvent[], day: string, timeZone: string): Segment[] {
  const dayStart = msOf(day, 0, timeZone);
  const dayEnd = msOf(day, DAY, timeZone);
  const raw = events
    .filter((e) => !e.allDay)
    .flatMap((event) => {
      const s = Date.parse(event.start);
      const e = Date.parse(event.end);
      if (e <= dayStart || s >= dayEnd) return [];
      const top = Math.max(0, (s - dayStart) / 60_000);
      const bottom = Math.min(DAY, (e - dayStart) / 60_000);
      return [{ event, top, bottom: Math.max(bottom, Math.min(DAY, top + MIN_HEIGHT)), lane: 0, lanes: 1 }];
    })
    .sort((a, b) => a.top - b.top || b.bottom - a.bottom);
  // Clusters of events overlapping one another share the width between their lanes.
  let cluster: Segment[] = [];
  let clusterEnd = -1;
  const flush = () => {
    const lanes = Math.max(1, ...cluster.map((c) => c.lane + 1));
    for (const c of cluster) c.lanes = lanes;
    cluster = [];
  };
  for (const seg of raw) {
    if (seg.top >= clusterEnd) {
      flush();
      clusterEnd = -1;
    }
    const laneEnds: number[] = [];
    for (const c of cluster) laneEnds[c.lane] = Math.max(laneEnds[c.lane] ?? 0, c.bottom);
    let lane = laneEnds.findIndex((end) => end <= seg.top);
    if (lane < 0) lane = laneEnds.length;
    seg.lane = lane;
    cluster.push(seg);
    clusterEnd = Math.max(clusterEnd, seg.bottom);
  }
  flush();
  return raw;
}

/** All-day events (and their days) touching `day`. */
export function allDayOn(events: readonly TEvent[], day: string): TEvent[] {
  return events.filter(
    (e) => e.allDay && e.startDate !== null && e.startDate <= day && (e.endDate ?? e.startDate) >= day,
  );
}

/** Every event touching `day`: all-day ones first, then by start. */
export function eventsOn(events: readonly TEvent[], day: string, timeZone: string): TEvent[] {
  const from = msOf(day, 0, timeZone);
  const to = msOf(day, DAY, timeZone);
  const timed = events.filter((e) => !e.allDay && Date.parse(e.end) > from && Date.parse(e.start) < to);
  return [...allDayOn(events, day), ...timed.sort((a, b) => Date.parse(a.start) - Date.parse(b.start))];
}

/** The events on one official's agenda. */
export const eventsOf = (events: readonly TEvent[], officialId: string) =>
  events.filter((e) => e.officialIds.includes(officialId));

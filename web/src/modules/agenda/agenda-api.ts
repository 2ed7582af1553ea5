import type { TCreateEvent, TEvent, TMoveEvent, TUpdateEvent } from '@dircab/contracts';
import { http, queryString } from '../../app/api/http';

export interface EventPage {
  data: TEvent[];
  nextCursor: string | null;
}

export interface MovedEvent {
  event: TEvent;
  /** Where the event was: moving it back to `previous.start` (or `startDate`) undoes the move. */
  previous: { start: string; end: string; startDate: string | null; endDate: string | null };
}

export const EVENTS_KEY = ['agenda', 'events'] as const;
export const eventsKey = (from: string, to: string, officialIds: readonly string[]) =>
  [...EVENTS_KEY, from, to, officialIds.join(',')] as const;

const one = (id: string, occurrence?: string | null) =>
  `/api/v1/events/${encodeURIComponent(id)}${queryString({ occurrence })}`;

// A period holds at most a few hundred occurrences; past that the calendar stops asking.
const MAX_PAGES = 10;

export const agendaApi = {
  /** Every occurrence of the period on these officials' agendas, page after page. */
  async events(from: string, to: string, officialIds: readonly string[]): Promise<TEvent[]> {
    const all: TEvent[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < MAX_PAGES; i++) {
      const page: EventPage = await http.get<EventPage>(
        `/api/v1/events${queryString({ from, to, officialIds: officialIds.join(','), limit: 500, cursor })}`,
      );
      all.push(...page.data);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return all;
  },
  event: (id: string) => http.get<TEvent>(one(id)),
  create: (body: TCreateEvent) => http.post<TEvent>('/api/v1/events', body),
  /** `occurrence`: the original start of the one occurrence to change; the whole series without it. */
  update: (id: string, body: TUpdateEvent, occurrence?: string | null) => http.patch<TEvent>(one(id, occurrence), body),
  remove: (id: string, occurrence?: string | null) => http.delete(one(id, occurrence)),
  move: (id: string, body: TMoveEvent) => http.post<MovedEvent>(`/api/v1/events/${encodeURIComponent(id)}/move`, body),
};

/** The public events of seven days from `from`, as a document to download. */
export const weeklyAgendaUrl = (from: string, format: 'pdf' | 'docx' | 'odt') =>
  `/api/v1/events/weekly-agenda${queryString({ from, format })}`;

/**
 * The occurrence a change applies to: a series' own occurrence is named by its original start;
 * a single event, or an occurrence already changed once (its own record), needs none. Deleting
 * that record cancels the occurrence (the server keeps it, marked cancelled).
 */
export function occurrenceOf(event: Pick<TEvent, 'id' | 'seriesId' | 'recurrenceId'>): string | null {
  return event.seriesId === event.id && event.recurrenceId ? event.recurrenceId : null;
}

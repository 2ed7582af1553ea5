import type { TEvent, TEventKind } from '@dircab/contracts';

// One hue per kind, always beside the kind's name (never colour alone): pale background, dark
// text (contrast above 7:1) and a strong left border.
export const KIND_COLOURS: Record<TEventKind, string> = {
  meeting: 'blue',
  trip: 'orange',
  ceremony: 'grape',
  council_session: 'red',
  office_hours: 'teal',
  internal: 'cyan',
  private_block: 'gray',
};

export function eventColour(event: Pick<TEvent, 'kind' | 'busy'>): string {
  return event.busy || !event.kind ? 'gray' : KIND_COLOURS[event.kind];
}

export function eventStyle(event: Pick<TEvent, 'kind' | 'busy'>) {
  const c = eventColour(event);
  return {
    background: event.busy
      ? 'repeating-linear-gradient(45deg, var(--mantine-color-gray-1) 0 6px, var(--mantine-color-gray-0) 6px 12px)'
      : `var(--mantine-color-${c}-0)`,
    color: `var(--mantine-color-${c}-9)`,
    borderLeft: `4px solid var(--mantine-color-${c}-7)`,
  };
}

/** Overlaps or too-short journeys the API found for this event. */
export function hasConflict(event: Pick<TEvent, 'conflicts'>): boolean {
  return !!event.conflicts && (event.conflicts.overlaps.length > 0 || event.conflicts.travel.length > 0);
}

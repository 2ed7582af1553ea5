// The three sizes of the issue (S, M, L) and the quick one for CI; every other volume follows
// the number of items in the proportions of a real town hall's cabinet.

export const SCALES = { quick: 1_000, S: 10_000, M: 100_000, L: 1_000_000 } as const;
export type ScaleName = keyof typeof SCALES;

export interface Volumes {
  items: number;
  /** A quarter of the items (issue 7): the address book a cabinet keeps. */
  contacts: number;
  /** The officials' agendas: an event for every five items. */
  events: number;
  /** A case (dossier) for every twenty items. */
  cases: number;
  /** A note for every forty items. */
  notes: number;
}

export function volumesOf(scale: ScaleName): Volumes {
  const items = SCALES[scale];
  return {
    items,
    contacts: Math.round(items / 4),
    events: Math.round(items / 5),
    cases: Math.round(items / 20),
    notes: Math.round(items / 40),
  };
}

/** Six years of history, ending the day before the run (the registration bench adds today's). */
export const HISTORY_YEARS = 6;

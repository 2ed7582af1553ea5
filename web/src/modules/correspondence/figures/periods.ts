/** A period of whole days, as the API takes it (ISO dates, both included). */
export interface Period {
  from: string;
  to: string;
}

export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'last30', 'thisYear', 'lastYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

/** The preset's days, counted from `today` (the organisation's calendar day, YYYY-MM-DD). */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const [y = 2000, m = 1, d = 1] = today.split('-').map(Number);
  switch (preset) {
    case 'thisMonth':
      return { from: iso(y, m - 1, 1), to: today };
    case 'lastMonth':
      return { from: iso(y, m - 2, 1), to: iso(y, m - 1, 0) };
    case 'last30':
      return { from: iso(y, m - 1, d - 29), to: today };
    case 'thisYear':
      return { from: iso(y, 0, 1), to: today };
    case 'lastYear':
      return { from: iso(y - 1, 0, 1), to: iso(y - 1, 11, 31) };
  }
}

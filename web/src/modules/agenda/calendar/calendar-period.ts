import { addDays, addMonths, monthEnd, monthStart, weekStart } from './zoned-time';

export const CALENDAR_VIEWS = ['day', 'week', 'month', 'list'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export interface Period {
  from: string;
  to: string;
}

/** The days a view shows around `date`: the month grid runs from Monday to Sunday. */
export function periodOf(view: CalendarView, date: string): Period {
  switch (view) {
    case 'day':
      return { from: date, to: date };
    case 'week':
      return { from: weekStart(date), to: addDays(weekStart(date), 6) };
    case 'month': {
      const from = weekStart(monthStart(date));
      return { from, to: addDays(weekStart(monthEnd(date)), 6) };
    }
    case 'list':
      return { from: monthStart(date), to: monthEnd(date) };
  }
}

/** The date the previous (-1) or next (1) period starts from. */
export function shiftDate(view: CalendarView, date: string, step: -1 | 1): string {
  if (view === 'day') return addDays(date, step);
  if (view === 'week') return addDays(date, 7 * step);
  return addMonths(date, step);
}

export const isView = (v: string | null): v is CalendarView => CALENDAR_VIEWS.includes(v as CalendarView);
export const isDay = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);

// The recurrences a cabinet plans (a weekly permanence, a monthly council), as the picker
// offers them, and back from an RRULE. A rule the picker cannot express is kept as written.

export const FREQUENCIES = ['none', 'daily', 'weekly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type RecurrenceEnd = 'never' | 'until' | 'count';

export interface SimpleRecurrence {
  frequency: Frequency;
  /** Every n days, weeks or months. */
  interval: number;
  weekdays: Weekday[];
  end: RecurrenceEnd;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  until: string;
  count: number;
  /** A rule the picker does not know: saved back untouched unless the picker changes it. */
  custom: string | null;
}

export const NO_RECURRENCE: SimpleRecurrence = {
  frequency: 'none',
  interval: 1,
  weekdays: [],
  end: 'never',
  until: '',
  count: 10,
  custom: null,
};

const FREQ: Record<Exclude<Frequency, 'none'>, string> = { daily: 'DAILY', weekly: 'WEEKLY', monthly: 'MONTHLY' };

/** The RRULE of the picker's choice (null: no recurrence). */
export function toRrule(r: SimpleRecurrence): string | null {
  if (r.frequency === 'none') return null;
  if (r.custom) return r.custom;
  const parts = [`FREQ=${FREQ[r.frequency]}`];
  if (r.interval > 1) parts.push(`INTERVAL=${r.interval}`);
  if (r.frequency === 'weekly' && r.weekdays.length > 0) {
    parts.push(`BYDAY=${WEEKDAYS.filter((d) => r.weekdays.includes(d)).join(',')}`);
  }
  // UNTIL as a date-time at the end of the day: the last occurrence that day stays in.
  if (r.end === 'until' && r.until) parts.push(`UNTIL=${r.until.replaceAll('-', '')}T235959Z`);
  if (r.end === 'count' && r.count > 0) parts.push(`COUNT=${r.count}`);
  return parts.join(';');
}

/** The picker's view of an RRULE; anything it cannot show is kept as `custom`. */
export function fromRrule(rrule: string | null | undefined): SimpleRecurrence {
  if (!rrule) return NO_RECURRENCE;
  const body = rrule.replace(/^RRULE:/i, '').trim();
  const fields = new Map(
    body.split(';').map((p) => {
      const [k = '', v = ''] = p.split('=');
      return [k.toUpperCase(), v.toUpperCase()] as const;
    }),
  );
  const freq = { DAILY: 'daily', WEEKLY: 'weekly', MONTHLY: 'monthly' }[fields.get('FREQ') ?? ''] as
    | Frequency
    | undefined;
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'UNTIL', 'COUNT', 'WKST']);
  const byday = (fields.get('BYDAY') ?? '').split(',').filter(Boolean);
  const simpleDays = byday.every((d) => (WEEKDAYS as readonly string[]).includes(d));
  const understood =
    !!freq && [...fields.keys()].every((k) => known.has(k)) && simpleDays && (freq === 'weekly' || byday.length === 0);
  const until = fields.get('UNTIL');
  const base: SimpleRecurrence = {
    frequency: freq ?? 'weekly',
    interval: Math.max(1, Number(fields.get('INTERVAL') ?? 1) || 1),
    weekdays: simpleDays ? (byday as Weekday[]) : [],
    end: until ? 'until' : fields.has('COUNT') ? 'count' : 'never',
    until: until ? `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` : '',
    count: Number(fields.get('COUNT') ?? 10) || 10,
    custom: null,
  };
  return understood ? base : { ...base, custom: body };
}

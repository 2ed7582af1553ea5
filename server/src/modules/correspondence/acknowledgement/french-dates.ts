import { localDate } from '../../../platform/calendar/working-days';

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** `2026-11-01` → "1er novembre 2026", as a French letter writes it. */
export function frenchDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return `${date === 1 ? '1er' : date} ${MONTHS[month - 1]} ${year}`;
}

/** The calendar day of an instant in the organisation's time zone, in French. */
export function frenchDate(instant: Date, timeZone: string): string {
  return frenchDay(localDate(instant, timeZone));
}

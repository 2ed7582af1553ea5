import { localToIso, todayIn } from '../../correspondence/correspondence-rules';

// Time helpers of the invitations, briefs and today screens: times are read and typed in the
// organisation's zone (Nouméa), whatever the browser's.

export { todayIn };

/** A day and a time typed in the organisation's zone, as ISO 8601 with its offset. */
export function zonedIso(day: string, time: string, timeZone: string): string {
  return localToIso(`${day}T${time}`, timeZone);
}

/** The day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The day `days` after (or before) `day`. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'fr-FR');

function safeFormat(options: Intl.DateTimeFormatOptions, language: string, timeZone: string, iso: string): string {
  try {
    return new Intl.DateTimeFormat(locale(language), { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(locale(language), options).format(new Date(iso));
  }
}

/** « 18:00 » in the zone. */
export function formatTime(iso: string, timeZone: string, language: string): string {
  return safeFormat({ hour: '2-digit', minute: '2-digit' }, language, timeZone, iso);
}

/** « samedi 19 décembre 2026 » in the zone. */
export function formatLongDay(iso: string, timeZone: string, language: string): string {
  return safeFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, language, timeZone, iso);
}

/** A day (YYYY-MM-DD) written out, read as a calendar day. */
export function formatDayLong(day: string, language: string): string {
  return formatLongDay(`${day}T12:00:00Z`, 'UTC', language);
}

/** When something happens: its day, and its hours unless it lasts all day. */
export function formatWhen(
  item: { allDay: boolean; start: string; end: string; startDate: string | null; endDate: string | null },
  timeZone: string,
  language: string,
): string {
  if (item.allDay && item.startDate) {
    const first = formatDayLong(item.startDate, language);
    return item.endDate && item.endDate !== item.startDate
      ? `${first} – ${formatDayLong(item.endDate, language)}`
      : first;
  }
  return `${formatLongDay(item.start, timeZone, language)}, ${formatTime(item.start, timeZone, language)} – ${formatTime(item.end, timeZone, language)}`;
}

/** The place on OpenStreetMap: at its coordinates when known, else searched by name and address. */
export function mapHref(place: {
  label: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
}): string {
  if (place.lat !== null && place.lon !== null) {
    return `https://www.openstreetmap.org/?mlat=${place.lat}&mlon=${place.lon}#map=17/${place.lat}/${place.lon}`;
  }
  const query = [place.label, place.address].filter(Boolean).join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

/** A `tel:` address from a number as written (spaces and dots dropped). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** A moment in the organisation's time zone (Nouméa and Paris are 10 hours apart). */
export function formatDateTime(iso: string, timeZone: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'fr-FR';
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(new Date(iso));
  } catch {
    // An unknown zone name must not break the page: show it in the browser's zone.
    return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  }
}

/** The UTC offset of a zone on a given day, as `+11:00`. */
function offsetOf(day: string, timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(
      new Date(`${day}T12:00:00Z`),
    );
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-]\d{2}:\d{2})/.exec(name);
    return match?.[1] ?? '+00:00';
  } catch {
    return '+00:00';
  }
}

/** Start (or end) of a calendar day in the organisation's zone, as ISO 8601 with its offset. */
export function dayBoundary(day: string, timeZone: string, end = false): string {
  return `${day}T${end ? '23:59:59.999' : '00:00:00'}${offsetOf(day, timeZone)}`;
}

import type { TCorrespondenceStatus, TRole } from '@dircab/contracts';

// Records carry their own `policies`; registering has no record yet, so that one rule is
// mirrored here from server/src/modules/correspondence/correspondence.policy.ts (REGISTER).
const REGISTER: readonly TRole[] = [
  'executive',
  'chief_of_staff',
  'cabinet_head',
  'advisor',
  'secretariat',
  'communication',
];

/** Whether the role may register an item (the server's correspondence.register). */
export const canRegister = (role: TRole) => REGISTER.includes(role);

export const CORRESPONDENCE_PATH = '/correspondence';
export const NEW_ITEM_PATH = `${CORRESPONDENCE_PATH}/new`;
export const SIGNATURE_BOOK_PATH = `${CORRESPONDENCE_PATH}/signature-book`;
export const itemPath = (id: string) => `${CORRESPONDENCE_PATH}/items/${encodeURIComponent(id)}`;
export const editItemPath = (id: string) => `${itemPath(id)}/edit`;

/** Today in the organisation's calendar (Nouméa is a day ahead of Paris in the evening). */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

const FINISHED: readonly TCorrespondenceStatus[] = ['sent', 'closed', 'closed_without_reply', 'forwarded'];

/** Past its due date and still open. */
export function isOverdue(item: { dueDate: string | null; status: TCorrespondenceStatus }, today: string): boolean {
  return item.dueDate !== null && item.dueDate < today && !FINISHED.includes(item.status);
}

/** The badge colour of a status: dark shades keep white text above 4.5:1 (axe). */
export function statusColor(status: TCorrespondenceStatus): string {
  switch (status) {
    case 'registered':
      return 'blue.9';
    case 'routed':
    case 'in_progress':
      return 'indigo.9';
    case 'reply_drafted':
    case 'in_review':
    case 'to_sign':
      return 'grape.9';
    case 'waiting_info':
      return 'cyan.9';
    case 'sent':
    case 'closed':
      return 'teal.9';
    default:
      return 'gray.8';
  }
}

/** A calendar day (`2026-11-23`) as the reader writes it, without a time zone shift. */
export function formatDay(day: string, language: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** The UTC offset of a zone at a moment, as `+11:00`. */
function offsetAt(date: Date, timeZone: string): string {
  try {
    const name =
      new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(date)
        .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    return /GMT([+-]\d{2}:\d{2})/.exec(name)?.[1] ?? '+00:00';
  } catch {
    return '+00:00';
  }
}

/** A `datetime-local` value read in the organisation's zone, as ISO 8601 with its offset. */
export function localToIso(value: string, timeZone: string): string {
  return `${value}:00${offsetAt(new Date(`${value}:00Z`), timeZone)}`;
}

/** Now in the organisation's zone, as a `datetime-local` value (to the minute). */
export function nowLocal(timeZone: string, now = new Date()): string {
  try {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(now)
        .map((p) => [p.type, p.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  } catch {
    return now.toISOString().slice(0, 16);
  }
}

// Who may search the members (GET /api/v1/members/lookup, server/src/modules/org/org.routes.ts).
const MEMBER_LOOKUP: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head'];
/** Whether the role may pick a person by name (the inbox's person filter). */
export const canLookUpMembers = (role: TRole) => MEMBER_LOOKUP.includes(role);

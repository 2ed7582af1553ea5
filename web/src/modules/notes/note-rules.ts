import type { TNoteStatus, TRole } from '@dircab/contracts';

/** Badge colours dark enough for 4.5:1 with white text (axe). */
export function noteStatusColor(status: TNoteStatus): string {
  switch (status) {
    case 'draft':
      return 'gray.8';
    case 'in_review':
      return 'grape.9';
    case 'validated':
      return 'cyan.9';
    case 'transmitted':
      return 'blue.9';
    case 'read':
      return 'indigo.9';
    case 'answered':
      return 'teal.9';
  }
}

export const notePath = (id: string) => `/notes/${id}`;
export const contributionPath = (noteId: string, cid: string) => `/notes/${noteId}/contributions/${cid}`;

/** Today in the organisation's zone, as YYYY-MM-DD (due dates are days there). */
export function todayIn(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

// The server's policies decide each record's buttons; these roles only choose which entry
// points a page offers (server/src/modules/notes/notes.policy.ts).
const WRITERS: readonly TRole[] = [
  'executive',
  'chief_of_staff',
  'cabinet_head',
  'advisor',
  'secretariat',
  'communication',
];
/** Whom a note is addressed to: the executive or an official. */
export const ADDRESSEE_ROLES: readonly TRole[] = ['executive', 'official'];
export const canWriteNotes = (role: TRole) => WRITERS.includes(role);
export const hasReadingFolder = (role: TRole) => ADDRESSEE_ROLES.includes(role);
/** The heads of the cabinet keep the organisation's templates (the admin too, outside the notes module). */
export const canManageTemplates = (role: TRole) => ['chief_of_staff', 'cabinet_head', 'admin'].includes(role);

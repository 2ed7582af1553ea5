import type { TNoteKind } from '@dircab/contracts';
import { eq } from 'drizzle-orm';
import { users } from '../../../platform/auth/auth.schema';
import type { Queryable } from '../../../platform/db/client';
import type { TDocument } from '../../../platform/documents/document';
import { findLetterhead, letterheadLines } from '../../correspondence/acknowledgement/letterhead';
import type { NoteRow } from './find-notes';

const KIND_LABELS: Record<TNoteKind, string> = {
  note_to_executive: 'Note à l’attention du maire',
  briefing: 'Note de synthèse',
  speech: 'Discours',
  talking_points: 'Éléments de langage',
  press_elements: 'Éléments presse',
  meeting_minutes: 'Compte rendu de réunion',
};

const LEVEL_LABELS = { normal: '', restricted: 'Diffusion restreinte', confidential: 'Confidentiel' } as const;

/**
 * A note as a document with the organisation's letterhead (the one the acknowledgements use):
 * its kind, the addressee and author, the date in the organisation's time zone, then the body.
 */
export async function noteDocument(
  db: Queryable,
  org: { id: string; name: string; timeZone: string },
  note: NoteRow,
): Promise<TDocument> {
  const letterhead = await findLetterhead(db, { id: org.id, name: org.name });
  const names = async (id: string | null) => {
    if (!id) return '';
    const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
    return row?.name ?? '';
  };
  const [addressee, author] = await Promise.all([names(note.addresseeId), names(note.authorId)]);
  const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: org.timeZone }).format(
    note.transmittedAt ?? note.updatedAt,
  );
  const level = LEVEL_LABELS[note.confidentiality];
  return {
    title: note.title,
    subtitle: [KIND_LABELS[note.kind], level].filter(Boolean).join(' — '),
    letterhead: { organisationName: letterhead.organisationName, lines: letterheadLines(letterhead) },
    blocks: [
      {
        kind: 'table',
        columns: ['À l’attention de', 'Rédigée par', 'Date', 'Version'],
        rows: [[addressee, author, day, String(note.version)]],
      },
      { kind: 'richText', html: note.bodyHtml || '<p></p>' },
    ],
  };
}

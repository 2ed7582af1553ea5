import type { TAlert } from '@dircab/contracts';
import { and, desc, eq } from 'drizzle-orm';
import { registerAlertSource } from '../alerts/alert-sources';
import { registerCaseLinkKind } from '../cases/case-link-kinds';
import { registerTaskLinkKind } from '../tasks/task-link-kinds';
import { visibleNotes } from './notes.policy';
import { notes } from './notes.schema';
import { findNote, noteScope } from './queries/find-notes';

/**
 * Notes plug into the cases (a `note` link), the tasks (contributions: a task about a note
 * copies its confidentiality and people) and the alert feed (notes waiting to be read).
 */
export function registerNoteLinks(): void {
  registerCaseLinkKind({
    kind: 'note',
    async describe(db, actor, id) {
      const n = await findNote(db, actor, id);
      return n ? { title: n.title, url: `/notes/${n.id}` } : null;
    },
  });
  registerTaskLinkKind({
    kind: 'note',
    async scopeOf(db, actor, id) {
      const n = await findNote(db, actor, id);
      return n ? { confidentiality: n.confidentiality, members: n.members } : null;
    },
  });
  // The reader's own folder: notes transmitted to them and not yet read (notes_org_addressee_idx).
  registerAlertSource({
    kind: 'note.to_read',
    async find(db, actor, limit): Promise<TAlert[]> {
      const rows = await db
        .select()
        .from(notes)
        .where(
          and(
            eq(notes.orgId, actor.orgId),
            eq(notes.addresseeId, actor.userId),
            eq(notes.status, 'transmitted'),
            visibleNotes(actor, noteScope),
          ),
        )
        .orderBy(desc(notes.transmittedAt), desc(notes.id))
        .limit(limit);
      return rows.map((n) => ({
        id: `note.to_read:${n.id}`,
        kind: 'note.to_read',
        priority: n.kind === 'note_to_executive' ? 'high' : 'normal',
        title: n.title,
        detail: 'Note à lire',
        url: `/notes/${n.id}`,
        at: (n.transmittedAt ?? n.updatedAt).toISOString(),
      }));
    },
  });
}

import type { TNoteTemplate } from '@dircab/contracts';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import type { NoteTemplateRow } from '../commands/manage-templates';
import { NOTE_ROLES } from '../notes.policy';
import { noteTemplates } from '../notes.schema';
import { badCursor } from './find-notes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function presentNoteTemplate(actor: Actor, row: NoteTemplateRow): TNoteTemplate {
  const manage = row.orgId === actor.orgId && NOTE_ROLES.templates.includes(actor.role);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    bodyHtml: row.bodyHtml,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    policies: { update: manage, delete: manage },
  };
}

/** The organisation's templates in creation order (note_templates_org_idx). */
export async function findNoteTemplates(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TNoteTemplate[]; nextCursor: string | null }> {
  const where: SQL[] = [eq(noteTemplates.orgId, actor.orgId)];
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['id']);
    if (!UUID.test(c.id)) badCursor();
    where.push(sql`${noteTemplates.id} > ${c.id}::uuid`);
  }
  const rows = await db
    .select()
    .from(noteTemplates)
    .where(and(...where))
    .orderBy(asc(noteTemplates.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => presentNoteTemplate(actor, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}

export async function findNoteTemplate(db: Queryable, actor: Actor, id: string): Promise<NoteTemplateRow | null> {
  const [row] = await db
    .select()
    .from(noteTemplates)
    .where(and(eq(noteTemplates.orgId, actor.orgId), eq(noteTemplates.id, id)));
  return row ?? null;
}

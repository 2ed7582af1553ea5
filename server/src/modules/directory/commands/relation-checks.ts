import { SYMMETRIC_RELATION_KINDS, type TRelationKind } from '@dircab/contracts';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { contactRelations } from '../contact-links.schema';
import { contactPolicy } from '../directory.policy';
import { type ContactRow, findContact } from '../queries/find-contacts';

export type RelationRow = typeof contactRelations.$inferSelect;

/** The page's contact, visible (404) and editable by the actor (403). */
export async function editableContact(tx: Queryable, actor: Actor, id: string): Promise<ContactRow> {
  const contact = await findContact(tx, actor, id);
  if (!contact) throw problems.notFound();
  if (!contactPolicy.can(actor, 'update', contact)) throw problems.forbidden();
  return contact;
}

/** A relation of this contact whose other end the actor may see, or 404. */
export async function relationOf(
  tx: Queryable,
  actor: Actor,
  contactId: string,
  relationId: string,
): Promise<{ relation: RelationRow; other: ContactRow }> {
  const [relation] = await tx
    .select()
    .from(contactRelations)
    .where(and(eq(contactRelations.orgId, actor.orgId), eq(contactRelations.id, relationId)));
  if (!relation || (relation.fromContactId !== contactId && relation.toContactId !== contactId)) {
    throw problems.notFound();
  }
  const otherId = relation.fromContactId === contactId ? relation.toContactId : relation.fromContactId;
  const other = await findContact(tx, actor, otherId);
  if (!other) throw problems.notFound();
  return { relation, other };
}

/**
 * The same relation already recorded (same ends, kind and label; either way round for a
 * symmetric kind such as spouse_of)? `except` skips the relation being edited.
 */
export async function sameRelationExists(
  tx: Queryable,
  orgId: string,
  r: { fromContactId: string; toContactId: string; kind: TRelationKind; label: string | null },
  except?: string,
): Promise<boolean> {
  const ends = SYMMETRIC_RELATION_KINDS.includes(r.kind)
    ? sql`((${contactRelations.fromContactId} = ${r.fromContactId} and ${contactRelations.toContactId} = ${r.toContactId})
          or (${contactRelations.fromContactId} = ${r.toContactId} and ${contactRelations.toContactId} = ${r.fromContactId}))`
    : sql`(${contactRelations.fromContactId} = ${r.fromContactId} and ${contactRelations.toContactId} = ${r.toContactId})`;
  const [found] = await tx
    .select({ id: contactRelations.id })
    .from(contactRelations)
    .where(
      and(
        eq(contactRelations.orgId, orgId),
        ends,
        eq(contactRelations.kind, r.kind),
        sql`coalesce(lower(${contactRelations.label}), '') = coalesce(lower(${r.label}::text), '')`,
        except ? ne(contactRelations.id, except) : undefined,
      ),
    )
    .limit(1);
  return !!found;
}

export const duplicateRelation = () =>
  problems.conflict('Cette relation existe déjà.', [
    { path: 'kind', message: 'Cette relation entre ces deux contacts existe déjà.', code: 'duplicate_relation' },
  ]);

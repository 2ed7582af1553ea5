import type { TCreateSavedView } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { correspondenceSavedViews } from '../follow-up.schema';
import type { SavedViewRow } from '../queries/find-saved-views';

/** At most this many views a user: a menu, not a store. */
export const MAX_SAVED_VIEWS = 50;

/**
 * Saves the actor's inbox filters under a name (409 when they already have a view of that name).
 * Not audited: a user's own display preference, which changes no record of the organisation.
 */
export async function saveView(tx: Queryable, actor: Actor, input: TCreateSavedView): Promise<SavedViewRow> {
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(correspondenceSavedViews)
    .where(and(eq(correspondenceSavedViews.orgId, actor.orgId), eq(correspondenceSavedViews.userId, actor.userId)));
  const existing = count?.n ?? 0;
  if (existing >= MAX_SAVED_VIEWS) {
    throw problems.conflict(`Vous avez déjà ${MAX_SAVED_VIEWS} vues enregistrées : supprimez-en une d’abord.`);
  }
  const [row] = await tx
    .insert(correspondenceSavedViews)
    .values({ orgId: actor.orgId, userId: actor.userId, name: input.name, filters: input.filters })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    throw problems.conflict('Une vue porte déjà ce nom.', [
      { path: 'name', message: `Vous avez déjà une vue nommée « ${input.name} ».`, code: 'name_taken' },
    ]);
  }
  return row;
}

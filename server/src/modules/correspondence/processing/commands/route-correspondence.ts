import type { TRouteCorrespondence } from '@dircab/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { calendarForOrganisation } from '../../../../platform/calendar/working-days';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { findService } from '../../../directory/queries/find-services';
import { memberships } from '../../../org/org.schema';
import { itemDates } from '../../commands/item-dates';
import { itemTypeOf } from '../../commands/item-references';
import type { OrganisationSetting } from '../../commands/register-correspondence';
import { ROUTABLE } from '../../correspondence.policy';
import type { ItemRow } from '../../queries/find-correspondence';
import { loadForAction, moveItem } from '../load-item';
import { correspondenceRoutings } from '../processing.schema';
import { syncRoutingTask } from './route-tasks';

/** Every service and person named exists in the organisation (a person: an active member). */
async function checkAssignments(tx: Queryable, actor: Actor, input: TRouteCorrespondence) {
  for (const [i, a] of input.assignments.entries()) {
    if (a.serviceId && !(await findService(tx, actor, a.serviceId))) {
      throw problems.badRequest('Un service imputé est inconnu.', [
        {
          path: `assignments.${i}.serviceId`,
          message: 'Ce service n’existe pas dans l’organisation.',
          code: 'unknown_service',
        },
      ]);
    }
  }
  const userIds = [...new Set(input.assignments.flatMap((a) => (a.userId ? [a.userId] : [])))];
  if (userIds.length === 0) return;
  const found = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.active, true), inArray(memberships.userId, userIds)));
  const known = new Map(found.map((m) => [m.userId, m.role]));
  for (const [i, a] of input.assignments.entries()) {
    const role = a.userId ? known.get(a.userId) : undefined;
    if (a.userId && (!role || role === 'group_staff' || role === 'admin')) {
      throw problems.badRequest('Une personne imputée ne peut pas recevoir ce courrier.', [
        {
          path: `assignments.${i}.userId`,
          message: 'Cette personne n’est pas un membre actif pouvant traiter le courrier.',
          code: 'unknown_user',
        },
      ]);
    }
  }
}

/**
 * A confidential item is seen by its named people only: it goes to people (who become named
 * on it), never to a whole service.
 */
function refuseServiceOnlyRouting(input: TRouteCorrespondence) {
  const i = input.assignments.findIndex((a) => !a.userId);
  if (i >= 0) {
    throw problems.badRequest('Un courrier confidentiel s’impute à des personnes, pas à un service entier.', [
      {
        path: `assignments.${i}.userId`,
        message: 'Nommez la personne qui traitera ce courrier confidentiel.',
        code: 'confidential_needs_person',
      },
    ]);
  }
}

/**
 * Routes (imputes) an item: ends the current routing lines and adds the new ones (the history
 * stays), keeps every service and person ever routed to on the item (they keep sight of it),
 * names the lead, sets the due date from the type's processing delay in the organisation's
 * working days (as registration does), and moves it to `routed`. The lead gets a task about
 * the item (route-tasks.ts).
 */
export async function routeCorrespondence(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TRouteCorrespondence,
  org: OrganisationSetting,
  now: Date = new Date(),
): Promise<ItemRow> {
  const { row } = await loadForAction(tx, actor, id, 'route', ROUTABLE, 'imputer ce courrier');
  await checkAssignments(tx, actor, input);
  if (row.confidentiality === 'confidential') refuseServiceOnlyRouting(input);
  await tx
    .update(correspondenceRoutings)
    .set({ endedAt: now })
    .where(and(eq(correspondenceRoutings.itemId, row.id), isNull(correspondenceRoutings.endedAt)));
  await tx.insert(correspondenceRoutings).values(
    input.assignments.map((a) => ({
      orgId: actor.orgId,
      itemId: row.id,
      serviceId: a.serviceId ?? null,
      userId: a.userId ?? null,
      mode: a.mode,
      comment: input.comment ?? null,
      routedBy: actor.userId,
      routedAt: now,
    })),
  );
  const lead = input.assignments.find((a) => a.mode === 'action');
  const serviceIds = [
    ...new Set([...row.serviceIds, ...input.assignments.flatMap((a) => (a.serviceId ? [a.serviceId] : []))]),
  ];
  const routedUserIds = [
    ...new Set([...row.routedUserIds, ...input.assignments.flatMap((a) => (a.userId ? [a.userId] : []))]),
  ];
  const type = await itemTypeOf(tx, actor, row.typeId);
  const dates = itemDates(row.direction, type, row.receivedAt, calendarForOrganisation(org));
  const routed = await moveItem(
    tx,
    actor,
    row,
    'routed',
    'correspondence.route',
    { assignments: input.assignments, comment: input.comment ?? null, rerouted: row.status !== 'registered' },
    {
      serviceIds,
      routedUserIds,
      // Routing a confidential item names its people on it (they must see it to act).
      ...(row.confidentiality === 'confidential' ? { members: [...new Set([...row.members, ...routedUserIds])] } : {}),
      leadServiceId: lead?.serviceId ?? null,
      leadUserId: lead?.userId ?? null,
      dueDate: dates.dueDate ?? row.dueDate,
    },
  );
  await syncRoutingTask(tx, actor, routed, input);
  return routed;
}

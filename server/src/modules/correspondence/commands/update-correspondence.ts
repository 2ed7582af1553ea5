import type { TUpdateCorrespondence } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { diffSummary, recordAudit } from '../../../platform/audit/record-audit';
import { calendarForOrganisation } from '../../../platform/calendar/working-days';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { touchContactActivity } from '../../directory/privacy/touch-contact-activity';
import { refreshTaskScope } from '../../tasks/commands/refresh-task-scope';
import { correspondencePolicy } from '../correspondence.policy';
import { correspondenceItems } from '../correspondence.schema';
import { NO_FACTS } from '../processing/queries/find-circuit-facts';
import { findItem, type ItemRow } from '../queries/find-correspondence';
import { findViewer } from '../queries/find-viewer';
import { withTags } from '../tags/item-tags';
import { indexItem } from './index-item';
import { itemDates } from './item-dates';
import { checkMembers, checkReceivedAt, checkTerritory, itemTypeOf } from './item-references';
import { matchOrCreateSender } from './match-sender';
import type { OrganisationSetting } from './register-correspondence';

/**
 * Corrects a registered item before it is routed: subject, text, channel, type, dates, sender,
 * filing and confidentiality. The number never changes. A new type or received date
 * recomputes the due and implicit-decision dates. 404 when hidden, 409 once routed.
 */
export async function updateCorrespondence(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TUpdateCorrespondence,
  org: OrganisationSetting,
  now: Date = new Date(),
): Promise<ItemRow> {
  const before = await findItem(tx, actor, id, true);
  if (!before) throw problems.notFound();
  if (!correspondencePolicy.can(actor, 'update', { ...before, ...NO_FACTS, viewer: await findViewer(tx, actor) })) {
    if (before.status !== 'registered') {
      throw problems.conflict('Ce courrier a déjà été imputé : il ne se modifie plus par ce formulaire.');
    }
    throw problems.forbidden();
  }
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : before.receivedAt;
  if (input.receivedAt) checkReceivedAt(receivedAt, now);
  if (input.territoryId !== undefined) await checkTerritory(tx, actor, input.territoryId);
  await checkMembers(tx, actor, input.members);
  const typeChanged = input.typeId !== undefined && input.typeId !== before.typeId;
  const type = await itemTypeOf(tx, actor, input.typeId === undefined ? before.typeId : input.typeId);
  const dates =
    typeChanged || input.receivedAt ? itemDates(before.direction, type, receivedAt, calendarForOrganisation(org)) : {};
  let senderFields = {};
  if (input.sender) {
    const sender = await matchOrCreateSender(tx, actor, input.sender, org.region);
    if (before.direction === 'in') await touchContactActivity(tx, actor.orgId, sender.contactId, receivedAt);
    senderFields = {
      senderContactId: sender.contactId,
      senderName: input.sender.name,
      senderEmail: input.sender.email ?? null,
      senderPhone: input.sender.phone ?? null,
      senderAddress: input.sender.address ?? null,
    };
  }
  const confidentiality = input.confidentiality ?? before.confidentiality;
  const members =
    input.members || input.confidentiality
      ? [...new Set([...(input.members ?? before.members), ...(confidentiality !== 'normal' ? [actor.userId] : [])])]
      : undefined;
  const changes = {
    channel: input.channel,
    typeId: input.typeId,
    subject: input.subject,
    body: input.body,
    receivedAt: input.receivedAt ? receivedAt : undefined,
    topic: input.topic,
    territoryId: input.territoryId,
    priority: input.priority,
    confidentiality: input.confidentiality,
    members,
    ...(input.tags ? withTags(input.tags) : {}),
    ...senderFields,
    ...dates,
  };
  const [row] = await tx
    .update(correspondenceItems)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(correspondenceItems.orgId, actor.orgId), eq(correspondenceItems.id, id)))
    .returning();
  if (!row) throw problems.notFound();
  // The text itself stays out of the trail: it may hold a constituent's private matters.
  const { body: _body, tagKeys: _keys, ...audited } = { tagKeys: undefined, ...changes };
  // Dates and lists compared as text, or every edit would list them as changed.
  const comparable = <
    T extends {
      receivedAt?: Date | undefined;
      members?: readonly string[] | undefined;
      tags?: readonly string[] | undefined;
    },
  >(
    v: T,
  ) => ({
    ...v,
    receivedAt: v.receivedAt?.toISOString(),
    members: v.members?.join(','),
    tags: v.tags?.join(', '),
  });
  await recordAudit(tx, actor, {
    action: 'correspondence.update',
    recordType: 'correspondence',
    recordId: row.id,
    summary: {
      ...diffSummary(comparable(before), comparable(audited)),
      ...(input.body !== undefined ? { bodyChanged: true } : {}),
    },
  });
  await indexItem(tx, row);
  // Tasks about the item (made by hand before routing) follow who may see it.
  if (members) {
    await refreshTaskScope(tx, row.orgId, { kind: 'correspondence', id: row.id }, row);
  }
  return row;
}

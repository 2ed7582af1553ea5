import type { TCreateInvitation } from '@dircab/contracts';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { findItem } from '../../correspondence/queries/find-correspondence';
import { findContact } from '../../directory/queries/find-contacts';
import { agendaInvitations } from '../agenda.schema';
import { boundsOf } from '../event-timing';
import type { InvitationRow } from '../queries/find-invitations';
import { boundsFields, placeFields } from './event-writes';

/**
 * Records an invitation received, typed in or from an incoming letter (its correspondence
 * item, which the actor must see): organiser from the directory or by name, when and where,
 * the day to answer by.
 */
export async function createInvitation(
  tx: Queryable,
  actor: Actor,
  input: TCreateInvitation,
  timeZone: string,
): Promise<InvitationRow> {
  const bounds = boundsOf(input, timeZone);
  let organiserName = input.organiserName ?? null;
  if (input.organiserContactId) {
    const contact = await findContact(tx, actor, input.organiserContactId);
    if (!contact) {
      throw problems.badRequest('L’organisateur est inconnu.', [
        { path: 'organiserContactId', message: 'Ce contact n’existe pas dans l’annuaire.', code: 'unknown_contact' },
      ]);
    }
    organiserName ??= contact.displayName;
  }
  if (input.correspondenceItemId && !(await findItem(tx, actor, input.correspondenceItemId))) {
    throw problems.badRequest('Le courrier est inconnu.', [
      {
        path: 'correspondenceItemId',
        message: 'Ce courrier n’existe pas dans le registre ou vous n’y avez pas accès.',
        code: 'unknown_item',
      },
    ]);
  }
  const { allDay, startsAt, endsAt, startDate, endDate, timeZone: zone } = boundsFields(bounds);
  const [row] = await tx
    .insert(agendaInvitations)
    .values({
      orgId: actor.orgId,
      title: input.title,
      organiserContactId: input.organiserContactId ?? null,
      organiserName: organiserName ?? '',
      kind: input.kind ?? 'ceremony',
      allDay,
      startsAt,
      endsAt,
      startDate,
      endDate,
      timeZone: zone,
      ...placeFields(input.place),
      answerBy: input.answerBy,
      correspondenceItemId: input.correspondenceItemId ?? null,
      notes: input.notes ?? '',
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new Error('invitation not created');
  await recordAudit(tx, actor, {
    action: 'agenda.invitation.create',
    recordType: 'agenda_invitation',
    recordId: row.id,
    summary: { after: { title: row.title, answerBy: row.answerBy, correspondenceItemId: row.correspondenceItemId } },
  });
  return row;
}

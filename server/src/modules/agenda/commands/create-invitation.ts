import type { TCreateInvitation } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import { localDate } from '../../../platform/calendar/working-days';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { findItem } from '../../correspondence/queries/find-correspondence';
import { findContact } from '../../directory/queries/find-contacts';
import { agendaInvitations } from '../agenda.schema';
import { boundsOf } from '../event-timing';
import type { InvitationRow } from '../queries/find-invitations';
import { boundsFields, placeFields } from './event-writes';

/** What an incoming letter gives an invitation made from it: subject, writer, received day. */
async function fromLetter(tx: Queryable, actor: Actor, itemId: string, timeZone: string) {
  // The item's own access rules: one who may not see it learns nothing of it (404).
  const item = await findItem(tx, actor, itemId);
  if (!item) throw problems.notFound();
  if (item.direction !== 'in') {
    throw problems.badRequest('Une invitation se crée depuis un courrier arrivé.', [
      {
        path: 'correspondenceItemId',
        message: 'Ce courrier est un départ, pas une invitation reçue.',
        code: 'not_incoming',
      },
    ]);
  }
  // Two clicks on « Créer l'invitation » at once make one invitation: the letter's key is held.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`agenda.invitation-letter:${item.id}`}, 0))`);
  const [taken] = await tx
    .select({ id: agendaInvitations.id })
    .from(agendaInvitations)
    .where(and(eq(agendaInvitations.orgId, actor.orgId), eq(agendaInvitations.correspondenceItemId, item.id)))
    .limit(1);
  if (taken) throw problems.conflict('Une invitation a déjà été créée depuis ce courrier.');
  return {
    title: item.subject.slice(0, 200),
    senderContactId: item.senderContactId,
    senderName: item.senderName,
    receivedOn: localDate(item.receivedAt, timeZone),
  };
}

/**
 * Records an invitation received, typed in or from an incoming letter (its correspondence
 * item, which the actor must see): organiser from the directory or by name, when and where,
 * the day to answer by. What the form leaves empty comes from the letter.
 */
export async function createInvitation(
  tx: Queryable,
  actor: Actor,
  input: TCreateInvitation,
  timeZone: string,
  now = new Date(),
): Promise<InvitationRow> {
  const bounds = boundsOf(input, timeZone);
  const letter = input.correspondenceItemId ? await fromLetter(tx, actor, input.correspondenceItemId, timeZone) : null;
  let organiserName = input.organiserName ?? null;
  let organiserContactId = input.organiserContactId ?? null;
  if (organiserContactId) {
    const contact = await findContact(tx, actor, organiserContactId);
    if (!contact) {
      throw problems.badRequest('L’organisateur est inconnu.', [
        { path: 'organiserContactId', message: 'Ce contact n’existe pas dans l’annuaire.', code: 'unknown_contact' },
      ]);
    }
    organiserName ??= contact.displayName;
  } else if (letter && !organiserName) {
    // The writer as the registration matched them; a contact hidden from the actor stays a name.
    const writer = letter.senderContactId ? await findContact(tx, actor, letter.senderContactId) : null;
    organiserContactId = writer?.id ?? null;
    organiserName = writer?.displayName ?? letter.senderName;
  }
  const title = input.title ?? letter?.title ?? '';
  const { allDay, startsAt, endsAt, startDate, endDate, timeZone: zone } = boundsFields(bounds);
  const [row] = await tx
    .insert(agendaInvitations)
    .values({
      orgId: actor.orgId,
      title,
      organiserContactId,
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
      receivedOn: input.receivedOn ?? letter?.receivedOn ?? localDate(now, timeZone),
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
